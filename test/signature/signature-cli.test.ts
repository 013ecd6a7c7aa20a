import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../../src/cli/run";
import { fixedClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { silentLogger } from "../../src/deps";
import { seedOrganisation } from "../helpers";

const dir = mkdtempSync(join(tmpdir(), "sig-cli-"));
const env = { DATA_DIR: dir, LOG_LEVEL: "silent", PUBLIC_BASE_URL: "https://feedback.northshire.example" };

beforeAll(() => {
  const db = openDatabase(join(dir, "survey.db"));
  migrateDatabase(db);
  seedOrganisation({ ctx: { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger } });
  db.$client.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
