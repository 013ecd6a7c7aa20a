import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { projectPath } from "../paths";
import { beginCounters, discardCounters, writeCounters } from "./counters";
import type { Database, Db, WriteBody } from "./database";
import * as schema from "./schema";

export const POSTGRES_MIGRATIONS = projectPath("migrations/postgres");

/*
 * bigint (every integer column: millisecond times would overflow int4), count(*), and sums
 * and averages (numeric) arrive as strings by default. Every value we keep fits a double
 * exactly (times, counts, scores), so they are numbers here as they are on SQLite. Set on
 * node-postgres's global parsers: drizzle passes its own per-query parsers that fall back to
 * those, so a pool-level setting would not reach its queries.
 */
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

export type PostgresOptions = {
  /** Connections in the pool. */
  max?: number;
  /** Milliseconds after which PostgreSQL cancels a statement (the reports' pool). */
  statementTimeoutMs?: number;
  /** Milliseconds an idle connection stays open. */
  idleTimeoutMs?: number;
  applicationName?: string;
};

export function createPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? "rate-our-service",
    statement_timeout: options.statementTimeoutMs,
  });
  // An idle connection dropped by the server (a restart, a failover) must not crash the
  // process: the pool replaces it, and the next query reports the outage as a 503.
  pool.on("error", () => {});
  return pool;
}

export function drizzleOverPool(pool: pg.Pool): Db {
  return drizzle(pool, { schema: schema as never }) as unknown as Db;
}

/** Any number that identifies this application's migration lock among others on the server. */
const MIGRATION_LOCK = 7_316_201;

/**
 * Applies the migrations once, however many servers start together: each takes the same
 * advisory lock first, so the second waits and then finds nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: POSTGRES_MIGRATIONS });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** serialization_failure, deadlock_detected: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" && RETRYABLE.has(code);
}

export type PostgresDatabase = Database & { readonly pool: pg.Pool };

type Job = { fn: WriteBody<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };

/** A body's own error, carried out of the group's transaction so that the group can roll back. */
class BodyFailed extends Error {
  constructor(
    readonly job: Job,
    readonly error: unknown,
  ) {
    super("a write in the group failed");
  }
}

/** Writes that arrived while a group ran go into the next group, up to this many. */
const MAX_GROUP = 64;
/** Groups written side by side (each on a pooled connection of its own). */
const WRITE_LANES = 2;

/**
 * PostgreSQL through node-postgres, with writes group-committed as on SQLite: writes that
 * arrive while a group is being written wait for the next one; a group is one transaction
 * that runs its bodies one after another, sums their report counters and writes them in key
 * order just before the commit. Every answer adds to the same few counter rows, and a
 * transaction holds those rows' locks until its commit is flushed to disk: one transaction
 * per answer made the answers queue behind each other on those locks. Two lanes write groups
 * side by side, so one long write (an import) does not hold up answers.
 *
 * A body that fails rolls its group back; its caller gets the error and the other bodies run
 * again in a new group, as a whole group does after a serialization failure or deadlock
 * (40001, 40P01). Bodies are written to be run again, as retried transactions always were.
 * Run one after another in one transaction, bodies see each other's writes as they would have
 * committed one after another; locks (row, table, advisory) held by the group are held for
 * each of its bodies.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
  const pool = createPool(url, options);
  const db = drizzleOverPool(pool);
  type Transactional = { transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> };
  // Leave connections for reads, including reads made while a group holds its connection.
  const lanes = Math.max(1, Math.min(WRITE_LANES, Math.floor((options.max ?? 10) / 2)));
  const queue: Job[] = [];
  const running = new Set<Promise<void>>();
  let closed = false;

  async function runGroup(jobs: Job[]): Promise<void> {
    let pending = jobs;
    for (let attempt = 1; pending.length > 0; ) {
      const values: unknown[] = [];
      try {
        await (db as unknown as Transactional).transaction(async (tx) => {
          beginCounters(tx);
          try {
            for (const job of pending) {
              try {
                values.push(await job.fn(tx));
              } catch (error) {
                throw new BodyFailed(job, error);
              }
            }
            await writeCounters(tx);
          } finally {
            discardCounters(tx);
          }
        });
        pending.forEach((job, i) => job.resolve(values[i]));
        return;
      } catch (err) {
        const failed = err instanceof BodyFailed ? err : undefined;
        const error = failed ? failed.error : err;
        if (isRetryable(error) && attempt < MAX_ATTEMPTS) {
          attempt++;
          // A little random wait so that the transactions that collided do not collide again.
          await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        } else if (failed && pending.length > 1) {
          // That body's error is its own; the others did nothing wrong and run again without it.
          failed.job.reject(error);
          pending = pending.filter((job) => job !== failed.job);
        } else {
          for (const job of pending) job.reject(error);
          return;
        }
      }
    }
  }

  function startGroups(): void {
    while (running.size < lanes && queue.length > 0) {
      const group = runGroup(queue.splice(0, MAX_GROUP)).finally(() => {
        running.delete(group);
        startGroups();
      });
      running.add(group);
    }
  }

  return {
    dialect: "postgres",
    read: db,
    pool,
    write<T>(fn: WriteBody<T>): Promise<T> {
      if (closed) return Promise.reject(new Error("the database is closed"));
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn: fn as WriteBody<unknown>, resolve: resolve as (v: unknown) => void, reject });
        // Let the current turn of the event loop add its writes to the first group.
        if (running.size < lanes && queue.length === 1) setImmediate(startGroups);
      });
    },
    async drain() {
      while (running.size > 0 || queue.length > 0) await Promise.allSettled([...running, new Promise((r) => setImmediate(r))]);
    },
    migrate: () => migratePostgres(pool),
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      closed = true;
      while (running.size > 0 || queue.length > 0) await Promise.allSettled([...running, new Promise((r) => setImmediate(r))]);
      await pool.end();
    },
  };
}
