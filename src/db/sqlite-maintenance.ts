import BetterSqlite3 from "better-sqlite3";
import type { Database, Db } from "./database";
import { dialectOf } from "./sql";
import { sqliteClient } from "./sqlite";

/*
 * Operations only the embedded SQLite file has: its page cache, its write-ahead log, its
 * backup API and its integrity check. Each is a no-op (or refused) on PostgreSQL, whose
 * server looks after the equivalents itself, so services can call them on either database.
 */

/**
 * Sets the page cache of the connection a write runs on (SQLite's cache_size: negative
 * numbers are KiB) and returns the previous setting, to restore after a bulk load. Must be
 * called inside a write, so that it is the writer's cache that grows. PostgreSQL: nothing.
 */
export function setPageCache(tx: Db, size: number | undefined): number | undefined {
  if (size === undefined || dialectOf(tx) !== "sqlite") return undefined;
  const client = sqliteClient(tx);
  const previous = client.pragma("cache_size", { simple: true }) as number;
  client.pragma(`cache_size = ${Math.trunc(size)}`);
  return previous;
}

/** Lets SQLite refresh its planner statistics after a bulk load (cheap: it only looks where needed). */
export function optimizePlanner(tx: Db): void {
  if (dialectOf(tx) === "sqlite") sqliteClient(tx).pragma("optimize");
}

/**
 * Empties the write-ahead log into the database file and truncates it, so deleted data (with
 * secure_delete on) survives in neither. SQLite only: PostgreSQL's WAL is the server's.
 *
 * The checkpoint runs on the reader connection once the writer is idle: it waits for a
 * writer, and better-sqlite3 waits synchronously, so a write of this process left half done
 * (its body awaiting) would stall it until the busy timeout. Writes queued meanwhile start
 * only on a later turn of the event loop, after this synchronous call.
 */
export async function checkpointWal(db: Database): Promise<void> {
  if (db.dialect !== "sqlite") return;
  await db.drain();
  sqliteClient(db.read).pragma("wal_checkpoint(TRUNCATE)");
}

export type SqliteBackup = { pages: number; integrity: string };

/**
 * An online copy through SQLite's backup API, in steps between which this process goes on
 * writing. The source is the writer connection: SQLite carries that connection's own writes
 * into the copy as they are made, where a write through any other connection would restart it.
 * The copy becomes a single file (no -wal beside it) and is checked before it is reported.
 */
export async function backupSqlite(db: Database, file: string, onProgress?: (done: number, total: number) => void): Promise<SqliteBackup> {
  if (db.dialect !== "sqlite") throw new Error("backupSqlite needs a SQLite database");
  // The writer connection, taken from a write that does nothing else; the backup itself runs
  // outside writes (a step during one is told the source is busy and is tried again).
  const writer = await db.write(async (tx) => sqliteClient(tx));
  const { totalPages } = await writer.backup(file, {
    progress({ totalPages: total, remainingPages }) {
      onProgress?.(total - remainingPages, total);
      return 200;
    },
  });
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    return { pages: totalPages, integrity };
  } finally {
    copy.close();
  }
}
