import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../database";
import { teams } from "../../schema";

/**
 * The teams and departments an action must be linked to (any one of them) to be in view: a
 * manager's own team and its department, or the team or department a list is filtered by.
 * An action linked to a department concerns every team in it, and one linked to a team
 * concerns its department.
 */
export type Reach = { teamIds: readonly number[]; departmentIds: readonly number[] };

/** The teams and the departments they belong to. */
export async function reachOfTeams(db: Db, teamIds: readonly number[]): Promise<Reach> {
  if (teamIds.length === 0) return { teamIds: [], departmentIds: [] };
  const rows = await db
    .select({ departmentId: teams.departmentId })
    .from(teams)
    .where(inArray(teams.id, [...teamIds]));
  return { teamIds, departmentIds: [...new Set(rows.map((r) => r.departmentId))] };
}

/** A department and every team in it (retired ones included: old actions keep their links). */
export async function reachOfDepartment(db: Db, departmentId: number): Promise<Reach> {
  const rows = await db.select({ id: teams.id }).from(teams).where(eq(teams.departmentId, departmentId));
  return { teamIds: rows.map((r) => r.id), departmentIds: [departmentId] };
}
