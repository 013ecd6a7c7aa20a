import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig, type Config } from "../../src/config";
import type { Database } from "../../src/db/client";
import { followUpCaseEvents, followUpCases, responses } from "../../src/db/schema";
import { caseReasons, DEFAULT_CASE_RULES } from "../../src/domain/cases";
import { localDate } from "../../src/domain/periods";
import { judgeCase, type StepOutcome } from "../../src/domain/sla";
import { dueDatesFrom } from "../../src/services/follow-ups/due-dates";
import { cliSandbox, type CliSandbox } from "./run-cli";

const DEMO = ["demo", "--responses", "2000", "--seed", "7"] as const;

const sandboxes: CliSandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.cleanup()));
});

/** A demo in a sandbox of its own, and what it stored of answers, cases and their history. */
async function demo() {
  const s = await cliSandbox();
  sandboxes.push(s);
  const { code, stderr } = await s.run(...DEMO);
  expect(stderr).not.toContain("Error");
  expect(code).toBe(0);
  return { s, ...(await stored(s.open())) };
}

async function stored(db: Database) {
  const [answers, cases, events] = await Promise.all([
    db.read
      .select({
        id: responses.id,
        interactionId: responses.interactionId,
        teamId: responses.teamId,
        csat: responses.csat,
        csi: responses.csi,
        fcr: responses.fcr,
        createdAt: responses.createdAt,
      })
      .from(responses)
      .orderBy(asc(responses.id)),
    db.read.select().from(followUpCases).orderBy(asc(followUpCases.id)),
    db.read.select().from(followUpCaseEvents).orderBy(asc(followUpCaseEvents.id)),
  ]);
  return { answers, cases, events };
}

describe("demo follow-up cases", () => {
  let run: Awaited<ReturnType<typeof demo>>;
  let config: Config;
  let now: number;
  let today: string;
  beforeAll(async () => {
    run = await demo();
    config = loadConfig(run.s.env);
    now = run.s.clock.now();
    today = localDate(now, config.TIMEZONE);
  });

  test("every answer that meets the default rules has exactly one case, and no other answer has one", () => {
    const reasonsOf = (a: (typeof run.answers)[number]) =>
      caseReasons(DEFAULT_CASE_RULES, { csat: a.csat, csi: a.csi, fcr: a.fcr, contactRequested: false, safeguarding: [] });
    const meeting = run.answers.filter((a) => reasonsOf(a).length > 0);
    // Low CSAT, low CSI and unresolved with a middling CSAT all occur.
    expect(new Set(meeting.flatMap((a) => reasonsOf(a).map((r) => r.rule)))).toEqual(new Set(["low_csat", "low_csi", "not_resolved"]));
    expect(run.cases.map((c) => c.responseId).sort((a, b) => a - b)).toEqual(meeting.map((a) => a.id));

    const answerOf = new Map(run.answers.map((a) => [a.id, a]));
    for (const c of run.cases) {
      const answer = answerOf.get(c.responseId)!;
      expect(c).toMatchObject({
        interactionId: answer.interactionId,
        teamId: answer.teamId,
        reasons: reasonsOf(answer),
        priority: "normal",
        ownerId: null,
        openedAt: answer.createdAt,
        ...dueDatesFrom(config, answer.createdAt, false),
        acknowledgedBy: null,
        respondedBy: null,
        closedBy: null,
        clearedAt: null,
      });
    }
  });

  test("each status agrees with the times of the steps taken, none of them after now", () => {
    const stepsOf = (c: (typeof run.cases)[number]) => [c.acknowledgedAt, c.respondedAt, c.closedAt].map((t) => t !== null);
    const expected = { open: [false, false, false], acknowledged: [true, false, false], responded: [true, true, false], closed: [true, true, true] };
    for (const c of run.cases) {
      expect(stepsOf(c), `case ${c.id} (${c.status})`).toEqual(expected[c.status]);
      const times = [c.openedAt, c.acknowledgedAt, c.respondedAt, c.closedAt].filter((t): t is number => t !== null);
      expect(times, `case ${c.id}`).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeLessThanOrEqual(now);
      expect(c.updatedAt).toBe(times.at(-1));
    }
  });

  test("old cases are mostly closed, a few forgotten and overdue; recent ones are still being worked", () => {
    const old = run.cases.filter((c) => c.respondBy < today);
    const recent = run.cases.filter((c) => c.respondBy >= today);
    expect(old.filter((c) => c.status === "closed").length / old.length).toBeGreaterThan(0.95);
    const overdue = old.filter((c) => c.status !== "closed");
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length / old.length).toBeLessThan(0.04);
    expect([...new Set(recent.map((c) => c.status))]).toEqual(expect.arrayContaining(["open", "acknowledged", "responded"]));
  });

  test("every step is in the case's history at the step's time, taken by no user", () => {
    const history = new Map<number, (typeof run.events)[number][]>();
    for (const e of run.events) history.set(e.caseId, [...(history.get(e.caseId) ?? []), e]);
    expect(history.size).toBe(run.cases.length);
    for (const c of run.cases) {
      const expected = [
        { kind: "opened", at: c.openedAt, detail: { reasons: c.reasons, ownerId: null } },
        ...(c.acknowledgedAt === null ? [] : [{ kind: "acknowledged", at: c.acknowledgedAt, detail: null }]),
        ...(c.respondedAt === null ? [] : [{ kind: "responded", at: c.respondedAt, detail: null }]),
        ...(c.closedAt === null ? [] : [{ kind: "closed", at: c.closedAt, detail: null }]),
      ];
      const events = (history.get(c.id) ?? []).sort((a, b) => a.at - b.at);
      expect(
        events.map((e) => ({ kind: e.kind, at: e.at, detail: e.detail })),
        `case ${c.id}`,
      ).toEqual(expected);
      expect(events.every((e) => e.userId === null && e.note === null)).toBe(true);
    }
  });

  test("about nine in ten judged cases were acknowledged and responded to in time, not all", () => {
    const judged = run.cases.map((c) => judgeCase({ ...c, groupId: c.teamId, groupCode: "", groupName: "" }, today, config.TIMEZONE));
    const inTime = (outcomes: StepOutcome[]) => {
      const due = outcomes.filter((o) => o !== "not_yet_due");
      expect(due.length).toBeGreaterThan(100);
      return due.filter((o) => o === "in_time").length / due.length;
    };
    const acknowledged = inTime(judged.map((j) => j.acknowledgement));
    expect(acknowledged).toBeGreaterThanOrEqual(0.8);
    expect(acknowledged).toBeLessThanOrEqual(0.99);
    const responded = inTime(judged.map((j) => j.response));
    expect(responded).toBeGreaterThanOrEqual(0.8);
    expect(responded).toBeLessThanOrEqual(0.99);
  });

  test("the same seed makes the same cases and history", async () => {
    const again = await demo();
    expect(again.cases).toEqual(run.cases);
    expect(again.events).toEqual(run.events);
  }, 90_000);
});
