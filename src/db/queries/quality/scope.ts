import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { qaSampleItems } from "../../schema";

/** Which sampled items a viewer reads: a manager's own team (teamIds), and optionally one team asked for. */
export type QaScope = { teamIds?: readonly number[]; teamId?: number };

/** The conditions on qa_sample_items that a scope puts. */
export function scopeWhere(scope: QaScope): SQL[] {
  const where: SQL[] = [];
  if (scope.teamIds) where.push(scope.teamIds.length === 0 ? sql`1 = 0` : inArray(qaSampleItems.teamId, [...scope.teamIds]));
  if (scope.teamId !== undefined) where.push(eq(qaSampleItems.teamId, scope.teamId));
  return where;
}
