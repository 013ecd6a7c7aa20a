import { eq, sql } from "drizzle-orm";
import type { Db } from "../database";
import { departments, services, staff, teams, themes } from "../schema";
import { prepared } from "../sql";

/*
 * Reference rows by their code (or a team by its id). Each takes the query builder to read
 * with: `ctx.db.read`, or the `tx` of a write that must see its own changes. What a code that
 * names nothing means (404 or 422) is decided by the caller, with domain/references.
 */

// Prepared: these run for every interaction registered, where building the query each time
// cost more than the database's own work.
const teamByCode = prepared("lookup_team", (db) =>
  db
    .select()
    .from(teams)
    .where(eq(teams.code, sql.placeholder("code"))),
);
const staffByCode = prepared("lookup_staff", (db) =>
  db
    .select()
    .from(staff)
    .where(eq(staff.code, sql.placeholder("code"))),
);
const serviceByCode = prepared("lookup_service", (db) =>
  db
    .select()
    .from(services)
    .where(eq(services.code, sql.placeholder("code"))),
);
const departmentByCode = prepared("lookup_department", (db) =>
  db
    .select()
    .from(departments)
    .where(eq(departments.code, sql.placeholder("code"))),
);

export async function findTeam(db: Db, code: string): Promise<typeof teams.$inferSelect | undefined> {
  return (await teamByCode(db, { code }))[0];
}
export async function findStaff(db: Db, code: string): Promise<typeof staff.$inferSelect | undefined> {
  return (await staffByCode(db, { code }))[0];
}
export async function findService(db: Db, code: string): Promise<typeof services.$inferSelect | undefined> {
  return (await serviceByCode(db, { code }))[0];
}
export async function findDepartment(db: Db, code: string): Promise<typeof departments.$inferSelect | undefined> {
  return (await departmentByCode(db, { code }))[0];
}

/** A theme's id by its code, for the report filters. */
export async function findThemeId(db: Db, code: string): Promise<{ id: number } | undefined> {
  return (await db.select({ id: themes.id }).from(themes).where(eq(themes.code, code)))[0];
}

/** A team with its department, by id: the scope of a manager's own team. */
export async function teamWithDepartment(db: Db, id: number): Promise<{ id: number; departmentId: number } | undefined> {
  return (await db.select({ id: teams.id, departmentId: teams.departmentId }).from(teams).where(eq(teams.id, id)))[0];
}
