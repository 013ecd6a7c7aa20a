import type Database from "better-sqlite3";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement per connection and SQL text, made once. The hot paths (answering a
 * survey, registering an interaction) use these directly: drizzle's query building costs
 * tens of microseconds per call, more than SQLite's own work for these one-row statements.
 */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let stmt = statements.get(sql);
  if (!stmt) statements.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
}

/**
 * Runs fn in a transaction: BEGIN IMMEDIATE when alone (taking the write lock up front avoids
 * the deadlock of two readers upgrading), a savepoint inside a caller's transaction (a batch,
 * or a group commit), so a failure rolls back only fn's own writes. Synchronous:
 * better-sqlite3 cannot roll back an async callback. Written with prepared statements rather
 * than db.transaction(), whose wrapper is rebuilt on every call and showed in profiles.
 */
export function writeTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  // One savepoint name serves every depth: RELEASE and ROLLBACK TO act on the innermost.
  const nested = sqlite.inTransaction;
  const additions = deferred.get(sqlite);
  const mark = additions?.length ?? 0;
  prepared(sqlite, nested ? "savepoint w" : "begin immediate").run();
  try {
    const result = fn();
    prepared(sqlite, nested ? "release w" : "commit").run();
    return result;
  } catch (err) {
    // Additions deferred inside the rolled-back part are rolled back with it.
    if (additions) additions.length = mark;
    if (sqlite.inTransaction) {
      if (nested) {
        prepared(sqlite, "rollback to w").run();
        prepared(sqlite, "release w").run();
      } else {
        prepared(sqlite, "rollback").run();
      }
    }
    throw err;
  }
}

/** An addition to a row's counters: the upsert's parameters, key first, then the amounts. */
type Addition = { sql: string; params: (string | number)[]; keyLength: number };
const deferred = new WeakMap<Database.Database, Addition[]>();

/**
 * Adds amounts to a row's counters with `sql`, an upsert whose parameters are the row's key
 * (the first keyLength) and then the amounts to add. Inside deferAdditions the additions are
 * kept, summed per row, and written once at its end, in the same transaction: a group commit
 * of twenty answers to one team then makes a handful of upserts rather than a hundred.
 */
export function addToCounters(sqlite: Database.Database, sql: string, params: (string | number)[], keyLength: number): void {
  const additions = deferred.get(sqlite);
  if (additions) additions.push({ sql, params, keyLength });
  else prepared(sqlite, sql).run(params);
}

/**
 * Runs fn (inside the caller's transaction) with addToCounters deferred, then writes the sums.
 * A writeTransaction inside fn that rolls back drops the additions it made. Nothing may read
 * the counters inside fn: they are written only at the end.
 */
export function deferAdditions<T>(sqlite: Database.Database, fn: () => T): T {
  if (!sqlite.inTransaction) throw new Error("deferAdditions must run inside a transaction");
  if (deferred.has(sqlite)) return fn();
  const additions: Addition[] = [];
  deferred.set(sqlite, additions);
  let result: T;
  try {
    result = fn();
  } finally {
    deferred.delete(sqlite);
  }
  // Rows by statement, then by key (the statement's text is long: hashing it per addition showed).
  const byStatement = new Map<string, Map<string, Addition>>();
  for (const a of additions) {
    let rows = byStatement.get(a.sql);
    if (!rows) byStatement.set(a.sql, (rows = new Map()));
    // The same statement always binds the same types at the same places: joining is unambiguous.
    let key = "";
    for (let i = 0; i < a.keyLength; i++) key += `${a.params[i]}\u0000`;
    const row = rows.get(key);
    if (!row) rows.set(key, { ...a, params: [...a.params] });
    else for (let i = a.keyLength; i < a.params.length; i++) (row.params[i] as number) += a.params[i] as number;
  }
  for (const [sql, rows] of byStatement) {
    const statement = prepared(sqlite, sql);
    for (const row of rows.values()) statement.run(row.params);
  }
  return result;
}
