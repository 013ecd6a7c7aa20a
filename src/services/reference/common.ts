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

function isUniqueViolation(err: unknown): boolean {
  // drizzle wraps driver errors in DrizzleQueryError; the SQLite code is on the cause.
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as Error & { code?: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE") return true;
  }
  return false;
}

/**
 * Runs an insert; a duplicate code is a 409. Relying on the unique index rather than a
 * look-up first also covers a second process (the CLI) inserting the same code meanwhile.
 */
export function insertOrConflict<T>(what: string, code: string, insert: () => T): T {
  try {
    return insert();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`A ${what} with code '${code}' already exists.`);
    throw err;
  }
}
