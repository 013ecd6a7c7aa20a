import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { departments, services, staff, teams } from "../db/schema";
import { prepared } from "../db/sql";
import { NotFoundError, UnprocessableError } from "../errors";

/*
 * Resolving codes to rows. References inside a body that name nothing answer 422 (the
 * request was well-formed but cannot be used); retired things cannot take new interactions.
 * Each takes the query builder to read with: `ctx.db.read`, or the `tx` of a write that must
 * see its own changes.
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

/** For a reference inside a request body: missing or retired is a 422 naming the field. */
export function requireActive<T extends { retiredAt: number | null }>(row: T | undefined, field: string, code: string): T {
  if (!row) throw new UnprocessableError(`Unknown ${field} '${code}'.`, { field, code });
  if (row.retiredAt !== null) throw new UnprocessableError(`The ${field} '${code}' is retired.`, { field, code });
  return row;
}

/** For a resource addressed in the path: missing is a 404. */
export function requireFound<T>(row: T | undefined, what: string, code: string): T {
  if (!row) throw new NotFoundError(`No ${what} with code '${code}'.`);
  return row;
}
