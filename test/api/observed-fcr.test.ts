import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import type { Scores } from "../../src/domain/measures";
import { generateDemo } from "../../src/services/demo/generate";
import { importResponses } from "../../src/services/import/import-responses";
import { createTarget } from "../../src/services/reference/targets";
import { createUser } from "../../src/services/users";
import { signIn } from "../dashboard/session";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * Observed FCR and contacts per request (NI 14) against a hand count. REPEAT_CONTACT_DAYS 7,
 * minimum 3, today Friday 20 March 2026 (London): a day's contacts are judged once the window
 * after the day has closed, so contacts from 13 March on are too recent to count.
 *
 * CONTACT team, Council Tax unless said, on several channels:
 *   A  2 Feb phone, 5 Feb email, 9 Feb phone       one request: 2 Feb and 5 Feb are repeated
 *   B  3 Feb, 20 Feb                              17 days apart: two requests, neither repeated
 *   C  10 Feb, 11 Feb about Waste collection      another service: two requests, neither repeated
 *   D  26 Feb, 2 Mar                              a repeat across the month's end
 *   E  14 Feb with no service                     not counted (cannot be judged)
 *   -  12 Feb with no customer                    not counted
 *   F  5 Mar, 9 Mar                               one request, 5 Mar repeated
 *   G  12 Mar, 14 Mar                             12 Mar counts and is repeated; 14 Mar too recent
 *   H  15 Mar                                     too recent
 *
 * February: 8 contacts (A×3, B×2, C×2, D 26th); repeated: A 2nd, A 5th, D 26th = 3, so observed
 *   FCR = 5/8 = 62.5% (Wilson 30.6–86.3); requests: A 2nd, B×2, C×2, D 26th = 6, so 8/6 = 1.33
 *   contacts per request (1 ÷ Wilson of 6/8, 40.9–92.9%: 1.08–2.44).
 * March: 4 contacts (D 2nd, F×2, G 12th); repeated F 5th, G 12th: 2/4 = 50.0% (Wilson 15.0–85.0);
 *   requests F 5th, G 12th = 2: 4/2 = 2.00 (1 ÷ 15.0–85.0%: 1.18–6.67).
 * BENEFITS, February: two contacts by one customer a day apart: n 2, too few.
 */

const TODAY = "2026-03-20T12:00:00Z";
let t: TestApp;

type Row = { group: { code: string | null; name: string }; periodStart: string; periodLabel: string; scores: Scores };

