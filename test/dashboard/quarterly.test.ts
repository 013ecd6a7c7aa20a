import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reportQuarterStart, type QuarterlyReport } from "../../src/db/queries/dashboard/quarterly";
import { importResponses } from "../../src/services/import/import-responses";
import { createTestApp, type TestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

/*
 * The quarterly report over financial quarters (April to March). Today is Friday 10 April 2026:
 * 2026/27 Q1 has just begun, so the report's default is 2025/26 Q4 (January to March 2026).
 * One contact a day for 200 days: every day of Q3 and Q4, the last nine days of Q2 (too few
 * answers to compare with), the first nine of Q1. Four answers imported into Q4 came without a
 * survey token.
 */

let t: TestApp;
let director: { cookie: string };
let manager: { cookie: string };
const dirs: string[] = [];

type Report = QuarterlyReport & { orgName: string };

async function report(who: { cookie: string }, query = ""): Promise<Report> {
  const res = await t.app.request(`/dashboard/api/report/quarterly${query}`, { headers: { Cookie: who.cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

const measure = (rows: Report["summary"]["measures"], key: string) => rows.find((m) => m.key === key)!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  t = await createTestApp({}, "2026-04-10T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 1, days: 200 });
  const dir = mkdtempSync(join(tmpdir(), "ros-quarterly-"));
  dirs.push(dir);
  const file = join(dir, "history.csv");
  writeFileSync(
    file,
    [
      "occurred_at,channel,team,service,csat",
      "2026-02-02 10:00,letter,WASTE,bins,5",
      "2026-02-03 10:00,letter,WASTE,bins,4",
      "2026-02-04 10:00,letter,CONTACT,bins,2",
      "2026-02-05 10:00,letter,BENEFITS,,3",
    ].join("\n"),
  );
  await importResponses(t.ctx, file, { workers: 0 });
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
}, 120_000);

afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("which quarter", () => {
  test.each([
    // No quarter named: the last complete one, never the quarter under way.
    [undefined, "2026-04-10", 4, "2026-01-01"],
    [undefined, "2026-04-01", 4, "2026-01-01"],
    [undefined, "2026-03-31", 4, "2025-10-01"],
    [undefined, "2026-04-10", 1, "2026-01-01"],
    [undefined, "2026-02-10", 1, "2025-10-01"],
    // A date names the quarter holding it, under way or not.
    ["2026-04-05", "2026-04-10", 4, "2026-04-01"],
    ["2025-11-30", "2026-04-10", 4, "2025-10-01"],
  ])("quarter %s on %s (year from month %i) starts %s", (quarter, today, yearStart, start) => {
    expect(reportQuarterStart(quarter, today, yearStart)).toBe(start);
  });

  test("by default the report is the last complete quarter, labelled as a financial one", async () => {
    const r = await report(director);
    expect(r).toMatchObject({ quarter: "2025/26 Q4", previousQuarter: "2025/26 Q3", partial: false, from: "2026-01-01", to: "2026-03-31" });
  });

  test("a date in January names 2025/26 Q4; one in November, Q3", async () => {
    expect(await report(director, "?quarter=2026-01-15")).toMatchObject({ quarter: "2025/26 Q4", previousQuarter: "2025/26 Q3" });
    expect(await report(director, "?quarter=2025-11-30")).toMatchObject({
      quarter: "2025/26 Q3",
      previousQuarter: "2025/26 Q2",
      from: "2025-10-01",
      to: "2025-12-31",
    });
  });
});

describe("the executive summary", () => {
  test("is the sum of the departments: responses, tokens, answers without a token, each measure's n", async () => {
    const r = await report(director);
    expect(r.departments.map((d) => d.department.code)).toEqual(["CLS", "ENV"]);
    expect(r.summary.responses).toBe(sum(r.departments.map((d) => d.responses)));
    expect(r.summary.responses).toBeGreaterThan(60);
    for (const key of ["csat", "cesMean", "csiIndex", "fcr", "responseRate"]) {
      expect(measure(r.summary.measures, key).figure.n, key).toBe(sum(r.departments.map((d) => measure(d.measures, key).figure.n)));
    }
    // The four imported answers have no survey token: in the responses, not in the rate.
    expect(r.summary.withoutToken).toBe(4);
    expect(r.summary.answered + r.summary.withoutToken).toBe(r.summary.responses);
    const rate = measure(r.summary.measures, "responseRate").figure;
    expect(rate.n).toBe(r.summary.issued);
    expect(rate.value).toBeCloseTo((100 * r.summary.answered) / r.summary.issued, 1);
    // The follow-up standard's total is its departments' rows added up.
    const sla = r.followUpStandard;
    expect(sla.total.opened).toBe(sum(sla.departments.map((d) => d.opened)));
    expect(r.summary.followUps === null ? 0 : r.summary.followUps.opened).toBe(sla.total.opened);
  });

  test("each measure is judged against the organisation's target", async () => {
    const r = await report(director);
    const csat = measure(r.summary.measures, "csat");
    expect(csat.target).toBe(80);
    expect(csat.status).toBe(csat.figure.value! >= 80 ? "green" : csat.figure.value! >= 75 ? "amber" : "red");
    expect(measure(r.summary.measures, "cesMean")).toMatchObject({ target: null, status: null });
  });

  test("the top three themes with their share of the quarter's comments", async () => {
    const r = await report(director);
    const { themes } = r.summary;
    expect(themes.top.length).toBeGreaterThan(0);
    expect(themes.top.length).toBeLessThanOrEqual(3);
    expect(themes.comments).toBe(sum(r.departments.map((d) => d.comments)));
    for (const th of themes.top) expect(th.share).toBeCloseTo((100 * th.comments) / themes.comments, 1);
    expect(themes.top.map((th) => th.comments)).toEqual([...themes.top.map((th) => th.comments)].sort((a, b) => b - a));
  });
});

describe("comparisons with the previous quarter", () => {
  test("both quarters complete with enough answers: ok, and the change is the difference of the two figures", async () => {
    const q4 = await report(director);
    const q3 = await report(director, "?quarter=2025-12-01");
    for (const key of ["csat", "cesMean", "csiIndex", "fcr", "responseRate"]) {
      const now = measure(q4.summary.measures, key);
      const before = measure(q3.summary.measures, key);
      expect(now.comparison, key).toBe("ok");
      expect(now.previous, key).toBe(before.figure.value);
      const decimals = key === "cesMean" ? 2 : 1;
      expect(now.change, key).toBe(Math.round((now.figure.value! - before.figure.value!) * 10 ** decimals) / 10 ** decimals);
    }
    for (const d of q4.departments) expect(measure(d.measures, "csat").comparison).toBe("ok");
    for (const th of q4.summary.themes.top) {
      expect(th.comparison).toBe("ok");
      expect(th.change).toBe(Math.round((th.share! - th.previousShare!) * 10) / 10);
    }
  });

  test("against a quarter with too few answers: tooFew, and no change", async () => {
    // Q2 holds its last nine days only: nine contacts, seven answers.
    const q3 = await report(director, "?quarter=2025-12-01");
    const csat = measure(q3.summary.measures, "csat");
    expect(csat.figure.value).not.toBeNull();
    expect(csat).toMatchObject({ comparison: "tooFew", change: null });
    expect(q3.summary.themes.top.every((th) => th.comparison === "tooFew" && th.change === null)).toBe(true);
  });

  test("the quarter under way is partial: counted to today, nothing compared", async () => {
    const q1 = await report(director, "?quarter=2026-04-05");
    expect(q1).toMatchObject({ quarter: "2026/27 Q1", previousQuarter: "2025/26 Q4", partial: true, from: "2026-04-01", to: "2026-04-10" });
    expect(q1.summary.responses).toBeGreaterThan(0);
    for (const rows of [q1.summary.measures, ...q1.departments.map((d) => d.measures)]) {
      expect(rows.every((m) => m.comparison === "partial" && m.change === null)).toBe(true);
    }
    expect(q1.summary.themes.top.every((th) => th.comparison === "partial")).toBe(true);
  });
});

describe("a manager's report", () => {
  test("covers their own team: one department, and the summary is that team's", async () => {
    const r = await report(manager);
    expect(r.departments.map((d) => d.department.code)).toEqual(["CLS"]);
    expect(r.summary.responses).toBe(r.departments[0]!.responses);
    const whole = await report(director);
    expect(r.summary.responses).toBeLessThan(whole.departments.find((d) => d.department.code === "CLS")!.responses);
  });
});
