import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, test } from "vitest";
import { cliSandbox } from "./run-cli";

let box: ReturnType<typeof cliSandbox>;
afterEach(() => box?.cleanup());

test("backup writes a consistent copy and refuses to overwrite", async () => {
  box = cliSandbox();
  expect((await box.run("demo", "--responses", "300", "--seed", "3")).code).toBe(0);
  const target = join(box.dataDir, "copy.db");
  const done = await box.run("backup", target);
  expect(done.code).toBe(0);
  expect(done.stdout).toMatch(/integrity ok/);
  const copy = new Database(target, { readonly: true });
  expect(copy.prepare("select count(*) from responses").pluck().get()).toBeGreaterThan(250);
  copy.close();
  expect((await box.run("backup", target)).code).toBe(2);
});

test("erase needs --email or --phone and validates them; retention reports what it deleted", async () => {
  box = cliSandbox();
  expect((await box.run("erase")).code).toBe(2);
  expect((await box.run("erase", "--email", "not-an-email")).code).toBe(2);
  const erased = await box.run("erase", "--email", "nobody@example.org");
  expect(erased.code).toBe(0);
  expect(erased.stdout).toMatch(/Erased 0 contact details and 0 comments across 0 interactions/);
  const kept = await box.run("retention");
  expect(kept.code).toBe(0);
  expect(kept.stdout).toMatch(/^Deleted \d+ comments/);
  expect(existsSync(box.dbFile)).toBe(true);
});
