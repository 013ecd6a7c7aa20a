import { sql, type Table } from "drizzle-orm";
import type { Db } from "./database";
import { dialectOf, exec, rows } from "./sql";

/*
 * Locks that only matter with several servers on one PostgreSQL. On SQLite one server writes,
 * one write at a time, so each of these holds already and does nothing.
 */

/**
 * Whether this write is the one, among every server's, to do a job now: PostgreSQL's advisory
 * lock `key`, held until the write commits; others trying meanwhile get false and skip.
 */
export async function firstAcrossServers(tx: Db, key: number): Promise<boolean> {
  if (dialectOf(tx) !== "postgres") return true;
  const [row] = await rows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(cast(${key} as bigint)) as "locked"`);
  return row?.locked === true;
}

/** Makes every other write to `table` wait until this one commits. */
export async function lockTableForWrite(tx: Db, table: Table): Promise<void> {
  if (dialectOf(tx) === "postgres") await exec(tx, sql`lock table ${table} in exclusive mode`);
}
