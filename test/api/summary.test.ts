import { beforeEach, describe, expect, test } from "vitest";
import type { Scores } from "../../src/domain/measures";
import { recordResponse, type ResponseInput } from "../../src/services/record-response";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * The summary report against figures worked out by hand from the formulas in README ("The measures"). With a
 * minimum of 3 answers:
 *
 * February, CONTACT (department CLS), phone, alice, council-tax: 5 links issued, 4 responses
 *   r1 csat 5, ces 7, csi 5, fcr yes,    comment about being on hold
 *   r2 csat 4, ces 5, csi 4, fcr partly
 *   r3 csat 2, ces 2, csi 1, fcr no,     comment about being on hold (first answered all 1s, then changed)
 *   r4 csat 5, ces 6, csi -, fcr yes
 *   CSAT 3/4 = 75.0% (Wilson 30.1–95.4); CES mean 20/4 = 5.00 (sd² = (114 − 100)/3, ± 2.12 → 2.88–7,
 *   clamped to the scale), easy 3/4 = 75.0%; CSI index (100 + 75 + 0)/3 = 58.3, net (2 − 1)/3 = 33.3%;
 *   FCR 2/4 = 50.0%; response rate 4/5 = 80.0%.
 * February, WASTE (department ENV), email: bob and bins twice (csat 1, csat 2), and one contact
 *   with no staff member or service and no response: 3 issued, 2 responses. CSAT n = 2 is too
 *   few; the response rate 2/3 = 66.7% has n = 3 and shows.
 * March, CONTACT, phone: 1 issued, no response.
 */

let t: TestApp;
let ids: { [k: string]: number };

type Row = { group: { id: number | string | null; code: string | null; name: string }; periodStart: string; periodLabel: string; scores: Scores };
type Summary = { period: string; from: string; to: string; minCount: number; rows: Row[] };

