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

/**
 * PostgreSQL through node-postgres: every write is its own transaction on a pooled
 * connection, so servers and requests write side by side; report counters are summed per
 * transaction and written in key order just before the commit, so that two transactions
 * adding to the same rows lock them in the same order.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
  const pool = createPool(url, options);
  const db = drizzleOverPool(pool);
  const inFlight = new Set<Promise<unknown>>();
  type Transactional = { transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> };

  async function attempt<T>(fn: WriteBody<T>): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await (db as unknown as Transactional).transaction(async (tx) => {
          beginCounters(tx);
          try {
            const value = await fn(tx);
            await writeCounters(tx);
            return value;
          } finally {
            discardCounters(tx);
          }
        });
      } catch (err) {
        if (!isRetryable(err) || n >= MAX_ATTEMPTS) throw err;
        // A little random wait so that the transactions that collided do not collide again.
        await new Promise((r) => setTimeout(r, Math.random() * 10 * n));
      }
    }
  }

  return {
    dialect: "postgres",
    read: db,
    pool,
    write<T>(fn: WriteBody<T>): Promise<T> {
      const p = attempt(fn);
      inFlight.add(p);
      const forget = () => inFlight.delete(p);
      p.then(forget, forget);
      return p;
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
    migrate: () => migratePostgres(pool),
    async ping() {
      await pool.query("select 1");
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      await pool.end();
    },
  };
}
