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
  prepared(sqlite, nested ? "savepoint w" : "begin immediate").run();
  try {
    const result = fn();
    prepared(sqlite, nested ? "release w" : "commit").run();
    return result;
  } catch (err) {
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