async function register(customer: Record<string, string> | undefined, date: string, fields: Record<string, unknown> = {}) {
  const res = await t.api("POST", "/interactions", {
    channel: "phone",
    team: "CONTACT",
    service: "council-tax",
    occurredAt: `${date}T10:00:00Z`,
    ...(customer ? { customer } : {}),
    ...fields,
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function summary(query: string): Promise<Record<string, Row>> {
  const res = await t.api("GET", `/reports/summary?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as { rows: Row[] };
  return Object.fromEntries(body.rows.map((r) => [`${r.periodStart} ${r.group.code}`, r]));
}

beforeEach(async () => {
  t = await createTestApp({ MIN_RESPONSES: 3, REPEAT_CONTACT_DAYS: 7, TIMEZONE: "Europe/London" }, TODAY);
  await seedOrganisation(t);
  await register({ key: "A" }, "2026-02-02");
  await register({ key: "A" }, "2026-02-05", { channel: "email" });
  await register({ key: "A" }, "2026-02-09");
  await register({ key: "B" }, "2026-02-03");
  await register({ key: "B" }, "2026-02-20", { channel: "web_chat" });
  await register({ key: "C" }, "2026-02-10");
  await register({ key: "C" }, "2026-02-11", { service: "bins" });
  await register({ email: "d@example.org" }, "2026-02-26");
  await register({ email: "D@example.org" }, "2026-03-02", { channel: "email" });
  await register({ key: "E" }, "2026-02-14", { service: undefined });
  await register(undefined, "2026-02-12");
  await register({ phone: "07700 900123" }, "2026-03-05");
  await register({ phone: "+44 7700 900123" }, "2026-03-09", { channel: "letter" });
  await register({ key: "G" }, "2026-03-12");
  await register({ key: "G" }, "2026-03-14");
  await register({ key: "H" }, "2026-03-15");
  await register({ key: "J" }, "2026-02-16", { team: "BENEFITS" });
  await register({ key: "J" }, "2026-02-17", { team: "BENEFITS" });
});

describe("the summary report", () => {
  test("observed FCR and contacts per request per team and month, as counted by hand", async () => {
    const rows = await summary("groupBy=team&period=month&from=2026-02-01&to=2026-03-31");
    expect(rows["2026-02-01 CONTACT"]!.scores.fcrObserved).toEqual({ n: 8, value: 62.5, low: 30.6, high: 86.3, tooFew: false, status: "ok" });
    expect(rows["2026-02-01 CONTACT"]!.scores.contactsPerRequest).toEqual({ n: 8, value: 1.33, low: 1.08, high: 2.44, tooFew: false, status: "ok" });
    expect(rows["2026-03-01 CONTACT"]!.scores.fcrObserved).toEqual({ n: 4, value: 50, low: 15, high: 85, tooFew: false, status: "ok" });
    expect(rows["2026-03-01 CONTACT"]!.scores.contactsPerRequest).toEqual({ n: 4, value: 2, low: 1.18, high: 6.67, tooFew: false, status: "ok" });
    expect(rows["2026-02-01 BENEFITS"]!.scores.fcrObserved).toEqual({ n: 2, value: null, low: null, high: null, tooFew: true, status: "tooFew" });
    expect(rows["2026-02-01 BENEFITS"]!.scores.contactsPerRequest).toEqual({ n: 2, value: null, low: null, high: null, tooFew: true, status: "tooFew" });
  });

  test("contacts too recent to judge come in as their window closes", async () => {
    // 23 March: contacts up to 15 March are judged. G 14th (a repeat, not repeated) and H 15th join March.
    t.clock.set("2026-03-23T08:00:00Z");
    const march = (await summary("groupBy=team&period=month&from=2026-03-01&to=2026-03-31"))["2026-03-01 CONTACT"]!.scores;
    expect(march.fcrObserved).toMatchObject({ n: 6, value: 66.7 });
    expect(march.contactsPerRequest).toMatchObject({ n: 6, value: 2 });
    // By week, a minute before the day changes: on Sunday 22 March the contacts up to Saturday
    // 14th are judged, so the week of Monday 9th counts F 9th, G 12th and G 14th, not H on Sunday 15th.
    t.clock.set("2026-03-22T23:59:00Z");
    const weeks = await summary("groupBy=team&period=week&from=2026-03-09&to=2026-03-22");
    expect(weeks["2026-03-09 CONTACT"]!.scores.fcrObserved).toMatchObject({ n: 3, value: 66.7 });
    t.clock.set("2026-03-23T00:01:00Z");
    expect((await summary("groupBy=team&period=week&from=2026-03-09&to=2026-03-22"))["2026-03-09 CONTACT"]!.scores.fcrObserved.n).toBe(4);
  });

  test("grouped by service and by channel, the same contacts", async () => {
    const byService = await summary("groupBy=service&period=quarter&from=2026-01-01&to=2026-03-31");
    // Quarter January to March: council tax 8 + 4 + BENEFITS 2 - C's bins contact = 13; bins 1.
    expect(byService["2026-01-01 council-tax"]!.scores.fcrObserved).toMatchObject({ n: 13 });
    expect(byService["2026-01-01 bins"]!.scores.fcrObserved).toMatchObject({ n: 1, tooFew: true, status: "tooFew" });
    const byChannel = await summary("groupBy=channel&period=month&from=2026-02-01&to=2026-02-28");
    // February by phone: A 2nd (repeated) and 9th, B 3rd, C 10th and 11th, D 26th (repeated), and
    // BENEFITS' J 16th (repeated) and 17th: 5 of 8; by email A 5th; by web chat B 20th.
    expect(byChannel["2026-02-01 phone"]!.scores.fcrObserved).toMatchObject({ n: 8, value: 62.5 });
    expect(byChannel["2026-02-01 email"]!.scores.fcrObserved).toMatchObject({ n: 1, tooFew: true, status: "tooFew" });
    const themed = await summary("groupBy=theme&period=month&from=2026-02-01&to=2026-02-28");
    for (const row of Object.values(themed)) expect(row.scores.fcrObserved.n).toBe(0);
  });
});

describe("imported history", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test("the customer_key column: K1 three times within a week, K2 and K3 once; WASTE in January", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ros-ofcr-"));
    dirs.push(dir);
    const file = join(dir, "history.csv");
    // 5 contacts; repeated: K1 5th, K1 8th = 2, so 3/5 = 60%; requests K1 5th, K2, K3 = 3, so 5/3 = 1.67.
    writeFileSync(
      file,
      [
        "occurred_at,channel,team,service,csat,customer_key",
        "2026-01-09 10:00,phone,WASTE,bins,4,K1",
        "2026-01-05 10:00,email,WASTE,bins,2,K1",
        "2026-01-06 10:00,phone,WASTE,bins,5,K2",
        "2026-01-08 10:00,letter,WASTE,bins,3,K1",
        "2026-01-07 10:00,phone,WASTE,bins,4,K3",
        "2026-01-07 11:00,phone,WASTE,,4,K3",
      ].join("\n"),
    );
    await importResponses(t.ctx, file, { workers: 0 });
    const january = (await summary("groupBy=team&period=month&from=2026-01-01&to=2026-01-31"))["2026-01-01 WASTE"]!.scores;
    expect(january.fcrObserved).toMatchObject({ n: 5, value: 60 });
    expect(january.contactsPerRequest).toMatchObject({ n: 5, value: 1.67 });
  });
});

describe("the dashboard", () => {
  async function director() {
    await createUser(t.ctx, { email: "dir@council.example", role: "director", password: "a long enough password" });
    const { cookie } = await signIn(t.app, "dir@council.example", "a long enough password");
    return (path: string) => t.app.request(`/dashboard/api${path}`, { headers: { Cookie: cookie } });
  }

  test("the Overview has observed FCR beside FCR, against the FCR target, with contacts per request", async () => {
    await createTarget(t.ctx, { code: "FCR-60", measure: "fcr", value: 60 });
    const get = await director();
    const res = await get("/overview?period=month&from=2026-02-01&to=2026-03-31&team=CONTACT");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      observedFcr: { figure: Scores["fcrObserved"]; contactsPerRequest: Scores["contactsPerRequest"]; target: number; status: string; repeatDays: number };
    };
    // February and March together: 12 contacts, 5 repeated (58.3%), 8 requests (1.5 per request).
    expect(body.observedFcr).toMatchObject({
      figure: { n: 12, value: 58.3 },
      contactsPerRequest: { n: 12, value: 1.5 },
      target: 60,
      status: "amber",
      repeatDays: 7,
    });
  });

  test("the quarterly report has both FCR rows with the target", async () => {
    await createTarget(t.ctx, { code: "FCR-60", measure: "fcr", value: 60 });
    const get = await director();
    const res = await get("/report/quarterly?quarter=2026-03-01");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      departments: {
        department: { code: string };
        measures: { key: string; label: string; figure: { n: number; value: number | null }; target: number | null }[];
      }[];
    };
    const cls = body.departments.find((d) => d.department.code === "CLS")!;
    expect(cls.measures.map((m) => m.key)).toEqual(["csat", "cesMean", "csiIndex", "fcr", "fcrObserved", "contactsPerRequest", "responseRate"]);
    // The financial year's Q4 (January to March): CONTACT's 12 and BENEFITS' 2 contacts.
    const observed = cls.measures.find((m) => m.key === "fcrObserved")!;
    expect(observed).toMatchObject({ label: "FCR observed (no repeat contact within 7 days)", figure: { n: 14 }, target: 60 });
    expect(cls.measures.find((m) => m.key === "fcr")!.target).toBe(60);
    expect(cls.measures.find((m) => m.key === "contactsPerRequest")!.target).toBeNull();
  });
});

test("the demo's contacts name customers, some of whom come back: its figures are not empty", async () => {
  const demo = await createTestApp({ REPEAT_CONTACT_DAYS: 7 }, TODAY);
  await generateDemo(demo.ctx, { responses: 600, seed: 3 });
  const res = await demo.api("GET", "/reports/summary?groupBy=department&period=quarter&from=2025-04-01&to=2026-03-31");
  const body = (await res.json()) as { rows: Row[] };
  const shown = body.rows.filter((r) => r.scores.fcrObserved.value !== null);
  expect(shown.length).toBeGreaterThan(5);
  for (const r of shown) {
    expect(r.scores.fcrObserved.value!).toBeGreaterThan(50);
    expect(r.scores.fcrObserved.value!).toBeLessThan(98);
    expect(r.scores.contactsPerRequest.value!).toBeGreaterThan(1);
    expect(r.scores.contactsPerRequest.value!).toBeLessThan(2);
  }
});
