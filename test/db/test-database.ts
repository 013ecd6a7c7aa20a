import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { Database, Dialect } from "../../src/db/client";
import { openPostgres } from "../../src/db/postgres";
import { connectSqlite, migrateSqlite, openSqlite } from "../../src/db/sqlite";

/*
 * Every test gets a database of its own with the real migrations: on SQLite a copy of a file
 * migrated once per test process, on PostgreSQL `CREATE DATABASE … TEMPLATE` of a database
 * migrated once per run (test/db/global-setup.ts), which takes milliseconds.
 */

/** Which database the suite runs on: vitest.config.ts sets it per project. */
export const TEST_DIALECT: Dialect = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

/** The server the PostgreSQL project uses; its `postgres` database is where test databases are made. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * This run's prefix (test/db/global-setup.ts): its template is `<run>_template`. A run without
 * that set-up (the soak tests) makes only empty databases, under a prefix of its own.
 */
function postgresRun(): string {
  return inject("postgresRun") ?? `ros_s${process.pid}`;
}

export function postgresUrl(database: string): string {
  const u = new URL(TEST_POSTGRES_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

let folder: string | undefined;
let template: string | undefined;
let made = 0;

/** A folder of this process's scratch databases, removed when the process ends. */
export function scratchFolder(): string {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), "ros-test-"));
    const dir = folder;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return folder;
}

function sqliteTemplate(): string {
  if (!template) {
    template = join(scratchFolder(), "template.db");
    const client = connectSqlite(template, { synchronous: "OFF" });
    migrateSqlite(client);
    // One file, no WAL beside it: what is copied is the whole database.
    client.pragma("journal_mode = DELETE");
    client.close();
  }
  return template;
}

let admin: pg.Client | undefined;
async function postgresAdmin(): Promise<pg.Client> {
  if (!admin) {
    admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
  }
  return admin;
}

const createdDatabases: string[] = [];
const openedDatabases: Database[] = [];

/** A new database on the test server, migrated (a clone of this run's template) unless `empty`. */
async function createPostgresDatabase(empty: boolean): Promise<string> {
  const name = `${postgresRun()}_${process.pid}_${++made}`;
  await (await postgresAdmin()).query(`create database ${name}${empty ? "" : ` template ${postgresRun()}_template`}`);
  createdDatabases.push(name);
  return name;
}

/** A new migrated database name on the test server. */
export const newPostgresDatabase = () => createPostgresDatabase(false);

/** A new empty database (no tables): for a server or CLI that migrates it itself. */
export const newEmptyPostgresDatabase = () => createPostgresDatabase(true);

/**
 * Closes the databases this test file opened and drops the PostgreSQL ones it made (each is a
 * copy of the template on disk): test/db/setup-file.ts runs it after every file.
 */
export async function releaseTestDatabases(): Promise<void> {
  await Promise.allSettled(openedDatabases.splice(0).map((d) => d.close()));
  if (createdDatabases.length === 0) return;
  const client = await postgresAdmin();
  for (const name of createdDatabases.splice(0)) await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
  admin = undefined;
}

/** A new migrated database file path (SQLite) or URL (PostgreSQL) for a test that opens it itself. */
export async function newTestDatabaseLocation(): Promise<string> {
  if (TEST_DIALECT === "postgres") return postgresUrl(await newPostgresDatabase());
  const dir = join(scratchFolder(), `db-${++made}`);
  mkdirSync(dir);
  const file = join(dir, "survey.db");
  copyFileSync(sqliteTemplate(), file);
  return file;
}

/** A fresh database with the real migrations, on the suite's dialect. */
export async function openTestDatabase(): Promise<Database> {
  const location = await newTestDatabaseLocation();
  // No fsync in tests: durability is tested by the soak tests on real files.
  const database = TEST_DIALECT === "sqlite" ? openSqlite(location, { synchronous: "OFF" }) : openPostgres(location, { max: 4, idleTimeoutMs: 1000 });
  openedDatabases.push(database);
  return database;
}
