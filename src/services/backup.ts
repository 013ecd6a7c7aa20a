import Database from "better-sqlite3";
import type { Db } from "../db/client";

export type BackupResult = { file: string; pages: number; integrity: string };

/**
 * An online, consistent copy through SQLite's backup API: the server keeps answering and
 * writing while pages are copied in steps, and the copy is a single self-contained file
 * (no -wal beside it) that is checked before we call it good.
 */
export async function backupDatabase(db: Db, file: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  const pages = await db.$client.backup(file, {
    progress({ totalPages, remainingPages }) {
      onProgress?.(totalPages - remainingPages, totalPages);
      return 200;
    },
  });
  const copy = new Database(file);
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    return { file, pages: pages.totalPages, integrity };
  } finally {
    copy.close();
  }
}
