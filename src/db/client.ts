import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { projectPath } from "../paths";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = projectPath("migrations");

export type OpenOptions = { synchronous?: "FULL" | "NORMAL"; readonly?: boolean };

/**
 * Opens (and creates) an SQLite database. WAL lets readers (reports) run beside the writer;
 * the busy timeout makes a second process (the CLI) wait instead of failing.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const sqlite = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  // Erased comments and addresses are overwritten, not just unlinked (see services/privacy).
  sqlite.pragma("secure_delete = ON");
  // 16 MiB of page cache per connection (main and reader thread): the OS caches the file too,
  // and the server must stay small on a shared machine (under 200 MB serving the dashboard).
  sqlite.pragma("cache_size = -16384");
  return drizzle(sqlite, { schema }) as Db;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** A fresh in-memory database with the real migrations applied: what every test starts from. */
export function openMemoryDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  return db;
}