async function register(body: Record<string, unknown>): Promise<number> {
  const res = await t.api("POST", "/interactions", { occurredAt: "2026-02-10T10:00:00Z", ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

async function respond(interactionId: number, answers: Partial<ResponseInput>) {
  await recordResponse(t.ctx, { interactionId, csat: null, ces: null, csi: null, fcr: null, comment: null, language: "en", confirmedVia: "form", ...answers });
}

async function summary(query: string): Promise<Summary> {
  const res = await t.api("GET", `/reports/summary?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Summary;
}

const byCode = (s: Summary) => Object.fromEntries(s.rows.map((r) => [`${r.periodLabel} ${r.group.code}`, r]));

beforeEach(async () => {
  t = await createTestApp({ MIN_RESPONSES: 3 });
  await seedOrganisation(t);
  await seedDefaultThemes(t.ctx);
  const contact = { channel: "phone", team: "CONTACT", staff: "alice", service: "council-tax" };
  const waste = { channel: "email", team: "WASTE", staff: "bob", service: "bins" };
  ids = {
    r1: await register(contact),
    r2: await register(contact),
    r3: await register(contact),
    r4: await register(contact),
    unanswered: await register(contact),
    w1: await register(waste),
    w2: await register(waste),
    w3: await register({ channel: "email", team: "WASTE" }),
    march: await register({ ...contact, occurredAt: "2026-03-01T12:00:00Z" }),
  };
  await respond(ids.r1!, { csat: 5, ces: 7, csi: 5, fcr: "yes", comment: "I was kept on hold for ages." });
  await respond(ids.r2!, { csat: 4, ces: 5, csi: 4, fcr: "partly" });
  await respond(ids.r3!, { csat: 1, ces: 1, csi: 1, fcr: "no" });
  await respond(ids.r3!, { csat: 2, ces: 2, csi: 1, fcr: "no", comment: "On hold again, twenty minutes." });
  await respond(ids.r4!, { csat: 5, ces: 6, fcr: "yes" });
  await respond(ids.w1!, { csat: 1 });
  await respond(ids.w2!, { csat: 2 });
});

describe("GET /api/v1/reports/summary", () => {
  test("by team and month: hand-computed figures, counts and intervals", async () => {
    const s = await summary("groupBy=team&period=month&from=2026-02-01&to=2026-03-31");
    // The dates counted: March is counted to today (2 March), not to the end asked for.
    expect(s).toMatchObject({ period: "month", from: "2026-02-01", to: "2026-03-02", minCount: 3 });
    expect(s.rows.map((r) => `${r.periodLabel} ${r.group.code}`)).toEqual(["2026-02 CONTACT", "2026-02 WASTE", "2026-03 CONTACT"]);
    const rows = byCode(s);

    const contact = rows["2026-02 CONTACT"]!;
    expect(contact.group).toEqual({ code: "CONTACT", name: "Contact Centre" });
    expect(contact.periodStart).toBe("2026-02-01");
    expect(contact.scores).toEqual({
      responses: 4,
      issued: 5,
      // Every answer here is to a survey link.
      answered: 4,
      withoutToken: 0,
      csat: { n: 4, value: 75, low: 30.1, high: 95.4, tooFew: false, status: "ok" },
      // CES 7, 5, 2, 6 padded with a 1 and a 7 (intervals.ts): centre 28/6, s² = (164 − 28²/6)/5
      // = 6.6667, half = t(3) · √(s²/6) = 3.182446 · 1.054093 = 3.3546 -> [1.31, 8.02], cut to 7.
      cesMean: { n: 4, value: 5, low: 1.31, high: 7, tooFew: false, status: "ok" },
      cesEasy: { n: 4, value: 75, low: 30.1, high: 95.4, tooFew: false, status: "ok" },
      csiIndex: expect.objectContaining({ n: 3, value: 58.3, tooFew: false }),
      csiNet: expect.objectContaining({ n: 3, value: 33.3, tooFew: false }),
      fcr: expect.objectContaining({ n: 4, value: 50, tooFew: false }),
      responseRate: expect.objectContaining({ n: 5, value: 80, tooFew: false }),
      // No contact here names its customer: nothing for repeat contact to judge.
      fcrObserved: { n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" },
      contactsPerRequest: { n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" },
      // Neither comment carries a word of sentiment ("kept on hold for ages"): none scored.
      sentimentPositive: { n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" },
      sentimentNegative: { n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" },
      sentimentNet: { n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" },
    });

    const waste = rows["2026-02 WASTE"]!.scores;
    expect(waste.responses).toBe(2);
    expect(waste.csat).toEqual({ n: 2, value: null, low: null, high: null, tooFew: true, status: "tooFew" });
    expect(waste.cesMean).toEqual({ n: 0, value: null, low: null, high: null, tooFew: true, status: "tooFew" });
    expect(waste.responseRate).toMatchObject({ n: 3, value: 66.7, tooFew: false });

    const march = rows["2026-03 CONTACT"]!.scores;
    expect(march).toMatchObject({ responses: 0, issued: 1, csat: { n: 0, value: null, tooFew: true } });
  });

  test("by department and quarter", async () => {
    const s = await summary("groupBy=department&period=quarter&from=2026-01-01&to=2026-03-31");
    const rows = byCode(s);
    expect(Object.keys(rows)).toEqual(["2025/26 Q4 CLS", "2025/26 Q4 ENV"]);
    expect(rows["2025/26 Q4 CLS"]!.group.name).toBe("Customer and Local Services");
    expect(rows["2025/26 Q4 CLS"]!.scores).toMatchObject({ issued: 6, responses: 4, csat: { n: 4, value: 75 }, responseRate: { n: 6, value: 66.7 } });
    expect(rows["2025/26 Q4 ENV"]!.scores).toMatchObject({ issued: 3, responses: 2, csat: { n: 2, tooFew: true } });
  });

  test("by staff member, service and channel, with 'none' kept as its own group", async () => {
    const staff = await summary("groupBy=staff&period=month&from=2026-02-01&to=2026-02-28");
    expect(staff.rows.map((r) => [r.group.code, r.group.name, r.scores.issued, r.scores.responses])).toEqual([
      [null, "No staff member", 1, 0],
      ["alice", "Alice Adams", 5, 4],
      ["bob", "Bob Brown", 2, 2],
    ]);
    const service = await summary("groupBy=service&period=month&from=2026-02-01&to=2026-02-28");
    expect(service.rows.map((r) => [r.group.code, r.scores.issued])).toEqual([
      [null, 1],
      ["council-tax", 5],
      ["bins", 2],
    ]);
    const channel = await summary("groupBy=channel&period=month&from=2026-02-01&to=2026-02-28");
    expect(channel.rows.map((r) => [r.group.code, r.group.name, r.scores.csat.n])).toEqual([
      ["email", "Email", 2],
      ["phone", "Phone", 4],
    ]);
  });

  test("by theme: only the responses whose comments were tagged", async () => {
    const s = await summary("groupBy=theme&period=month&from=2026-02-01&to=2026-02-28");
    const waiting = s.rows.find((r) => r.group.code === "waiting_time");
    expect(waiting?.group.name).toBe("Waiting time");
    // r1 and r3 mention being on hold: csat 5 and 2; too few for a figure, n kept.
    expect(waiting?.scores).toMatchObject({ responses: 2, csat: { n: 2, tooFew: true, value: null } });
    const filtered = await summary("groupBy=team&period=month&from=2026-02-01&to=2026-02-28&theme=waiting_time");
    expect(filtered.rows.map((r) => [r.group.code, r.scores.responses])).toEqual([["CONTACT", 2]]);
  });

  test("weeks are whole: `from` widens to its Monday, `to` takes in the rest of its week", async () => {
    const s = await summary("groupBy=team&period=week&from=2026-02-11&to=2026-02-28");
    expect(s.from).toBe("2026-02-09");
    // Sunday 1 March is in the week of Monday 23 February, which `to` falls in.
    expect(s.rows.map((r) => [r.periodStart, r.periodLabel, r.group.code, r.scores.issued])).toEqual([
      ["2026-02-09", "2026-W07", "CONTACT", 5],
      ["2026-02-09", "2026-W07", "WASTE", 3],
      ["2026-02-23", "2026-W09", "CONTACT", 1],
    ]);
  });

  test.each([
    ["team=WASTE", "team", ["WASTE"]],
    ["department=CLS", "staff", ["alice"]],
    ["channel=email", "department", ["ENV"]],
    ["service=bins", "team", ["WASTE"]],
    ["staff=alice", "channel", ["phone"]],
  ])("filter %s grouped by %s", async (filter, groupBy, codes) => {
    const s = await summary(`groupBy=${groupBy}&period=month&from=2026-02-01&to=2026-02-28&${filter}`);
    expect(s.rows.map((r) => r.group.code)).toEqual(codes);
  });

  test("an unknown code in a filter answers 404", async () => {
    const res = await t.api("GET", "/reports/summary?from=2026-02-01&to=2026-02-28&team=NOPE");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("NOPE");
  });

  test("a period with no data has no rows", async () => {
    expect((await summary("from=2025-01-01&to=2025-12-31")).rows).toEqual([]);
  });
});

describe("retiring keeps history", () => {
  test("a retired team still reports under its name and takes no new interactions", async () => {
    const id = await register({ channel: "web_chat", team: "BENEFITS" });
    await respond(id, { csat: 4 });
    const retired = await t.api("POST", "/teams/BENEFITS/retire");
    expect(retired.status).toBe(200);

    const s = await summary("groupBy=team&period=month&from=2026-02-01&to=2026-02-28");
    const benefits = s.rows.find((r) => r.group.code === "BENEFITS");
    expect(benefits?.group.name).toBe("Benefits");
    expect(benefits?.scores).toMatchObject({ issued: 1, responses: 1, csat: { n: 1 } });

    const refused = await t.api("POST", "/interactions", { channel: "web_chat", team: "BENEFITS", occurredAt: "2026-03-01T10:00:00Z" });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("The team 'BENEFITS' is retired.");

    // Retired staff and services are refused too.
    await t.api("PATCH", "/staff/bob", { retired: true });
    expect((await t.api("POST", "/interactions", { channel: "email", team: "WASTE", staff: "bob", occurredAt: "2026-03-01T10:00:00Z" })).status).toBe(422);
    await t.api("POST", "/services/bins/retire");
    expect((await t.api("POST", "/interactions", { channel: "email", team: "WASTE", service: "bins", occurredAt: "2026-03-01T10:00:00Z" })).status).toBe(422);

    // Brought back, it takes interactions again.
    await t.api("PATCH", "/teams/BENEFITS", { retired: false });
    expect((await t.api("POST", "/interactions", { channel: "web_chat", team: "BENEFITS", occurredAt: "2026-03-01T10:00:00Z" })).status).toBe(201);
  });
});
