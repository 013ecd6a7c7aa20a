import { dirname } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { runCli } from "../../src/cli/run";
import { fixedClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { silentLogger } from "../../src/deps";
import { newTestDatabaseLocation, scratchFolder, TEST_DIALECT } from "../db/test-database";
import { seedOrganisation } from "../helpers";

const env: Record<string, string> = { LOG_LEVEL: "silent", PUBLIC_BASE_URL: "https://feedback.northshire.example" };

/** The CLI opens the database the environment names, as it would on a server of either kind. */
beforeAll(async () => {
  const location = await newTestDatabaseLocation();
  const secrets = { SESSION_SECRET: "s".repeat(32), TOKEN_PEPPER: "p".repeat(32) };
  const settings = TEST_DIALECT === "sqlite" ? { DATA_DIR: dirname(location) } : { DATA_DIR: scratchFolder(), DATABASE_URL: location };
  Object.assign(env, settings, TEST_DIALECT === "sqlite" ? {} : secrets);
  const db = await openDatabase(settings);
  await seedOrganisation({ ctx: { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger } });
  await db.close();
});

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { env, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

test("signature <staff code> prints the strip's HTML, and the text line on stderr", async () => {
  const r = await cli("signature", "alice");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('href="https://feedback.northshire.example/r/alice/5"');
  expect(r.stdout.trim().startsWith("<table")).toBe(true);
  expect(r.stderr).toContain("Plain-text signature line: How did I do? Rate our service: https://feedback.northshire.example/r/alice");
});

test("--text prints only the plain-text line; --lang picks the language", async () => {
  expect((await cli("signature", "bob", "--text")).stdout).toBe("How did I do? Rate our service: https://feedback.northshire.example/r/bob\n");
  expect((await cli("signature", "bob", "--text", "--lang", "cy")).stdout).toContain("Sut wnes i?");
});

test("an unknown staff member exits 1, a missing code 2", async () => {
  expect((await cli("signature", "nobody")).code).toBe(1);
  expect((await cli("signature")).code).toBe(2);
  expect((await cli("signature", "alice", "--lang", "xx")).code).toBe(2);
});
