import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { staffMail, users, departments } from "../../src/db/schema";
import { smtpTransport } from "../../src/mail/nodemailer-transport";
import { queueCaseRemindersIn } from "../../src/workers/case-reminders";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { links } from "../mail/helpers";
import { startSmtp, type SmtpFixture } from "../mail/smtp-server";
import { caseSetup } from "./setup";

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const WORDS = "I have thought about ending my life, nobody listens";

async function setup(start: string) {
  const t = await caseSetup(
    { SAFEGUARDING_EMAIL: ["safeguarding@council.example", "duty@council.example"], SMTP_URL: smtp.url, ORG_NAME: "Northshire County Council" },
    start,
  );
  const worker = createOutboxWorker(t.ctx, smtpTransport(smtp.url, "Customer Feedback <feedback@council.example>"));
  return { ...t, worker };
}

describe("staff email", () => {
  test("a safeguarding alert goes at 23:00 despite quiet hours, to every address, naming the case and not the comment", async () => {
    smtp.received.length = 0;
    // 23:00 on a Sunday in London (GMT in March): quiet hours 21:00-08:00 hold invitations, not this.
    const t = await setup("2026-03-01T23:00:00Z");
    const id = await t.answer("WASTE", { csat: 4, comment: WORDS });
    const c = (await t.caseOf(id))!;
    await t.worker.processDue();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.rcpt.sort()).toEqual(["duty@council.example", "safeguarding@council.example"]);
    expect(mail.parsed.subject).toContain(`case ${c.id}`);
    const text = mail.parsed.text ?? "";
    expect(text).not.toMatch(/ending my life|nobody listens/);
    expect(mail.parsed.html || "").not.toMatch(/ending my life|nobody listens/);
    expect(links(text)).toContain(`http://localhost:3000/dashboard/follow-up/${c.id}`);
    const [row] = await t.mails();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(row!.sentAt).toBe(t.clock.now());
  });

  test("the daily reminder lists each owner's cases due today or overdue, once a day, from the reminder hour", async () => {
    smtp.received.length = 0;
    const t = await setup("2026-03-02T09:00:00Z");
    const first = (await t.caseOf(await t.answer("CONTACT", { csat: 1 })))!;
    const second = (await t.caseOf(await t.answer("CONTACT", { csi: 1 })))!;
    await t.caseOf(await t.answer("WASTE", { csat: 1 }));
    // Monday 9 March, 07:00: acknowledgement is due today, but it is before the reminder hour (8).
    t.clock.set(Date.parse("2026-03-09T07:00:00Z"));
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toEqual({ reminders: 0, escalations: 0 });
    t.clock.set(Date.parse("2026-03-09T08:30:00Z"));
    await t.call(t.who.manager, "POST", `/follow-ups/${second.id}/acknowledge`, {});
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toEqual({ reminders: 2, escalations: 0 });
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toEqual({ reminders: 0, escalations: 0 });
    await t.worker.processDue();
    const toManager = smtp.received.find((m) => m.rcpt.includes("manager@council.example"))!;
    expect(toManager.parsed.subject).toBe("Follow-up: 1 case due today or overdue");
    expect(toManager.parsed.text).toContain(`Case ${first.id}, Contact Centre: acknowledgement due today`);
    expect(toManager.parsed.text).not.toContain(`Case ${second.id}`);
    expect(smtp.received.some((m) => m.rcpt.includes("waste@council.example"))).toBe(true);
  });

  test("an overdue case escalates once to the department's director; a case no longer overdue is not sent", async () => {
    smtp.received.length = 0;
    const t = await setup("2026-03-02T09:00:00Z");
    const [cls] = await t.db.read.select().from(departments).where(eq(departments.code, "CLS"));
    await t.db.write((tx) => tx.update(users).set({ departmentId: cls!.id }).where(eq(users.email, "director@council.example")));
    const late = (await t.caseOf(await t.answer("CONTACT", { csat: 1 })))!;
    const rescued = (await t.caseOf(await t.answer("CONTACT", { csi: 1 })))!;
    const otherDepartment = (await t.caseOf(await t.answer("WASTE", { csat: 1 })))!;
    // Tuesday 10 March: both CONTACT cases missed Monday's acknowledgement date.
    t.clock.set(Date.parse("2026-03-10T09:00:00Z"));
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toMatchObject({ escalations: 2 });
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toMatchObject({ escalations: 0 });
    await t.call(t.who.manager, "POST", `/follow-ups/${rescued.id}/acknowledge`, {});
    await t.worker.processDue();
    const escalations = smtp.received.filter((m) => m.rcpt.includes("director@council.example"));
    expect(escalations.map((m) => m.parsed.subject)).toEqual([`Overdue: case ${late.id} (Contact Centre) missed its acknowledgement date`]);
    const rows = await t.db.read.select().from(staffMail).where(eq(staffMail.kind, "escalation"));
    expect(rows.map((r) => [r.caseId, r.status]).sort()).toEqual(
      [
        [late.id, "sent"],
        [rescued.id, "cancelled"],
      ].sort(),
    );
    expect(rows.some((r) => r.caseId === otherDepartment.id)).toBe(false);
    expect((await t.events(late.id)).map((e) => e.kind)).toContain("escalated");
  });

  test("no reminders on a bank holiday", async () => {
    const t = await setup("2026-03-02T09:00:00Z");
    await t.answer("CONTACT", { csat: 1 });
    // Easter Monday 2026 (6 April): the case is long overdue, but nobody is at work.
    t.clock.set(Date.parse("2026-04-06T10:00:00Z"));
    expect(await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).toEqual({ reminders: 0, escalations: 0 });
    t.clock.set(Date.parse("2026-04-07T10:00:00Z"));
    expect((await t.db.write((tx) => queueCaseRemindersIn(tx, t.ctx, t.clock.now()))).reminders).toBe(1);
  });
});
