import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { followUps, interactions } from "../../src/db/schema";
import { firstRow } from "../../src/db/sql";
import { createTestApp, type TestApp } from "../helpers";
import { addLowScore, PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

type Who = { cookie: string; csrf: string };
type Item = { id: number; team: string; csat: number | null; csi: number | null; status: string; note: string | null; updatedBy: string | null; externalRef: string | null };
type List = { counts: Record<string, number>; items: Item[]; hasMore: boolean };
let t: TestApp;
let admin: Who;
let director: Who;
let manager: Who;

const RANGE = "from=2025-12-01&to=2026-03-02";
const list = async (who: Who, query = "") => {
  const res = await t.app.request(`/dashboard/api/follow-ups?${RANGE}${query}`, { headers: { Cookie: who.cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as List;
};
const put = (who: Who, id: number, body: unknown, csrf = true) =>
  t.app.request(`/dashboard/api/follow-ups/${id}`, {
    method: "PUT",
    headers: { Cookie: who.cookie, "Content-Type": "application/json", ...(csrf ? { "X-CSRF-Token": who.csrf } : {}) },
    body: JSON.stringify(body),
  });
/** A response id by team and score, straight from the database (the test's own view of the truth). */
const responseId = async (team: string, low: boolean) => {
  const isLow = sql`(coalesce(r.csat, 5) <= 2 or coalesce(r.csi, 5) <= 2)`;
  const row = await firstRow<{ id: number }>(
    t.db.read,
    sql`select r.id as "id" from responses r join teams t on t.id = r.team_id where t.code = ${team} and ${low ? isLow : sql`not ${isLow}`} order by r.id limit 1`,
  );
  return row!.id;
};

beforeAll(async () => {
  t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 90 });
  // An external reference to show: the CRM case the follow-up is done through.
  await t.db.write((tx) => tx.update(interactions).set({ externalRef: sql`'CRM-' || ${interactions.id}` }));
  // The seed's Contact Centre scores well; give its manager two low scores to follow up.
  await addLowScore(t.ctx, "CONTACT", "CRM-low-1");
  await addLowScore(t.ctx, "CONTACT", "CRM-low-2");
  admin = await signIn(t.app, "admin@council.example", PASSWORD);
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
});

describe("follow-up of low scores", () => {
  test("the list holds exactly the low scores of the range, all open at first, newest first", async () => {
    const body = await list(director, "&page=0");
    const expected = await firstRow<{ n: number }>(
      t.db.read,
      sql`select count(*) as "n" from responses
        where (csat <= 2 or csi <= 2) and occurred_at >= ${Date.parse("2025-12-01T00:00:00Z")} and occurred_at < ${Date.parse("2026-03-03T00:00:00Z")}`,
    );
    expect(expected!.n).toBeGreaterThan(0);
    expect(body.counts).toEqual({ open: expected!.n, contacted: 0, resolved: 0 });
    expect(body.items.every((i) => (i.csat !== null && i.csat <= 2) || (i.csi !== null && i.csi <= 2))).toBe(true);
    expect(body.items.every((i) => i.status === "open" && i.externalRef?.startsWith("CRM-"))).toBe(true);
    // Never customer contact details: no email or phone fields at all.
    expect(JSON.stringify(body)).not.toMatch(/"(email|phone|customerEmail|customerPhone)":/);
  });

  test("a manager marks their own team's low score as contacted, with a note", async () => {
    const id = await responseId("CONTACT", true);
    const res = await put(manager, id, { status: "contacted", note: "Called back through CRM case." });
    expect(res.status).toBe(200);
    const mine = await list(manager, "&status=contacted");
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    expect(mine.items[0]).toMatchObject({ status: "contacted", note: "Called back through CRM case.", updatedBy: "manager@council.example", team: "Contact Centre" });
    expect(mine.counts.contacted).toBe(1);
    // Changing it again replaces the one row.
    expect((await put(director, id, { status: "resolved", note: "" })).status).toBe(200);
    const after = await list(director, "&status=resolved");
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ id, note: null, updatedBy: "director@council.example" });
    expect((await list(director, "&status=contacted")).items).toHaveLength(0);
  });

  test("contact details typed into a note are masked before they are stored", async () => {
    const id = await responseId("CONTACT", true);
    expect((await put(manager, id, { status: "contacted", note: "Rang her on 07700 900123, emailed jo@example.org" })).status).toBe(200);
    const [stored] = await t.db.read.select({ note: followUps.note }).from(followUps).where(eq(followUps.responseId, id));
    expect(stored!.note).not.toMatch(/07700|jo@example/);
  });

  test("a manager sees only their own team and gets 403 for another team's response", async () => {
    const mine = await list(manager);
    expect(new Set(mine.items.map((i) => i.team))).toEqual(new Set(["Contact Centre"]));
    const other = await responseId("WASTE", true);
    const res = await put(manager, other, { status: "contacted", note: "" });
    expect(res.status).toBe(403);
    expect((await t.app.request(`/dashboard/api/follow-ups?${RANGE}&team=WASTE`, { headers: { Cookie: manager.cookie } })).status).toBe(403);
    // Directors and administrators follow up any team.
    expect((await put(director, other, { status: "contacted", note: "" })).status).toBe(200);
    expect((await put(admin, other, { status: "resolved", note: "Apologised." })).status).toBe(200);
  });

  test("the comments feed shows a low score's follow-up status, and nothing for other scores", async () => {
    const res = await t.app.request(`/dashboard/api/comments?${RANGE}`, { headers: { Cookie: director.cookie } });
    const body = (await res.json()) as { items: { csat: number | null; csi: number | null; followUp: string | null }[] };
    const low = body.items.filter((c) => (c.csat !== null && c.csat <= 2) || (c.csi !== null && c.csi <= 2));
    expect(low.length).toBeGreaterThan(0);
    expect(low.every((c) => ["open", "contacted", "resolved"].includes(c.followUp ?? ""))).toBe(true);
    expect(body.items.filter((c) => !low.includes(c)).every((c) => c.followUp === null)).toBe(true);
  });

  test("refusals: no CSRF token 403, bad input 400 with fields, unknown 404, a good score 409", async () => {
    const id = await responseId("CONTACT", true);
    expect((await put(manager, id, { status: "contacted", note: "" }, false)).status).toBe(403);
    const bad = await put(manager, id, { status: "done", note: "x".repeat(1001) });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(["status", "note"]));
    expect((await put(director, 99_999_999, { status: "contacted", note: "" })).status).toBe(404);
    expect((await put(director, await responseId("CONTACT", false), { status: "contacted", note: "" })).status).toBe(409);
    expect((await t.app.request(`/dashboard/api/follow-ups?status=done`, { headers: { Cookie: director.cookie } })).status).toBe(400);
  });

  test("every filter works with the forced low-score index (SQLite refuses a query it cannot serve with it)", async () => {
    for (const q of ["&team=WASTE", "&department=ENV", "&service=bins&channel=phone", "&theme=timeliness", "&status=resolved&page=1"]) await list(director, q);
  });

});
