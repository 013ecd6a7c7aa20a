import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../database";
import { interactions, qaSampleItems, services, staff, teams, users } from "../../schema";
import type { QaItemKind } from "../../../domain/quality";
import { scopeWhere, type QaScope } from "./scope";

export const QA_ITEMS_PAGE_SIZE = 50;

export type QaItemFilter = QaScope & { kind?: QaItemKind; reviewed?: boolean; page: number };

/** Who reviewed an item (a subquery: drizzle's aliases do not carry over to PostgreSQL here). */
const reviewerEmail = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${qaSampleItems.reviewerId})`;

/** The columns an item shows in the list and heads its review page with. */
export const itemColumns = {
  id: qaSampleItems.id,
  kind: qaSampleItems.kind,
  caseId: qaSampleItems.caseId,
  interactionId: qaSampleItems.interactionId,
  channel: qaSampleItems.channel,
  teamId: qaSampleItems.teamId,
  teamCode: teams.code,
  teamName: teams.name,
  staffCode: staff.code,
  staffName: staff.name,
  service: services.name,
  occurredAt: interactions.occurredAt,
  externalRef: interactions.externalRef,
  reviewedAt: qaSampleItems.reviewedAt,
  reviewerId: qaSampleItems.reviewerId,
  reviewer: reviewerEmail,
  comment: qaSampleItems.comment,
};

/** Sampled items with their contact, team, staff member and service. */
export function itemsWithContact(db: Db) {
  return db
    .select(itemColumns)
    .from(qaSampleItems)
    .innerJoin(interactions, eq(interactions.id, qaSampleItems.interactionId))
    .innerJoin(teams, eq(teams.id, qaSampleItems.teamId))
    .leftJoin(staff, eq(staff.id, qaSampleItems.staffId))
    .leftJoin(services, eq(services.id, interactions.serviceId));
}

/**
 * One page of a sample's items: contacts before cases, then by team, staff member and date, so
 * a reviewer works through one person's contacts together.
 */
export async function itemList(db: Db, sampleId: number, f: QaItemFilter) {
  const where: SQL[] = [eq(qaSampleItems.sampleId, sampleId), ...scopeWhere(f)];
  if (f.kind) where.push(eq(qaSampleItems.kind, f.kind));
  if (f.reviewed !== undefined) where.push(f.reviewed ? isNotNull(qaSampleItems.reviewedAt) : isNull(qaSampleItems.reviewedAt));
  const [items, [total]] = await Promise.all([
    itemsWithContact(db)
      .where(and(...where))
      .orderBy(desc(qaSampleItems.kind), asc(teams.name), sql`${staff.name} is null`, asc(staff.name), asc(interactions.occurredAt), asc(qaSampleItems.id))
      .limit(QA_ITEMS_PAGE_SIZE)
      .offset(f.page * QA_ITEMS_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(qaSampleItems)
      .where(and(...where)),
  ]);
  return { items, total: Number(total?.n ?? 0), pageSize: QA_ITEMS_PAGE_SIZE };
}
