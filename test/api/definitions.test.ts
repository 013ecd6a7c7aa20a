import { beforeEach, describe, expect, test } from "vitest";
import { interactions } from "../../src/db/schema";
import type { Scores } from "../../src/domain/measures";
import { recordResponse, type ResponseInput } from "../../src/services/record-response";
import { createTarget } from "../../src/services/reference/targets";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { createUser } from "../../src/services/users";
import { signIn } from "../dashboard/session";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * What every figure means: financial periods, partial periods, the dates counted, comparisons,
 * the target that applies, and the response rate. Today is Monday 2 March 2026 (London), so
 * March is partial and February the last complete month; the financial year starts in April,
 * so January to March 2026 is 2025/26 Q4. MIN_RESPONSES 3.
 */

let t: TestApp;

type Row = { group: { code: string | null }; periodStart: string; periodLabel: string; partial: boolean; scores: Scores };
type Summary = { period: string; from: string; to: string; rows: Row[] };

async function register(occurredAt: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await t.api("POST", "/interactions", { channel: "phone", team: "CONTACT", service: "council-tax", occurredAt, ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function answer(interactionId: number, answers: Partial<ResponseInput>) {
  await recordResponse(t.ctx, { interactionId, csat: null, ces: null, csi: null, fcr: null, comment: null, language: "en", confirmedVia: "form", ...answers });
}

/** A contact answered `n` times with the same CSAT, each with its own survey token. */
async function answered(n: number, occurredAt: string, answers: Partial<ResponseInput>, body: Record<string, unknown> = {}) {
  for (let i = 0; i < n; i++) await answer(await register(occurredAt, body), answers);
}

/** Imported history: an interaction with no survey token, answered. */
async function imported(occurredAt: string, answers: Partial<ResponseInput>) {
  const [row] = await t.ctx.db.write((tx) =>
    tx
      .insert(interactions)
      .values({
        channel: "phone",
        teamId: org.contact.id,
        serviceId: org.tax.id,
        occurredAt: Date.parse(occurredAt),
        source: "import",
        createdAt: t.clock.now(),
      })
      .returning({ id: interactions.id }),
  );
  await answer(row!.id, { ...answers, confirmedVia: "import" });
}

async function summary(query: string): Promise<Summary> {
  const res = await t.api("GET", `/reports/summary?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Summary;
}

async function as(role: "director" | "manager", team?: string) {
  const email = `${role}@council.example`;
  await createUser(t.ctx, { email, role, team, password: "a long enough password" });
  const { cookie } = await signIn(t.app, email, "a long enough password");
  return async <T>(path: string): Promise<T> => {
    const res = await t.app.request(`/dashboard/api${path}`, { headers: { Cookie: cookie } });
    expect(res.status, await res.clone().text()).toBe(200);
    return (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as T) : ((await res.text()) as T);
  };
}

let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeEach(async () => {
  t = await createTestApp({ MIN_RESPONSES: 3, TIMEZONE: "Europe/London", FINANCIAL_YEAR_START: 4 }, "2026-03-02T09:00:00Z");
  org = await seedOrganisation(t);
});

describe("financial periods and the dates counted", () => {
  test("a year period sums the financial year's months; from and to echo the dates counted; the year holding today is partial", async () => {
    await answered(1, "2025-05-10T10:00:00Z", { csat: 5 });
    await answered(2, "2026-02-10T10:00:00Z", { csat: 4 });
    await answered(1, "2025-03-10T10:00:00Z", { csat: 1 });
    const s = await summary("groupBy=team&period=year&from=2025-06-01&to=2026-02-01");
    // 2025/26 is April 2025 to March 2026: widened from June and to today (the year is not over).
    expect(s).toMatchObject({ period: "year", from: "2025-04-01", to: "2026-03-02" });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ periodStart: "2025-04-01", periodLabel: "2025/26", partial: true, scores: { responses: 3, csat: { n: 3, value: 100 } } });

    const before = await summary("groupBy=team&period=year&from=2024-04-01&to=2025-03-31");
    expect(before).toMatchObject({ from: "2024-04-01", to: "2025-03-31" });
    expect(before.rows.map((r) => [r.periodLabel, r.partial, r.scores.responses])).toEqual([["2024/25", false, 1]]);
  });

  test("quarters are financial quarters, labelled by their year", async () => {
    await answered(1, "2026-01-20T10:00:00Z", { csat: 5 });
    await answered(1, "2025-12-20T10:00:00Z", { csat: 5 });
    const s = await summary("groupBy=team&period=quarter&from=2025-10-15&to=2026-01-05");
    expect(s).toMatchObject({ from: "2025-10-01", to: "2026-03-02" });
    expect(s.rows.map((r) => [r.periodLabel, r.partial])).toEqual([
      ["2025/26 Q3", false],
      ["2025/26 Q4", true],
    ]);
  });

  test("the responses CSV beside a figure holds exactly the answers the figure counts", async () => {
    await answered(3, "2026-02-02T10:00:00Z", { csat: 5 });
    await answered(2, "2026-02-27T10:00:00Z", { csat: 2 });
    await answered(1, "2026-01-31T10:00:00Z", { csat: 2 });
    const get = await as("director");
    // Two days of February asked for: the month counts whole, and so does its export.
    const overview = await get<{ from: string; to: string; responses: number }>("/overview?period=month&from=2026-02-10&to=2026-02-12");
    expect(overview).toMatchObject({ from: "2026-02-01", to: "2026-02-28", responses: 5 });
    const csv = await get<string>("/export/responses.csv?period=month&from=2026-02-10&to=2026-02-12");
    expect(csv.trim().split("\n").length - 1).toBe(overview.responses);
  });
});

describe("one definition of the response rate", () => {
  test("answers to survey tokens over tokens issued; answers without a token are counted apart", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await register("2026-02-10T10:00:00Z"));
    for (const id of ids.slice(0, 3)) await answer(id, { csat: 4 });
    await imported("2026-02-11T10:00:00Z", { csat: 5 });
    await imported("2026-02-12T10:00:00Z", { csat: 1 });
    const [row] = (await summary("groupBy=team&period=month&from=2026-02-01&to=2026-02-28")).rows;
    // 3 of 5 tokens answered: 60%, not (3 + 2) / 5; the imported answers count in CSAT.
    expect(row!.scores).toMatchObject({ responses: 5, issued: 5, answered: 3, withoutToken: 2, csat: { n: 5, value: 80 } });
    expect(row!.scores.responseRate).toMatchObject({ n: 5, value: 60, status: "ok" });
  });

  test("per theme the response rate is not applicable, never a bare null", async () => {
    await seedDefaultThemes(t.ctx);
    for (let i = 0; i < 3; i++) await answer(await register("2026-02-10T10:00:00Z"), { csat: 2, comment: "I was on hold for an hour" });
    const s = await summary("groupBy=theme&period=month&from=2026-02-01&to=2026-02-28");
    expect(s.rows.length).toBeGreaterThan(0);
    for (const r of s.rows) {
      expect(r.scores.responseRate).toMatchObject({ value: null, status: "notApplicable" });
      expect(r.scores.fcrObserved.status).toBe("notApplicable");
      for (const f of [r.scores.csat, r.scores.cesMean, r.scores.fcr]) expect(["ok", "tooFew"]).toContain(f.status);
    }
  });
});

describe("the Overview", () => {
  type Measure = {
    key: string;
    figure: { n: number; value: number | null };
    comparison: string;
    change: number | null;
    target: number | null;
    status: string | null;
    margin: number;
  };
  type Overview = { from: string; to: string; partial: boolean; previous: { from: string; to: string }; measures: Measure[] };
  const measure = (o: Overview, key: string) => o.measures.find((m) => m.key === key)!;

  test("by default it shows the last complete month against the one before", async () => {
    await answered(4, "2026-02-10T10:00:00Z", { csat: 5 });
    const o = await (await as("director"))<Overview>("/overview");
    expect(o).toMatchObject({ from: "2026-02-01", to: "2026-02-28", partial: false, previous: { from: "2026-01-01", to: "2026-01-31" } });
  });

  test("a change is shown only with enough answers on both sides, and never for a period not over", async () => {
    await answered(4, "2026-02-10T10:00:00Z", { csat: 5, ces: 6 });
    await answered(1, "2026-01-10T10:00:00Z", { csat: 1, ces: 6 });
    await answered(2, "2026-01-11T10:00:00Z", { ces: 4 });
    await answered(1, "2026-03-01T10:00:00Z", { csat: 5, ces: 6 });
    const get = await as("director");
    const feb = await get<Overview>("/overview?period=month&from=2026-02-01&to=2026-02-28");
    // CSAT: one answer in January, which says nothing. CES: 3 in January (mean 14/3 = 4.67), 4 in February (6.00).
    expect(measure(feb, "csat")).toMatchObject({ figure: { n: 4, value: 100 }, comparison: "tooFew", change: null });
    expect(measure(feb, "cesMean")).toMatchObject({ figure: { n: 4, value: 6 }, comparison: "ok", change: 1.33 });
    const march = await get<Overview>("/overview?period=month&from=2026-03-01");
    expect(march).toMatchObject({ from: "2026-03-01", to: "2026-03-02", partial: true });
    for (const m of march.measures) expect(m).toMatchObject({ comparison: "partial", change: null });
  });

  test("a team is judged by its own target, else its department's, else the organisation's; the CES margin is its own", async () => {
    await createTarget(t.ctx, { code: "CSAT-ORG", measure: "csat", value: 85 });
    await createTarget(t.ctx, { code: "CSAT-CLS", measure: "csat", value: 75, department: "CLS" });
    await createTarget(t.ctx, { code: "CES-ORG", measure: "ces_mean", value: 5.5 });
    // CONTACT (in CLS): CSAT 3 of 4 = 75.0%; CES (5 + 5 + 5 + 6) / 4 = 5.25, 0.25 below 5.5.
    for (const [csat, ces] of [
      [5, 5],
      [4, 5],
      [5, 5],
      [2, 6],
    ] as const)
      await answered(1, "2026-02-10T10:00:00Z", { csat, ces });
    const q = "/overview?period=month&from=2026-02-01&to=2026-02-28";

    const manager = await as("manager", "CONTACT");
    const own = await manager<Overview>(q);
    expect(measure(own, "csat")).toMatchObject({ figure: { value: 75 }, target: 75, status: "green", margin: 5 });
    expect(measure(own, "cesMean")).toMatchObject({ figure: { value: 5.25 }, target: 5.5, status: "amber", margin: 0.3 });

    const director = await as("director");
    expect(measure(await director<Overview>(`${q}&team=CONTACT`), "csat")).toMatchObject({ target: 75, status: "green" });
    expect(measure(await director<Overview>(q), "csat")).toMatchObject({ target: 85, status: "red" });
  });
});

describe("the CES amber margin is configurable", () => {
  test("CES_AMBER_MARGIN 0.1 turns 0.25 below target red", async () => {
    t = await createTestApp({ MIN_RESPONSES: 3, CES_AMBER_MARGIN: 0.1 }, "2026-03-02T09:00:00Z");
    org = await seedOrganisation(t);
    await createTarget(t.ctx, { code: "CES-ORG", measure: "ces_mean", value: 5.5 });
    for (const ces of [5, 5, 5, 6]) await answered(1, "2026-02-10T10:00:00Z", { ces });
    const o = await (await as("director"))<{ measures: { key: string; status: string; margin: number }[] }>(
      "/overview?period=month&from=2026-02-01&to=2026-02-28",
    );
    expect(o.measures.find((m) => m.key === "cesMean")).toMatchObject({ status: "red", margin: 0.1 });
  });
});
