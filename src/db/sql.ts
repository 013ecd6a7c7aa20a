import { sql, type SQL, type Table } from "drizzle-orm";
import type { Db, Dialect } from "./database";

/*
 * The few places where the two drivers differ in shape, kept here so nothing outside src/db
 * needs to know which database it runs on.
 */

type PgLike = { execute(query: SQL): Promise<{ rows: unknown[] }> };
type SqliteLike = { all(query: SQL): unknown[]; run(query: SQL): unknown; $client?: unknown };

/** Which database a query builder (or a transaction from one) talks to. */
export function dialectOf(db: Db): Dialect {
  return typeof (db as unknown as Partial<SqliteLike>).all === "function" ? "sqlite" : "postgres";
}

/**
 * Rows of a hand-written query (report SQL with planner hints, dialect-specific functions).
 * Aliases must be double-quoted (`as "teamId"`): PostgreSQL folds unquoted names to lower case.
 */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (dialectOf(db) === "sqlite") return (db as unknown as SqliteLike).all(query) as T[];
  return (await (db as unknown as PgLike).execute(query)).rows as T[];
}

export async function firstRow<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

/** Runs a statement whose result is not needed. */
export async function exec(db: Db, query: SQL): Promise<void> {
  if (dialectOf(db) === "sqlite") (db as unknown as SqliteLike).run(query);
  else await (db as unknown as PgLike).execute(query);
}

/** The one of two spellings that fits the database (`group_concat` / `string_agg`, …). */
export function bySqlDialect(db: Db, spellings: { sqlite: SQL; postgres: SQL }): SQL {
  return spellings[dialectOf(db)];
}

type Preparable<P> = { prepare(name?: string): P };
type Executable = { execute(placeholders?: Record<string, unknown>): unknown };
/** drizzle's SQLite prepared query: `execute` wraps the synchronous method it names in a promise-like object. */
type SqlitePrepared = { executeMethod: "run" | "all" | "get" } & Record<"run" | "all" | "get", (p?: Record<string, unknown>) => unknown>;

/** The driver's connection (a pool, a pooled client, a better-sqlite3 handle) behind a query builder. */
function clientOf(db: Db): object {
  return (db as unknown as { session: { client: object } }).session.client;
}

/**
 * A query prepared once per connection, with `sql.placeholder("name")` for its parameters.
 * On SQLite this runs at the cost of a raw statement (drizzle's query building costs more
 * than SQLite's own work on the hot one-row statements); on PostgreSQL the statement is
 * named, so each pooled connection parses it once. Kept per driver connection rather than per
 * query builder: every PostgreSQL transaction is a new builder over one of a few pooled
 * clients, and building the query again in each one cost more than running it.
 */
export function prepared<P extends Executable>(name: string, build: (db: Db) => Preparable<P>) {
  const cache = new WeakMap<object, P>();
  return (db: Db, placeholders?: Record<string, unknown>): Promise<Awaited<ReturnType<P["execute"]>>> => {
    const client = clientOf(db);
    let statement = cache.get(client);
    if (!statement) cache.set(client, (statement = build(db).prepare(name)));
    // On better-sqlite3 the method execute() stands for is called directly: the same result,
    // without the promise-like wrapper and its extra turns through the microtask queue.
    const sync = statement as unknown as Partial<SqlitePrepared>;
    const result = sync.executeMethod && dialectOf(db) === "sqlite" ? sync[sync.executeMethod]!(placeholders) : statement.execute(placeholders);
    return Promise.resolve(result) as Promise<Awaited<ReturnType<P["execute"]>>>;
  };
}

/**
 * On PostgreSQL, locks the rows `where` selects from `table` until the write commits, so that
 * two writes that read a row and then change what depends on it (an answer and its change,
 * both moving the same counters) run one after the other. SQLite runs writes one at a time
 * already, so there it does nothing.
 */
export async function lockForUpdate(tx: Db, table: Table, where: SQL): Promise<void> {
  if (dialectOf(tx) === "postgres") await exec(tx, sql`select 1 from ${table} where ${where} for update`);
}

type Lockable<Q> = { for?: (strength: "update", config: { of: Table }) => Q };

/**
 * A select that, on PostgreSQL, locks the rows it reads from `table` until the write commits
 * (lockForUpdate folded into the read that needs the row anyway: one round trip, not two).
 * SQLite runs writes one at a time already and has no such clause.
 */
export function forUpdateOf<Q>(query: Q, table: Table): Q {
  const lockable = query as Lockable<Q>;
  return typeof lockable.for === "function" ? lockable.for("update", { of: table }) : query;
}
