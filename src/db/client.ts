import { join } from "node:path";
import type { Database } from "./database";
import { openPostgres } from "./postgres";
import { openSqlite, type SqliteOptions } from "./sqlite";

export type { Database, Db, Dialect, WriteBody } from "./database";

export type DatabaseSettings = {
  DATABASE_URL?: string;
  DATA_DIR: string;
  SQLITE_SYNCHRONOUS?: SqliteOptions["synchronous"];
  DATABASE_POOL_SIZE?: number;
  /** SQLite: told the size of each group commit (metrics). */
  onWriteGroup?: (size: number) => void;
};

/** Start-up cannot reach or use the database: one line for the operator, never a stack trace. */
export class DatabaseStartError extends Error {}

/**
 * The database the settings name: PostgreSQL when DATABASE_URL is set, else the embedded
 * SQLite file DATA_DIR/survey.db. Checks the connection, so a wrong address stops start-up here.
 */
export async function openDatabase(settings: DatabaseSettings, role = "server"): Promise<Database> {
  if (!settings.DATABASE_URL) {
    const file = join(settings.DATA_DIR, "survey.db");
    try {
      return openSqlite(file, { synchronous: settings.SQLITE_SYNCHRONOUS, onGroup: settings.onWriteGroup });
    } catch (err) {
      throw new DatabaseStartError(`Cannot open the database file ${file}: ${describeError(err)}`);
    }
  }
  const database = openPostgres(settings.DATABASE_URL, { max: settings.DATABASE_POOL_SIZE, applicationName: `rate-our-service ${role}` });
  try {
    await database.ping();
  } catch (err) {
    await database.close().catch(() => {});
    throw new DatabaseStartError(`Cannot use DATABASE_URL (${describeUrl(settings.DATABASE_URL)}): ${describeError(err)}`);
  }
  return database;
}

/** Applies the migrations; a failure is one line naming the problem. */
export async function migrateOrExplain(database: Database): Promise<void> {
  try {
    await database.migrate();
  } catch (err) {
    throw new DatabaseStartError(`Cannot bring the database schema up to date: ${describeError(err)}`);
  }
}

/** The address without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString().replace(/:@/, "@");
  } catch {
    return "not a URL";
  }
}

function describeError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
  const message = e.message || e.errors?.map((x) => x.message).join("; ") || String(err);
  return e.code ? `${message} (${e.code})` : message;
}
