import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { departments, services, staff, teams, themes } from "../db/schema";
import { NotFoundError, UnprocessableError } from "../errors";

/*
 * Resolving codes to rows. References inside a body that name nothing answer 422 (the
 * request was well-formed but cannot be used); retired things cannot take new interactions.
 */

type Table = typeof departments | typeof teams | typeof staff | typeof services | typeof themes;

function byCode<T extends Table>(db: Db, table: T, code: string) {
  return db.select().from(table as Table).where(eq(table.code, code)).get() as T["$inferSelect"] | undefined;
}

export function findTeam(db: Db, code: string) {
  return byCode(db, teams, code);
}
export function findStaff(db: Db, code: string) {
  return byCode(db, staff, code);
}
export function findService(db: Db, code: string) {
  return byCode(db, services, code);
}
export function findDepartment(db: Db, code: string) {
  return byCode(db, departments, code);
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
