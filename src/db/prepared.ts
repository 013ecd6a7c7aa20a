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
