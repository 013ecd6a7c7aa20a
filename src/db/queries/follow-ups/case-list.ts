import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../database";
import { followUpCases, interactions, responses, services, staff, teams, users } from "../../schema";
import type { CasePriority, CaseStatus } from "../../../domain/cases";

export const CASE_LIST_PAGE_SIZE = 50;

/** active: every case not closed (the list's default). */
export type CaseStatusFilter = CaseStatus | "active";

export type CaseListFilter = {
  status?: CaseStatusFilter;
  priority?: CasePriority;
  /** The viewer's teams (a manager's own); undefined is every team. */
  teamIds?: readonly number[];
  teamId?: number;
  /** A user id, or null for cases nobody owns. */
  ownerId?: number | null;
  /** Only cases past the due date of their next step. */
  overdue?: boolean;
  /** Opened at or after / before these instants. */
  openedFrom?: number;
  openedBefore?: number;
  /** due: urgent unacknowledged first, then by the next due date; opened: newest first. */
  sort: "due" | "opened";
  page: number;
  pageSize?: number;
};

const c = followUpCases;

/** The date the next step is due: acknowledgement while open, the response once acknowledged. */
const nextDue = sql<string | null>`case when ${c.status} = 'open' then ${c.acknowledgeBy} when ${c.status} = 'acknowledged' then ${c.respondBy} end`;

/** Past the due date of the next step, as of the local date `today`. */
export function overdueAsOf(today: string): SQL {
  return or(and(eq(c.status, "open"), lt(c.acknowledgeBy, today)), and(eq(c.status, "acknowledged"), lt(c.respondBy, today)))!;
}

function scopeOf(f: Pick<CaseListFilter, "teamIds" | "teamId" | "openedFrom" | "openedBefore">): SQL[] {
  const where: SQL[] = [];
  if (f.teamIds) where.push(f.teamIds.length === 0 ? sql`1 = 0` : inArray(c.teamId, [...f.teamIds]));
  if (f.teamId !== undefined) where.push(eq(c.teamId, f.teamId));
  if (f.openedFrom !== undefined) where.push(gte(c.openedAt, f.openedFrom));
  if (f.openedBefore !== undefined) where.push(lt(c.openedAt, f.openedBefore));
  return where;
}

/**
 * The owner's address as a subquery rather than a second join of users under another name:
 * drizzle's aliases do not carry over when PostgreSQL runs these SQLite-declared tables.
 */
const ownerEmail = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${followUpCases.ownerId})`;

/** The columns a case list and a case page show. */
export const caseColumns = {
  id: c.id,
  status: c.status,
  priority: c.priority,
  reasons: c.reasons,
  openedAt: c.openedAt,
  acknowledgeBy: c.acknowledgeBy,
  respondBy: c.respondBy,
  clearedAt: c.clearedAt,
  teamId: c.teamId,
  teamCode: teams.code,
  teamName: teams.name,
  ownerId: c.ownerId,
  ownerEmail,
  interactionId: c.interactionId,
  externalRef: interactions.externalRef,
  staff: staff.name,
  staffCode: staff.code,
  service: services.name,
  serviceCode: services.code,
  channel: responses.channel,
  occurredAt: responses.occurredAt,
  language: responses.language,
  csat: responses.csat,
  ces: responses.ces,
  csi: responses.csi,
  fcr: responses.fcr,
  comment: responses.comment,
  responseId: responses.id,
  acknowledgedAt: c.acknowledgedAt,
  acknowledgedById: c.acknowledgedBy,
  respondedAt: c.respondedAt,
  respondedById: c.respondedBy,
  closedAt: c.closedAt,
  closedById: c.closedBy,
};

/** The joins behind caseColumns. */
export function casesWithResponse(db: Db) {
  return db
    .select(caseColumns)
    .from(c)
    .innerJoin(responses, eq(responses.id, c.responseId))
    .innerJoin(interactions, eq(interactions.id, c.interactionId))
    .innerJoin(teams, eq(teams.id, c.teamId))
    .leftJoin(staff, eq(staff.id, responses.staffId))
    .leftJoin(services, eq(services.id, responses.serviceId));
}
export type CaseRow = Awaited<ReturnType<ReturnType<typeof casesWithResponse>["execute"]>>[number];

/**
 * A page of cases within the viewer's scope and the filters, with the counts the list's heading
 * shows (urgent unacknowledged, overdue, active) for the same scope.
 */
export async function caseList(db: Db, f: CaseListFilter, today: string) {
  const scope = scopeOf(f);
  const where = [...scope];
  const status = f.status ?? "active";
  where.push(status === "active" ? ne(c.status, "closed") : eq(c.status, status));
  if (f.priority) where.push(eq(c.priority, f.priority));
  if (f.ownerId !== undefined) where.push(f.ownerId === null ? isNull(c.ownerId) : eq(c.ownerId, f.ownerId));
  if (f.overdue) where.push(overdueAsOf(today));
  const pageSize = f.pageSize ?? CASE_LIST_PAGE_SIZE;
  const order =
    f.sort === "opened"
      ? [desc(c.openedAt), desc(c.id)]
      : [sql`case when ${c.priority} = 'urgent' and ${c.status} = 'open' then 0 else 1 end`, sql`${nextDue} is null`, asc(nextDue), asc(c.openedAt), asc(c.id)];
  const [items, [total], [counts]] = await Promise.all([
    casesWithResponse(db)
      .where(and(...where))
      .orderBy(...order)
      .limit(pageSize)
      .offset(f.page * pageSize),
    db
      .select({ n: sql<number>`count(*)` })
      .from(c)
      .where(and(...where)),
    db
      .select({
        urgent: sql<number>`coalesce(sum(case when ${c.priority} = 'urgent' and ${c.status} = 'open' then 1 else 0 end), 0)`,
        overdue: sql<number>`coalesce(sum(case when ${overdueAsOf(today)} then 1 else 0 end), 0)`,
        active: sql<number>`coalesce(sum(case when ${c.status} <> 'closed' then 1 else 0 end), 0)`,
      })
      .from(c)
      .where(scope.length > 0 ? and(...scope) : undefined),
  ]);
  return {
    items,
    total: Number(total?.n ?? 0),
    pageSize,
    counts: { urgent: Number(counts?.urgent ?? 0), overdue: Number(counts?.overdue ?? 0), active: Number(counts?.active ?? 0) },
  };
}

/** One case's row, as a list shows it. */
export async function caseRow(db: Db, caseId: number): Promise<CaseRow | undefined> {
  return (await casesWithResponse(db).where(eq(c.id, caseId)))[0];
}
