import type { Database } from "../db/client";
import { backupSqlite } from "../db/sqlite-maintenance";
import { UnprocessableError } from "../errors";

export type BackupResult = { file: string; pages: number; integrity: string };

/**
 * An online, consistent copy of the embedded database: the server keeps answering and writing
 * while pages are copied in steps, and the copy is a single self-contained file that is
 * checked before we call it good. A PostgreSQL database is the server's to back up: its own
 * tools copy it consistently, and continuously with point-in-time recovery.
 */
export async function backupDatabase(db: Database, file: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  if (db.dialect !== "sqlite") {
    throw new UnprocessableError(
      "backup copies the embedded SQLite file; this server uses PostgreSQL (DATABASE_URL). Back it up with pg_dump (e.g. pg_dump --format=custom), or continuously with point-in-time recovery (WAL archiving, pg_basebackup).",
    );
  }
  const { pages, integrity } = await backupSqlite(db, file, onProgress);
  return { file, pages, integrity };
}
