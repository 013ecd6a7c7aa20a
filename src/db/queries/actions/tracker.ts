import { and, asc, eq, exists, getTableColumns, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../database";
import { actionLinks, actionProgress, actions, departments, teams, themes, users } from "../../schema";
import type { ActionLinkKind } from "../../../domain/actions";
import type { Reach } from "./reach";

/*
 * The tracker's reads. A tracker holds tens or hundreds of actions, so the list is read whole
 * (no pages): the actions in view, then their links and reviews in one query each. Which
 * assessment stands is the domain's call (src/domain/actions.ts), the same for the list, the
 * export and the quarterly report.
 */

export type ActionFilter = {
  /** Each must hold: the action is linked to one of its teams or departments. */
  reaches?: readonly Reach[];
  ownerId?: number;
  themeId?: number;
  ref?: string;
};

/** The owner's address as a subquery: drizzle's aliases do not carry over to PostgreSQL here. */
const ownerEmail = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${actions.ownerId})`;

function linkedTo(db: Db, kind: ActionLinkKind, ids: readonly number[]): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(actionLinks)
      .where(and(eq(actionLinks.actionId, actions.id), eq(actionLinks.kind, kind), inArray(actionLinks.targetId, [...ids]))),
  );
}

function within(db: Db, reach: Reach): SQL {
  const any: SQL[] = [];
  if (reach.teamIds.length > 0) any.push(linkedTo(db, "team", reach.teamIds));
  if (reach.departmentIds.length > 0) any.push(linkedTo(db, "department", reach.departmentIds));
  return any.length === 0 ? sql`1 = 0` : or(...any)!;
}

export async function actionRows(db: Db, f: ActionFilter = {}) {
  const where: SQL[] = (f.reaches ?? []).map((r) => within(db, r));
  if (f.ownerId !== undefined) where.push(eq(actions.ownerId, f.ownerId));
  if (f.themeId !== undefined) where.push(linkedTo(db, "theme", [f.themeId]));
  if (f.ref !== undefined) where.push(eq(actions.ref, f.ref));
  return db
    .select({ ...getTableColumns(actions), ownerEmail })
    .from(actions)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(asc(actions.id));
}
export type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

export type LinkRow = { actionId: number; kind: ActionLinkKind; id: number; code: string; name: string };

/** What the actions address, by kind, with codes and names (retired things keep theirs). */
export async function linksOf(db: Db, actionIds: readonly number[]): Promise<LinkRow[]> {
  if (actionIds.length === 0) return [];
  const ids = [...actionIds];
  const of = (kind: ActionLinkKind) => and(eq(actionLinks.kind, kind), inArray(actionLinks.actionId, ids));
  const [byTheme, byTeam, byDepartment] = await Promise.all([
    db
      .select({ actionId: actionLinks.actionId, id: themes.id, code: themes.code, name: themes.name })
      .from(actionLinks)
      .innerJoin(themes, eq(themes.id, actionLinks.targetId))
      .where(of("theme")),
    db
      .select({ actionId: actionLinks.actionId, id: teams.id, code: teams.code, name: teams.name })
      .from(actionLinks)
      .innerJoin(teams, eq(teams.id, actionLinks.targetId))
      .where(of("team")),
    db
      .select({ actionId: actionLinks.actionId, id: departments.id, code: departments.code, name: departments.name })
      .from(actionLinks)
      .innerJoin(departments, eq(departments.id, actionLinks.targetId))
      .where(of("department")),
  ]);
  const tag =
    (kind: ActionLinkKind) =>
    (r: Omit<LinkRow, "kind">): LinkRow => ({ ...r, kind });
  return [...byTheme.map(tag("theme")), ...byTeam.map(tag("team")), ...byDepartment.map(tag("department"))].sort((a, b) => a.name.localeCompare(b.name));
}

const recordedBy = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${actionProgress.createdBy})`;

/** The actions' reviews, oldest first; only those dated on or before `asOf` when given. */
export async function progressOf(db: Db, actionIds: readonly number[], asOf?: string) {
  if (actionIds.length === 0) return [];
  const where = [inArray(actionProgress.actionId, [...actionIds])];
  if (asOf !== undefined) where.push(lte(actionProgress.date, asOf));
  return db
    .select({
      id: actionProgress.id,
      actionId: actionProgress.actionId,
      date: actionProgress.date,
      evidence: actionProgress.evidence,
      category: actionProgress.category,
      createdAt: actionProgress.createdAt,
      recordedBy,
    })
    .from(actionProgress)
    .where(and(...where))
    .orderBy(asc(actionProgress.date), asc(actionProgress.id));
}
export type ProgressRow = Awaited<ReturnType<typeof progressOf>>[number];

/** The actions in view with their links and reviews, grouped by action. */
export async function trackerRead(db: Db, f: ActionFilter = {}, asOf?: string) {
  const rows = await actionRows(db, f);
  const ids = rows.map((r) => r.id);
  const [links, progress] = await Promise.all([linksOf(db, ids), progressOf(db, ids, asOf)]);
  const group = <T extends { actionId: number }>(items: readonly T[]) => {
    const by = new Map<number, T[]>();
    for (const item of items) by.set(item.actionId, [...(by.get(item.actionId) ?? []), item]);
    return (id: number) => by.get(id) ?? [];
  };
  const linksFor = group(links);
  const progressFor = group(progress);
  return rows.map((row) => ({ row, links: linksFor(row.id), progress: progressFor(row.id) }));
}
export type TrackerEntry = Awaited<ReturnType<typeof trackerRead>>[number];
