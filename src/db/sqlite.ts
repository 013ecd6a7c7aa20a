import BetterSqlite3 from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { projectPath } from "../paths";
import { beginCounters, discardCounters, markCounters, releaseCounters, writeCounters } from "./counters";
import type { Database, Db, WriteBody } from "./database";
import * as schema from "./schema";

export const SQLITE_MIGRATIONS = projectPath("migrations/sqlite");

export type SqliteOptions = {
  synchronous?: "FULL" | "NORMAL" | "OFF";
  readonly?: boolean;
  /** Told the number of writes in each group that committed (the metrics' write sizes). */
  onGroup?: (size: number) => void;
};

/**
 * One better-sqlite3 connection. WAL lets readers (reports) run beside the writer; the busy
 * timeout makes a second process (the CLI) wait instead of failing.
 */
export function connectSqlite(file: string, options: SqliteOptions = {}): BetterSqlite3.Database {
  const client = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  if (!options.readonly) client.pragma("journal_mode = WAL");
  client.pragma("busy_timeout = 5000");
  client.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  client.pragma("foreign_keys = ON");
  // Erased comments and addresses are overwritten, not just unlinked (see services/privacy).
  client.pragma("secure_delete = ON");
  // 16 MiB of page cache per connection: the OS caches the file too, and the server must stay
  // small on a shared machine.
  client.pragma("cache_size = -16384");
  return client;
}

export function drizzleOver(client: BetterSqlite3.Database): Db {
  return drizzle(client, { schema }) as unknown as Db;
}

/** The better-sqlite3 connection under a query builder: for PRAGMAs, backup and bulk loads. */
export function sqliteClient(db: Db): BetterSqlite3.Database {
  return (db as unknown as { $client: BetterSqlite3.Database }).$client;
}

export function migrateSqlite(client: BetterSqlite3.Database): void {
  migrate(drizzle(client), { migrationsFolder: SQLITE_MIGRATIONS });
}

type Job = { fn: WriteBody<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

/**
 * The embedded database: one writer connection and one reader connection on the same file.
 *
 * Writes are group-committed. Those that arrive while a group is being written wait for the
 * next one; a group opens BEGIN IMMEDIATE, runs each body under its own savepoint (awaiting
 * it: bodies are async so that the same body runs on PostgreSQL), writes the report counters
 * of the whole group summed, and commits once (one fsync). Every caller is answered only
 * after that commit. Reads outside writes use the reader connection, which in WAL mode sees
 * only committed data, never a body's writes in progress.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): Database {
  const writerClient = connectSqlite(file, options);
  // An in-memory database has no file to share: one connection must do (tests of pure SQL only).
  const readerClient = file === ":memory:" ? writerClient : connectSqlite(file, options);
  const writer = drizzleOver(writerClient);
  const reader = drizzleOver(readerClient);
  const statements = {
    begin: writerClient.prepare("begin immediate"),
    commit: writerClient.prepare("commit"),
    rollback: writerClient.prepare("rollback"),
    savepoint: writerClient.prepare("savepoint w"),
    release: writerClient.prepare("release w"),
    rollbackTo: writerClient.prepare("rollback to w"),
  };
  let queue: Job[] = [];
  let running: Promise<void> | undefined;
  let closed = false;

  async function flush(jobs: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      statements.begin.run();
      beginCounters(writer);
      for (const job of jobs) {
        statements.savepoint.run();
        markCounters(writer);
        try {
          const value = await job.fn(writer);
          releaseCounters(writer, false);
          statements.release.run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          releaseCounters(writer, true);
          if (writerClient.inTransaction) {
            statements.rollbackTo.run();
            statements.release.run();
          }
          outcomes.push({ ok: false, error });
        }
      }
      await writeCounters(writer);
      statements.commit.run();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nobody's write is durable.
      discardCounters(writer);
      if (writerClient.inTransaction) statements.rollback.run();
      for (const job of jobs) job.reject(error);
      return;
    }
    options.onGroup?.(jobs.length);
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  async function drainQueue(): Promise<void> {
    // Let the current turn of the event loop add its writes to the first group.
    await new Promise((r) => setImmediate(r));
    while (queue.length > 0) {
      const jobs = queue;
      queue = [];
      await flush(jobs);
    }
    running = undefined;
  }

  return {
    dialect: "sqlite",
    read: reader,
    file: file === ":memory:" ? undefined : file,
    write<T>(fn: WriteBody<T>): Promise<T> {
      if (closed) return Promise.reject(new Error("the database is closed"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn: fn as WriteBody<unknown>, resolve: resolve as (v: unknown) => void, reject });
        running ??= drainQueue();
      });
    },
    async drain() {
      while (running) await running;
    },
    async migrate() {
      migrateSqlite(writerClient);
    },
    async ping() {
      readerClient.prepare("select 1").get();
    },
    async close() {
      while (running) await running;
      closed = true;
      if (readerClient !== writerClient) readerClient.close();
      writerClient.close();
    },
  };
}
