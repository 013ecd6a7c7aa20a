import { eq } from "drizzle-orm";
import type { Db } from "../database";
import { teams, themes } from "../schema";

/** A theme's id by its code, for the report filters. */
export async function findThemeId(db: Db, code: string): Promise<{ id: number } | undefined> {
  return (await db.select({ id: themes.id }).from(themes).where(eq(themes.code, code)))[0];
}

/** A team with its department, by id: the scope of a manager's own team. */
export async function teamWithDepartment(db: Db, id: number): Promise<{ id: number; departmentId: number } | undefined> {
  return (await db.select({ id: teams.id, departmentId: teams.departmentId }).from(teams).where(eq(teams.id, id)))[0];
}
