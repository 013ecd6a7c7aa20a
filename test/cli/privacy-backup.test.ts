import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { MINUTE } from "../../src/clock";
import { loadConfig } from "../../src/config";
import { openSqlite } from "../../src/db/sqlite";
import { emailOutbox, responses } from "../../src/db/schema";
import { silentLogger, type Ctx } from "../../src/deps";
import { folderTransport } from "../../src/mail/nodemailer-transport";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { registerInteraction } from "../../src/services/register-interaction";
import { seedOrganisation } from "../helpers";
import { count, eq } from "drizzle-orm";
import { TEST_DIALECT } from "../db/test-database";
import { cliSandbox, type CliSandbox } from "./run-cli";

let box: CliSandbox | undefined;
afterEach(async () => {
  await box?.cleanup();
  box = undefined;
});

test.runIf(TEST_DIALECT === "sqlite")("backup writes a consistent copy and refuses to overwrite", async () => {
  box = await cliSandbox();
  expect((await box.run("demo", "--responses", "300", "--seed", "3")).code).toBe(0);
  const target = join(box.dataDir, "copy.db");
  const done = await box.run("backup", target);
  expect(done.code).toBe(0);
  expect(done.stdout).toMatch(/integrity ok/);
  const copy = openSqlite(target);
  try {
    const [row] = await copy.read.select({ n: count() }).from(responses);
    expect(row!.n).toBeGreaterThan(250);
  } finally {
    await copy.close();
  }
  expect((await box.run("backup", target)).code).toBe(2);
});

test.runIf(TEST_DIALECT === "postgres")("backup on PostgreSQL refuses, pointing to pg_dump and point-in-time recovery", async () => {
  box = await cliSandbox();
  const target = join(box.dataDir, "copy.db");
  const refused = await box.run("backup", target);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("pg_dump");
  expect(refused.stderr).toContain("point-in-time recovery");
  expect(existsSync(target)).toBe(false);
});

test("erase needs --email or --phone and validates them; retention reports what it deleted", async () => {
  box = await cliSandbox();
  expect((await box.run("erase")).code).toBe(2);
  expect((await box.run("erase", "--email", "not-an-email")).code).toBe(2);
  const erased = await box.run("erase", "--email", "nobody@example.org");
  expect(erased.code).toBe(0);
  expect(erased.stdout).toMatch(/Erased 0 contact details and 0 comments across 0 interactions/);
  const kept = await box.run("retention");
  expect(kept.code).toBe(0);
  expect(kept.stdout).toMatch(/^Deleted \d+ comments/);
  if (TEST_DIALECT === "sqlite") expect(existsSync(box.dbFile)).toBe(true);
});

test("erase --email deletes the emails the server wrote to DATA_DIR/outbox-mail and keeps the sent invitation sent", async () => {
  box = await cliSandbox();
  expect((await box.run("migrate")).code).toBe(0);
  // A server on the same data folder, with no SMTP_URL: its emails are .eml files.
  const ctx: Ctx = { db: box.open(), config: loadConfig(box.env), clock: box.clock, log: silentLogger };
  await seedOrganisation({ ctx });
  for (const email of ["pat@example.org", "other@example.org"]) {
    await registerInteraction(ctx, { channel: "email", team: "CONTACT", occurredAt: ctx.clock.now(), language: "en", customer: { email, mayContact: true } });
  }
  box.clock.advance(10 * MINUTE);
  const folder = join(box.dataDir, "outbox-mail");
  expect(await createOutboxWorker(ctx, folderTransport(folder, ctx.config.MAIL_FROM, silentLogger)).processDue()).toMatchObject({ sent: 2 });
  expect(readdirSync(folder)).toHaveLength(2);

  const erased = await box.run("erase", "--email", "pat@example.org");
  expect(erased.code).toBe(0);
  expect(erased.stdout).toMatch(/Erased 1 contact details .* deleted 1 email files/);
  expect(readdirSync(folder)).toHaveLength(1);
  const sent = await ctx.db.read.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.kind, "invitation"));
  expect(sent).toEqual([{ status: "sent" }, { status: "sent" }]);
});
