import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterEach, expect, test } from "vitest";
import { MINUTE } from "../../src/clock";
import { emailOutbox } from "../../src/db/schema";
import type { Logger } from "../../src/deps";
import { createMailTransport } from "../../src/mail/nodemailer-transport";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { createTestApp, seedOrganisation } from "../helpers";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

test("with no SMTP configured, emails are written as .eml files and logged, not dropped", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "mail-"));
  dirs.push(dataDir);
  const t = await createTestApp({ DATA_DIR: dataDir });
  await seedOrganisation(t);
  const lines: { msg: string; data?: Record<string, unknown> }[] = [];
  const log: Logger = { info: (msg, data) => lines.push({ msg, data }), error: () => {} };
  const transport = createMailTransport({ SMTP_URL: undefined, MAIL_FROM: t.config.MAIL_FROM, DATA_DIR: dataDir }, log);
  const worker = createOutboxWorker({ ...t.ctx, log }, transport);

  await t.api("POST", "/interactions", {
    channel: "email",
    team: "CONTACT",
    occurredAt: new Date(t.clock.now()).toISOString(),
    customer: { email: "folder@example.org", mayContact: true },
  });
  t.clock.advance(10 * MINUTE);
  expect(await worker.processDue()).toMatchObject({ sent: 1 });

  const files = readdirSync(join(dataDir, "outbox-mail"));
  expect(files).toHaveLength(1);
  const parsed = await simpleParser(readFileSync(join(dataDir, "outbox-mail", files[0]!)));
  expect(parsed.to && "text" in parsed.to ? parsed.to.text : "").toBe("folder@example.org");
  expect(parsed.text).toContain("?csat=5");
  expect(await t.db.read.select({ kind: emailOutbox.kind, status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.kind, "invitation"))).toEqual([
    { kind: "invitation", status: "sent" },
  ]);
  // Logged with the file name, never the address.
  const logged = lines.find((l) => l.msg.includes("written to folder"))!;
  expect(String(logged.data?.file)).toContain(files[0]!);
  expect(JSON.stringify(lines)).not.toContain("folder@example.org");
});
