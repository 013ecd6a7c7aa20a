import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema";

export type Dialect = "sqlite" | "postgres";

/**
 * The query builder every query and service is written against, on both databases: drizzle's
 * SQLite builder, always awaited. On PostgreSQL a node-postgres drizzle runs the same table
 * objects (a table is names and value mappers; the dialect writes the SQL), so one schema
 * module serves both. Only awaiting works on both: `.get()`, `.all()` and `.run()` exist on
 * SQLite alone, and test/db/portable-source.test.ts keeps them out of the code.
 */
export type Db = BaseSQLiteDatabase<"async", unknown, typeof schema>;

/** A write body: runs inside the one transaction write() owns; must only touch the database. */
export type WriteBody<T> = (tx: Db) => Promise<T>;

export interface Database {
  readonly dialect: Dialect;
  /**
   * Reads outside a write: committed data only. On SQLite a second connection (WAL lets it
   * read beside the writer); on PostgreSQL the pool.
   */
  readonly read: Db;
  /**
   * Runs fn atomically. On SQLite writes arriving together share one transaction and one
   * fsync (group commit), each in its own savepoint; on PostgreSQL each is a transaction,
   * retried on serialization failures and deadlocks. fn must not call write() itself (pass
   * `tx` down instead) and must not wait on anything but the database: on SQLite every other
   * write waits while it runs.
   */
  write<T>(fn: WriteBody<T>): Promise<T>;
  /** Resolves once every write already handed to write() has finished. */
  drain(): Promise<void>;
  /** Applies the migrations not yet applied (on PostgreSQL, one server at a time). */
  migrate(): Promise<void>;
  /** One round trip: the health check. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The SQLite file (reader threads, backup); undefined on PostgreSQL. */
  readonly file?: string;
}
