import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { DAY, MINUTE } from "../../src/clock";
import {
  contactSubjects,
  customerContacts,
  emailOutbox,
  interactions,
  ivrCalls,
  ivrEvents,
  recordingDeletions,
  reportRollup,
  responses,
} from "../../src/db/schema";
import { silentLogger, type Ctx } from "../../src/deps";
import { folderTransport } from "../../src/mail/nodemailer-transport";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { erasePerson } from "../../src/services/privacy/erase";
import { applyRetention } from "../../src/services/privacy/retention";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";

async function contact(ctx: Ctx, email: string, phone: string, comment: string, csat: number) {
  const i = await registerInteraction(ctx, {
    channel: "phone",
    team: "CONTACT",
    occurredAt: ctx.clock.now(),
    language: "en",
    customer: { email, phone, mayContact: false },
  });
  await recordResponse(ctx, { interactionId: i.id, csat, ces: null, csi: null, fcr: null, comment, language: "en", confirmedVia: "form" });
  return i;
}

const r = reportRollup;
const rollup = async (ctx: Ctx) =>
  JSON.stringify(await ctx.db.read.select().from(r).orderBy(r.period, r.periodStart, r.themeId, r.teamId, r.staffId, r.serviceId, r.channel));
const answers = async (ctx: Ctx) => (await ctx.db.read.select().from(responses).orderBy(asc(responses.id))).map((row) => [row.csat, row.comment]);
const emails = async (ctx: Ctx) => (await ctx.db.read.select().from(customerContacts).orderBy(asc(customerContacts.interactionId))).map((c) => c.email);

