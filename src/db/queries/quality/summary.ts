import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../../database";
import { qaSampleItems, qaScores, staff, teams } from "../../schema";
import { isQaItemKind, isQaScore, type QaItemKind, type QaScoreCount } from "../../../domain/quality";
import { scopeWhere, type QaScope } from "./scope";

const kindOf = (v: string): QaItemKind => (isQaItemKind(v) ? v : "interaction");

/** How many of a sample's items each team has, and how many are reviewed, by kind. */
export async function sampleProgress(db: Db, sampleId: number, scope: QaScope) {
  const rows = await db
    .select({
      teamId: qaSampleItems.teamId,
      code: teams.code,
      name: teams.name,
      kind: qaSampleItems.kind,
      items: count(),
      reviewed: count(qaSampleItems.reviewedAt),
    })
    .from(qaSampleItems)
    .innerJoin(teams, eq(teams.id, qaSampleItems.teamId))
    .where(and(eq(qaSampleItems.sampleId, sampleId), ...scopeWhere(scope)))
    .groupBy(qaSampleItems.teamId, teams.code, teams.name, qaSampleItems.kind)
    .orderBy(asc(teams.name));
  return rows.map((r) => ({ ...r, kind: kindOf(r.kind), items: Number(r.items), reviewed: Number(r.reviewed) }));
}

/** Each staff member's sampled contacts and how many are reviewed. */
export async function staffProgress(db: Db, sampleId: number, scope: QaScope) {
  const rows = await db
    .select({
      staffId: staff.id,
      code: staff.code,
      name: staff.name,
      teamId: qaSampleItems.teamId,
      items: count(),
      reviewed: count(qaSampleItems.reviewedAt),
    })
    .from(qaSampleItems)
    .innerJoin(staff, eq(staff.id, qaSampleItems.staffId))
    .where(and(eq(qaSampleItems.sampleId, sampleId), eq(qaSampleItems.kind, "interaction"), ...scopeWhere(scope)))
    .groupBy(staff.id, staff.code, staff.name, qaSampleItems.teamId)
    .orderBy(asc(staff.name));
  return rows.map((r) => ({ ...r, items: Number(r.items), reviewed: Number(r.reviewed) }));
}

/** The sample's scores, counted per kind, team, staff member, standard and score: what the figures are made from. */
export async function scoreCounts(db: Db, sampleId: number, scope: QaScope): Promise<QaScoreCount[]> {
  const rows = await db
    .select({
      kind: qaSampleItems.kind,
      teamId: qaSampleItems.teamId,
      staffId: qaSampleItems.staffId,
      standardId: qaScores.standardId,
      score: qaScores.score,
      n: count(),
    })
    .from(qaScores)
    .innerJoin(qaSampleItems, eq(qaSampleItems.id, qaScores.itemId))
    .where(and(eq(qaSampleItems.sampleId, sampleId), ...scopeWhere(scope)))
    .groupBy(qaSampleItems.kind, qaSampleItems.teamId, qaSampleItems.staffId, qaScores.standardId, qaScores.score);
  return rows.flatMap((r) => (isQaScore(r.score) ? [{ ...r, kind: kindOf(r.kind), score: r.score, n: Number(r.n) }] : []));
}
