import { asc, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../database";
import { departments, teams } from "../../schema";
import type { GroupScope } from "../group-where";

/** Departments a view covers: the one filtered on, those of a manager's teams, or all that are live, by name. */
export async function departmentIdsOf(db: Db, scope: Pick<GroupScope, "departmentId" | "teamIds">): Promise<number[]> {
  if (scope.departmentId !== undefined) return [scope.departmentId];
  if (scope.teamIds) {
    if (scope.teamIds.length === 0) return [];
    const found = await db
      .selectDistinct({ id: teams.departmentId })
      .from(teams)
      .where(inArray(teams.id, [...scope.teamIds]))
      .orderBy(asc(teams.departmentId));
    return found.map((r) => r.id);
  }
  const live = await db.select({ id: departments.id }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.name));
  return live.map((r) => r.id);
}
