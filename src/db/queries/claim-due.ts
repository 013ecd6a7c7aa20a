import { and, inArray, lte, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../database";
import { bySqlDialect, rows } from "../sql";

/** A work queue's table: rows pending or being worked on, due at a time, numbered. */
type Queue = SQLiteTable & { id: SQLiteColumn; status: SQLiteColumn; dueAt: SQLiteColumn };

/**
 * The id of the row due first in a work queue (the email outbox, the recording deletions),
 * locked for the caller's write. On PostgreSQL other servers claim at the same time:
 * `for update skip locked` passes over a row another claim holds, and the status and due time
 * the caller then sets keep it from everyone until its lease runs out. On SQLite writes run one
 * at a time, so the select and the caller's update already happen together.
 */
export async function dueQueueRowId(tx: Db, queue: Queue, now: number): Promise<number | undefined> {
  const due = and(inArray(queue.status, ["pending", "sending"]), lte(queue.dueAt, now));
  const skipLocked = bySqlDialect(tx, { sqlite: sql``, postgres: sql` for update skip locked` });
  const [next] = await rows<{ id: number }>(
    tx,
    sql`select ${queue.id} as "id" from ${queue} where ${due} order by ${queue.dueAt}, ${queue.id} limit 1${skipLocked}`,
  );
  return next?.id;
}
