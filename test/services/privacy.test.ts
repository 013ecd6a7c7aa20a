import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DAY, fixedClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { migrateDatabase, openDatabase } from "../../src/db/client";
import { contactSubjects, customerContacts, ivrEvents, reportRollup, responses } from "../../src/db/schema";
import { silentLogger, type Ctx } from "../../src/deps";
import { erasePerson } from "../../src/services/privacy/erase";
import { applyRetention } from "../../src/services/privacy/retention";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";

function fileBackedCtx(): { ctx: Ctx; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), "privacy-")), "survey.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  const ctx: Ctx = { db, clock: fixedClock("2026-03-02T09:00:00Z"), config: testConfig(), log: silentLogger };
  seedOrganisation({ ctx });
  return { ctx, file };
}

function contact(ctx: Ctx, email: string, phone: string, comment: string, csat: number) {
  const i = registerInteraction(ctx, {
    channel: "phone",
    team: "CONTACT",
    occurredAt: ctx.clock.now(),
    language: "en",
    customer: { email, phone, mayContact: false },
  });
  recordResponse(ctx, { interactionId: i.id, csat, ces: null, csi: null, fcr: null, comment, language: "en", confirmedVia: "form" });
  return i;
}

const rollup = (ctx: Ctx) => JSON.stringify(ctx.db.select().from(reportRollup).all());

describe("erase", () => {
  test("removes a person's contact details and comments, keeps scores, and leaves nothing in the file", () => {
    const { ctx, file } = fileBackedCtx();
    contact(ctx, "pat.person@example.org", "07700 900456", "Zanzibarquux complained about the waiting time", 2);
    contact(ctx, "other@example.org", "07700 900789", "Nice and quick, thank you", 5);
    const before = rollup(ctx);

    const result = erasePerson(ctx, { email: "Pat.Person@example.org" });

    expect(result).toEqual({ interactions: 1, comments: 1, contacts: 1 });
    expect(ctx.db.select().from(responses).all().map((r) => [r.csat, r.comment])).toEqual([
      [2, null],
      [5, "Nice and quick, thank you"],
    ]);
    expect(ctx.db.select().from(customerContacts).all().map((c) => c.email)).toEqual(["other@example.org"]);
    expect(ctx.db.select().from(contactSubjects).all()).toHaveLength(2);
    expect(rollup(ctx)).toBe(before);

    ctx.db.$client.close();
    for (const f of [file, `${file}-wal`]) {
      if (!existsSync(f)) continue;
      const bytes = readFileSync(f).toString("latin1");
      expect(bytes).not.toContain("pat.person@example.org");
      expect(bytes).not.toContain("Zanzibarquux");
      expect(bytes).toContain("other@example.org");
    }
  });

  test("finds the person by phone after the address itself is gone", () => {
    const t = createTestApp();
    seedOrganisation(t);
    contact(t.ctx, "sam@example.org", "+44 7700 900111", "Please call me back", 3);
    t.db.delete(customerContacts).run();
    expect(erasePerson(t.ctx, { phone: "07700900111" })).toMatchObject({ interactions: 1, comments: 1 });
    expect(t.db.select().from(responses).get()!.comment).toBeNull();
  });
});

describe("retention", () => {
  test("deletes comments and contact details older than the period and keeps the scores", () => {
    const t = createTestApp({ RETENTION_DAYS: 30 });
    seedOrganisation(t);
    contact(t.ctx, "old@example.org", "07700 900001", "Old comment about bins", 4);
    t.clock.advance(20 * DAY);
    contact(t.ctx, "new@example.org", "07700 900002", "New comment about bins", 5);
    const before = rollup(t.ctx);
    t.clock.advance(15 * DAY);

    // A phone survey's handled webhook turns: the old call's go, today's stay.
    t.db.insert(ivrEvents).values([
      { callSid: "CA-old", turn: "csat:1", step: "csat", createdAt: t.clock.now() - 31 * DAY },
      { callSid: "CA-new", turn: "csat:1", step: "csat", createdAt: t.clock.now() },
    ]).run();

    expect(applyRetention(t.ctx)).toEqual({ comments: 1, contacts: 1, subjects: 2, recordings: 0, callSteps: 1 });
    expect(t.db.select({ sid: ivrEvents.callSid }).from(ivrEvents).all()).toEqual([{ sid: "CA-new" }]);
    expect(t.db.select().from(responses).all().map((r) => [r.csat, r.comment])).toEqual([
      [4, null],
      [5, "New comment about bins"],
    ]);
    expect(t.db.select().from(customerContacts).all().map((c) => c.email)).toEqual(["new@example.org"]);
    expect(rollup(t.ctx)).toBe(before);
  });
});

describe("retention job", () => {
  test("runs after start and then every period, until stopped", async () => {
    const t = createTestApp({ RETENTION_DAYS: 1 });
    seedOrganisation(t);
    contact(t.ctx, "a@example.org", "07700 900003", "Comment to expire", 4);
    t.clock.advance(2 * DAY);
    const { startRetentionJob } = await import("../../src/services/privacy/retention-job");
    const job = startRetentionJob(t.ctx, { firstAfterMs: 5, everyMs: 10 });
    await new Promise((r) => setTimeout(r, 40));
    job.stop();
    expect(t.db.select().from(responses).get()!.comment).toBeNull();
    expect(t.db.select().from(customerContacts).all()).toEqual([]);
  });
});
