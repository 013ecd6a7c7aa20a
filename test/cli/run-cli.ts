import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedClock } from "../../src/clock";
import { runCli } from "../../src/cli/run";
import type { Database } from "../../src/db/client";
import { openPostgres } from "../../src/db/postgres";
import { openSqlite } from "../../src/db/sqlite";
import { newEmptyPostgresDatabase, postgresUrl, TEST_DIALECT } from "../db/test-database";

/** With DATABASE_URL every server (and the CLI) must be given the same secrets. */
const SHARED_SECRETS = { SESSION_SECRET: "cli-test-session-secret-0123456789abcdefgh", TOKEN_PEPPER: "cli-test-token-pepper-0123456789abcdefghij" };

/**
 * A temporary DATA_DIR per test and, on PostgreSQL, an empty database of its own (the CLI
 * migrates it, as it migrates a new SQLite file); runCli with its output collected.
 */
export async function cliSandbox(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "ros-cli-"));
  const databaseUrl = TEST_DIALECT === "postgres" ? postgresUrl(await newEmptyPostgresDatabase()) : undefined;
  const fullEnv: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, ...SHARED_SECRETS } : {}),
    ...env,
  };
  const clock = fixedClock("2026-03-02T09:00:00Z");
  const run = async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      env: fullEnv,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      clock,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").filter((l) => l !== "") };
  };
  const dbFile = join(dataDir, "survey.db");
  const opened: Database[] = [];
  /** The database the CLI wrote to, opened beside it as a server would; closed by cleanup(). */
  const open = (): Database => {
    const db = databaseUrl ? openPostgres(databaseUrl, { max: 2, idleTimeoutMs: 1000 }) : openSqlite(dbFile, { synchronous: "OFF" });
    opened.push(db);
    return db;
  };
  const cleanup = async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { dataDir, env: fullEnv, clock, run, dbFile, databaseUrl, open, cleanup };
}

export type CliSandbox = Awaited<ReturnType<typeof cliSandbox>>;