describe("erase", () => {
  test("removes a person's contact details and comments, keeps scores, and (SQLite) leaves nothing in the file", async () => {
    const t = await createTestApp();
    await seedOrganisation(t);
    const { ctx } = t;
    await contact(ctx, "pat.person@example.org", "07700 900456", "Zanzibarquux complained about the waiting time", 2);
    await contact(ctx, "other@example.org", "07700 900789", "Nice and quick, thank you", 5);
    const before = await rollup(ctx);

    const result = await erasePerson(ctx, { email: "Pat.Person@example.org" });

    expect(result).toEqual({ interactions: 1, comments: 1, contacts: 1, mailFiles: 0, recordings: 0 });
    expect(await answers(ctx)).toEqual([
      [2, null],
      [5, "Nice and quick, thank you"],
    ]);
    expect(await emails(ctx)).toEqual(["other@example.org"]);
    expect(await ctx.db.read.select().from(contactSubjects)).toHaveLength(2);
    expect(await rollup(ctx)).toBe(before);

    const file = t.db.file;
    if (!file) return;
    await t.db.close();
    for (const f of [file, `${file}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = readFileSync(f).toString("latin1");
      expect(bytes).not.toContain("pat.person@example.org");
      expect(bytes).not.toContain("Zanzibarquux");
      expect(bytes).toContain("other@example.org");
    }
  });

  test("finds the person by phone after the address itself is gone", async () => {
    const t = await createTestApp();
    await seedOrganisation(t);
    await contact(t.ctx, "sam@example.org", "+44 7700 900111", "Please call me back", 3);
    await t.db.write((tx) => tx.delete(customerContacts));
    expect(await erasePerson(t.ctx, { phone: "07700900111" })).toMatchObject({ interactions: 1, comments: 1 });
    expect((await answers(t.ctx))[0]![1]).toBeNull();
  });
});

describe("erase and the emails written to DATA_DIR/outbox-mail", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** An app whose emails go to .eml files, as they do with no SMTP_URL. */
  async function folderApp() {
    const dataDir = mkdtempSync(join(tmpdir(), "erase-mail-"));
    dirs.push(dataDir);
    const t = await createTestApp({ DATA_DIR: dataDir });
    await seedOrganisation(t);
    const folder = join(dataDir, "outbox-mail");
    const worker = createOutboxWorker(t.ctx, folderTransport(folder, t.config.MAIL_FROM, silentLogger));
    const invite = (email: string, phone?: string) =>
      registerInteraction(t.ctx, {
        channel: "email",
        team: "CONTACT",
        occurredAt: t.clock.now(),
        language: "en",
        customer: { email, phone, mayContact: true },
      });
    const files = () => (existsSync(folder) ? readdirSync(folder).map((f) => readFileSync(join(folder, f), "utf8")) : []);
    const statuses = async () =>
      (await t.db.read.select({ kind: emailOutbox.kind, status: emailOutbox.status }).from(emailOutbox).orderBy(asc(emailOutbox.id))).map(
        (r) => `${r.kind}:${r.status}`,
      );
    return { t, worker, invite, files, statuses };
  }

  test("deletes the person's .eml files, cancels what waits and keeps the status of what was sent", async () => {
    const { t, worker, invite, files, statuses } = await folderApp();
    await invite("Pat.Person@example.org");
    await invite("other@example.org");
    t.clock.advance(10 * MINUTE);
    expect(await worker.processDue()).toMatchObject({ sent: 2 });
    expect(files()).toHaveLength(2);
    expect(await statuses()).toEqual(["invitation:sent", "invitation:sent", "reminder:pending", "reminder:pending"]);

    const result = await erasePerson(t.ctx, { email: "pat.person@EXAMPLE.org" });

    expect(result).toMatchObject({ interactions: 1, contacts: 1, mailFiles: 1 });
    const left = files();
    expect(left).toHaveLength(1);
    expect(left[0]).toContain("other@example.org");
    expect(left.join("").toLowerCase()).not.toContain("pat.person@example.org");
    // The invitation went: it stays sent. The reminder had not: it will never go.
    expect(await statuses()).toEqual(["invitation:sent", "invitation:sent", "reminder:cancelled", "reminder:pending"]);
  });

  test("an erasure by phone number finds the emails by the outbox rows that sent them, after the address is gone", async () => {
    const { t, worker, invite, files } = await folderApp();
    await invite("sam@example.org", "07700 900111");
    t.clock.advance(10 * MINUTE);
    await worker.processDue();
    // As once the reminder is dealt with: the address is deleted, the hashes stay.
    await t.db.write((tx) => tx.update(customerContacts).set({ email: null }));
    expect(files()).toHaveLength(1);

    expect(await erasePerson(t.ctx, { phone: "+44 7700 900111" })).toMatchObject({ interactions: 1, mailFiles: 1 });
    expect(files()).toEqual([]);
  });
});

describe("erase and phone recordings", () => {
  test("forgets the recording and queues its deletion at Twilio in the same write", async () => {
    const t = await createTestApp();
    await seedOrganisation(t);
    const i = await contact(t.ctx, "rec@example.org", "07700 900222", "Spoken comment", 3);
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE${"0f".repeat(16)}`;
    await t.db.write((tx) =>
      tx.insert(ivrCalls).values({ callSid: "CA-rec", interactionId: i.id, step: "done", recordingUrl, createdAt: t.clock.now(), updatedAt: t.clock.now() }),
    );
    expect(await erasePerson(t.ctx, { phone: "07700900222" })).toMatchObject({ recordings: 1 });
    expect(await t.db.read.select({ url: ivrCalls.recordingUrl }).from(ivrCalls)).toEqual([{ url: null }]);
    expect(await t.db.read.select({ resource: recordingDeletions.resource, status: recordingDeletions.status }).from(recordingDeletions)).toEqual([
      { resource: `Recordings/RE${"0f".repeat(16)}`, status: "pending" },
    ]);
    expect(await t.db.read.select({ id: interactions.id }).from(interactions)).toHaveLength(1);
  });
});

describe("retention", () => {
  test("deletes comments and contact details older than the period and keeps the scores", async () => {
    const t = await createTestApp({ RETENTION_DAYS: 30 });
    await seedOrganisation(t);
    await contact(t.ctx, "old@example.org", "07700 900001", "Old comment about bins", 4);
    t.clock.advance(20 * DAY);
    await contact(t.ctx, "new@example.org", "07700 900002", "New comment about bins", 5);
    const before = await rollup(t.ctx);
    t.clock.advance(15 * DAY);

    // A phone survey's handled webhook turns: the old call's go, today's stay.
    await t.db.write((tx) =>
      tx.insert(ivrEvents).values([
        { callSid: "CA-old", turn: "csat:1", step: "csat", createdAt: t.clock.now() - 31 * DAY },
        { callSid: "CA-new", turn: "csat:1", step: "csat", createdAt: t.clock.now() },
      ]),
    );

    expect(await applyRetention(t.ctx)).toEqual({ comments: 1, contacts: 1, subjects: 2, recordings: 0, callSteps: 1 });
    expect(await t.db.read.select({ sid: ivrEvents.callSid }).from(ivrEvents)).toEqual([{ sid: "CA-new" }]);
    expect(await answers(t.ctx)).toEqual([
      [4, null],
      [5, "New comment about bins"],
    ]);
    expect(await emails(t.ctx)).toEqual(["new@example.org"]);
    expect(await rollup(t.ctx)).toBe(before);
  });
});

describe("retention job", () => {
  test("runs after start and then every period, until stopped", async () => {
    const t = await createTestApp({ RETENTION_DAYS: 1 });
    await seedOrganisation(t);
    await contact(t.ctx, "a@example.org", "07700 900003", "Comment to expire", 4);
    t.clock.advance(2 * DAY);
    const { startRetentionJob } = await import("../../src/workers/retention-job");
    const job = startRetentionJob(t.ctx, { firstAfterMs: 5, everyMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    job.stop();
    await t.db.drain();
    expect((await answers(t.ctx))[0]![1]).toBeNull();
    expect(await t.db.read.select().from(customerContacts)).toEqual([]);
  });

  test("on one server at a time: two jobs on one database apply it once between them", async () => {
    const t = await createTestApp({ RETENTION_DAYS: 1 });
    await seedOrganisation(t);
    await contact(t.ctx, "b@example.org", "07700 900004", "Another comment to expire", 3);
    t.clock.advance(2 * DAY);
    const { startRetentionJob } = await import("../../src/workers/retention-job");
    const applied: unknown[] = [];
    const log = { info: (msg: string, data?: Record<string, unknown>) => void (msg === "retention applied" && applied.push(data)), error: () => {} };
    const jobs = [
      startRetentionJob({ ...t.ctx, log }, { firstAfterMs: 5, everyMs: 60_000 }),
      startRetentionJob({ ...t.ctx, log }, { firstAfterMs: 5, everyMs: 60_000 }),
    ];
    await new Promise((resolve) => setTimeout(resolve, 150));
    for (const job of jobs) job.stop();
    await t.db.drain();
    // Two jobs, two turns: the comment was deleted by exactly one of them.
    expect(applied.filter((a) => (a as { comments: number }).comments === 1)).toHaveLength(1);
    expect((await answers(t.ctx))[0]![1]).toBeNull();
  });
});
