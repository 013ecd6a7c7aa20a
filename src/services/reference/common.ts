import { ConflictError } from "../../errors";

/** Epoch milliseconds as the ISO strings the API speaks. */
export const iso = (ms: number) => new Date(ms).toISOString();

export function lifecycle(row: { retiredAt: number | null; createdAt: number }) {
  return { retired: row.retiredAt !== null, retiredAt: row.retiredAt === null ? null : iso(row.retiredAt), createdAt: iso(row.createdAt) };
}

/**
 * The retiredAt a PATCH leaves behind: retiring keeps the first retirement time (retiring twice
 * is harmless), un-retiring clears it, and leaving `retired` out changes nothing.
 */
export function nextRetiredAt(current: number | null, retired: boolean | undefined, now: number): number | null {
  if (retired === undefined) return current;
  return retired ? (current ?? now) : null;
}

/** SQLite's and PostgreSQL's codes for a row that would break a unique index. */
const UNIQUE_VIOLATION = new Set(["SQLITE_CONSTRAINT_UNIQUE", "23505"]);

export function isUniqueViolation(err: unknown): boolean {
  // drizzle wraps driver errors in DrizzleQueryError; the driver's code is on the cause.
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string" && UNIQUE_VIOLATION.has(code)) return true;
  }
  return false;
}

/**
 * Runs an insert; a duplicate code is a 409. Relying on the unique index rather than a
 * look-up first also covers another process (the CLI, a second server) inserting the same
 * code meanwhile. The error ends the write it happens in (PostgreSQL aborts the transaction):
 * a caller composing several inserts in one write cannot catch it and go on.
 */
export async function insertOrConflict<T>(what: string, code: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A ${what} with code '${code}' already exists.`);
    throw err;
  }
}
