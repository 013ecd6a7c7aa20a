import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { startArgs } from "../../scripts/start-command";
import { fixedClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { silentLogger } from "../../src/deps";
import { loadDotEnv } from "../../src/dotenv";
import { seedOrganisation } from "../helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BASE = "https://feedback.northshire.example";

/** A working directory as an operator leaves it: a .env and nothing else set for these names. */
function workDir(dotenv: string) {
  const dir = mkdtempSync(join(tmpdir(), "dotenv-"));
  writeFileSync(join(dir, ".env"), dotenv);
  return dir;
}

/** The environment without anything the .env should supply (the test runner's own settings). */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["PUBLIC_BASE_URL", "DATA_DIR", "DATABASE_URL", "PORT", "HOST", "LOG_LEVEL", "SMTP_URL"]) delete env[name];
  return { ...env, ...extra };
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, until?: RegExp) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${stdout}${stderr}`)), 30_000);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (until?.test(stdout)) child.kill("SIGTERM");
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe(".env in the working directory", () => {
  test("fills only the names the environment does not set", () => {
    const dir = workDir(`PUBLIC_BASE_URL=${BASE}\n# a comment\nORG_NAME="Northshire Council"\nTIMEZONE=Europe/Dublin\n`);
    const env: NodeJS.ProcessEnv = { TIMEZONE: "Europe/London" };
    loadDotEnv(dir, env);
    expect(env).toEqual({ PUBLIC_BASE_URL: BASE, ORG_NAME: "Northshire Council", TIMEZONE: "Europe/London" });
    const none: NodeJS.ProcessEnv = {};
    loadDotEnv(mkdtempSync(join(tmpdir(), "no-dotenv-")), none);
    expect(none).toEqual({});
  });

  // Real processes in a directory of their own: on the SQLite file the .env names.
  test.skipIf(process.env.TEST_DATABASE === "postgres")("the CLI and the server read it: `cli signature` links to the server's address", async () => {
    const dir = workDir(`PUBLIC_BASE_URL=${BASE}\nDATA_DIR=./state\nLOG_LEVEL=info\nSMTP_URL=\n`);
    mkdirSync(join(dir, "state"));
    const db = await openDatabase({ DATA_DIR: join(dir, "state") });
    await db.migrate();
    await seedOrganisation({ ctx: { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger } });
    await db.close();

    const cli = [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "src/cli/main.ts")];
    const signature = await run([...cli, "signature", "alice", "--text"], dir, bareEnv());
    expect(signature.stderr).toBe("");
    expect(signature.stdout).toBe(`How did I do? Rate our service: ${BASE}/r/alice\n`);
    // A variable set in the environment wins over the file.
    const overridden = await run([...cli, "signature", "alice", "--text"], dir, bareEnv({ PUBLIC_BASE_URL: "https://other.example" }));
    expect(overridden.stdout).toBe("How did I do? Rate our service: https://other.example/r/alice\n");

    const server = await run(startArgs(), dir, bareEnv({ PORT: "0", HOST: "127.0.0.1" }), /"msg":"listening"/);
    expect(server.stdout).toContain(`"msg":"listening","url":"${BASE}"`);
    expect(server.stdout).toContain(`"dataDir":${JSON.stringify(join(dir, "state"))}`);
    expect(server.code).toBe(0);
  });
});
