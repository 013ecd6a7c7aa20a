import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { followUpCaseEvents, qaScores, users } from "../../src/db/schema";
import { DEFAULT_QA_STANDARDS, type QaScore } from "../../src/domain/quality";
import { drawQualitySample } from "../../src/services/quality/draw-sample";
import { qualitySetup, type ErrorBody, type ItemDetail, type ItemList, type QualityTest, type Standards, type Summary } from "./setup";

/**
 * Reviewing February's sample: every contact and case of a small month is in it (fewer than
 * four each), so the figures can be counted by hand.
 *   Contact Centre: Alice's phone call, email and web chat; Erin's phone call; one closed case.
 *   Waste: Bob's phone call and email; one closed case.
 */
async function reviewSetup() {
  const t = await qualitySetup();
  await t.addStaff("erin", "CONTACT");
  const [a1, a2, a3] = await t.addContacts({ staff: "alice", team: "CONTACT" }, "2026-02-03T10:00:00Z", ["phone", "email", "web_chat"], (i) => `CRM-A${i + 1}`);
  const [e1] = await t.addContacts({ staff: "erin", team: "CONTACT" }, "2026-02-04T10:00:00Z", ["phone"]);
  const [b1, b2] = await t.addContacts({ staff: "bob", team: "WASTE" }, "2026-02-05T10:00:00Z", ["phone", "email"]);
  const contactCase = await t.addCase("CONTACT", "2026-02-20T10:00:00Z");
  const wasteCase = await t.addCase("WASTE", "2026-02-21T10:00:00Z");
  const [manager] = await t.db.read.select({ id: users.id }).from(users).where(eq(users.email, "manager@council.example"));
  await t.db.write((tx) =>
    tx.insert(followUpCaseEvents).values([
      { caseId: contactCase, kind: "acknowledged", userId: manager!.id, note: "Rang the customer back", at: Date.parse("2026-02-18T10:00:00Z") },
      { caseId: contactCase, kind: "closed", userId: manager!.id, note: null, at: Date.parse("2026-02-20T10:00:00Z") },
    ]),
  );
  // Alice's phone call was answered, with a comment masked as it was stored.
  await t.change(a1!, { csat: 4, comment: "Alice sorted it, ring me on 07700 900123 if needed" });
  await drawQualitySample(t.ctx, "2026-02", { seed: "2026-02:review" });
  const itemOf = new Map((await t.items("2026-02")).map((i) => [i.caseId === null ? `contact ${i.interactionId}` : `case ${i.caseId}`, i.id]));
  const item = (key: string) => itemOf.get(key)!;
  const standards = (await t.json<Standards>(t.call(t.who.admin, "GET", "/quality/standards"))).body.items;
  const ids = standards.map((s) => s.id);
  /** Scores for the standards in checklist order. */
  const review = (who: typeof t.who.admin, itemId: number, scores: QaScore[], comment?: string) =>
    t.call(who, "PUT", `/quality/items/${itemId}/review`, {
      scores: scores.map((score, i) => ({ standardId: ids[i]!, score })),
      ...(comment === undefined ? {} : { comment }),
    });
  return {
    ...t,
    item,
    ids,
    review,
    a1: item(`contact ${a1}`),
    a2: item(`contact ${a2}`),
    a3: item(`contact ${a3}`),
    e1: item(`contact ${e1}`),
    b1: item(`contact ${b1}`),
    b2: item(`contact ${b2}`),
    c1: item(`case ${contactCase}`),
    c2: item(`case ${wasteCase}`),
  };
}
type ReviewTest = Awaited<ReturnType<typeof reviewSetup>>;

const summary = async (t: QualityTest, who: QualityTest["who"]["admin"], query = "month=2026-02") => t.json<Summary>(t.call(who, "GET", `/quality?${query}`));
const NA = "not_applicable" as const;

async function reviewFive(t: ReviewTest) {
  for (const [who, id, scores] of [
    [t.who.manager, t.a1, ["met", "met", "partly", NA, NA]],
    [t.who.manager, t.a2, ["met", "not_met", "met", "met", NA]],
    [t.who.manager, t.e1, ["partly", "partly", "partly", "partly", "partly"]],
    [t.who.director, t.b1, ["not_met", "met", "met", "met", NA]],
    [t.who.admin, t.c1, ["met", "met", "met", "not_met", "not_met"]],
  ] as const) {
    expect((await review(t, who, id, [...scores])).status).toBe(200);
  }
}
const review = (t: ReviewTest, who: ReviewTest["who"]["admin"], id: number, scores: QaScore[], comment?: string) => t.review(who, id, scores, comment);

describe("reviewing a sampled item", () => {
  test("the review page shows the contact, the answer and comment as stored, and for a case its history; no contact details", async () => {
    const t = await reviewSetup();
    const contact = await t.json<ItemDetail>(t.call(t.who.manager, "GET", `/quality/items/${t.a1}`));
    expect(contact.status).toBe(200);
    expect(contact.body.item).toMatchObject({
      month: "2026-02",
      kind: "interaction",
      channel: "phone",
      team: { code: "CONTACT", name: "Contact Centre" },
      staff: "Alice Adams",
      service: "Council Tax",
      externalRef: "CRM-A1",
      occurredAt: "2026-02-03T10:00:00.000Z",
    });
    expect(contact.body.response).toMatchObject({ csat: 4, ces: null });
    expect(contact.body.response!.comment).toContain("Alice sorted it");
    expect(contact.body.response!.comment).not.toContain("07700 900123");
    expect(contact.body.standards.map((s) => s.text)).toEqual([...DEFAULT_QA_STANDARDS]);
    expect(contact.body).toMatchObject({ scores: [], review: null, followUp: null, history: [] });

    const closed = await t.json<ItemDetail>(t.call(t.who.manager, "GET", `/quality/items/${t.c1}`));
    expect(closed.body.item).toMatchObject({ kind: "case", team: { code: "CONTACT" } });
    expect(closed.body.followUp).toMatchObject({ status: "closed", closedAt: "2026-02-20T10:00:00.000Z", reasons: [{ rule: "low_csat", words: [] }] });
    expect(closed.body.history.map((h) => [h.kind, h.user, h.note])).toEqual([
      ["acknowledged", "manager@council.example", "Rang the customer back"],
      ["closed", "manager@council.example", null],
    ]);
    expect(JSON.stringify(closed.body)).not.toMatch(/@example\.org|contact(s)?":/);
  });

  test("scores every standard with a comment, masked; saving again replaces the scores and keeps who and when", async () => {
    const t = await reviewSetup();
    const saved = await t.json<ItemDetail>(
      t.review(t.who.manager, t.e1, ["met", "partly", "not_met", NA, NA], "Spoke to Mrs Jones on 07700 900456 and pat@example.org"),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.scores).toEqual(t.ids.map((standardId, i) => ({ standardId, score: ["met", "partly", "not_met", NA, NA][i] })));
    expect(saved.body.review).toMatchObject({ reviewer: "manager@council.example", reviewedAt: "2026-03-02T09:00:00.000Z" });
    expect(saved.body.review!.comment).toContain("Spoke to Mrs Jones");
    expect(saved.body.review!.comment).not.toMatch(/07700 900456|pat@example\.org/);

    t.clock.advance(3_600_000);
    const again = await t.json<ItemDetail>(t.review(t.who.director, t.e1, ["met", "met", "met", "met", "met"]));
    expect(again.body.scores.map((s) => s.score)).toEqual(["met", "met", "met", "met", "met"]);
    expect(again.body.review).toEqual({ reviewer: "director@council.example", reviewedAt: "2026-03-02T10:00:00.000Z", comment: null });
    const [rows] = await t.db.read.select({ n: count() }).from(qaScores).where(eq(qaScores.itemId, t.e1));
    expect(Number(rows!.n)).toBe(5);
  });

  test("every active standard once, with a known score: otherwise 400 or 422, and nothing is saved", async () => {
    const t = await reviewSetup();
    const put = (body: unknown) => t.call(t.who.manager, "PUT", `/quality/items/${t.a1}/review`, body);
    const five = (score: string) => t.ids.map((standardId) => ({ standardId, score }));
    expect((await put({ scores: five("excellent") })).status).toBe(400);
    expect((await put({ scores: [] })).status).toBe(400);
    expect((await put({ scores: [...five("met"), { standardId: t.ids[0], score: "partly" }] })).status).toBe(400);
    expect((await put({ scores: five("met"), extra: 1 })).status).toBe(400);
    expect((await put({ scores: five("met"), comment: "x".repeat(2001) })).status).toBe(400);
    const missing = await t.json<ErrorBody>(put({ scores: five("met").slice(1) }));
    expect(missing).toMatchObject({ status: 422, body: { error: { message: "Score every standard: 'Greeting and name given' has no score." } } });
    expect((await put({ scores: [...five("met"), { standardId: 9999, score: "met" }] })).status).toBe(422);
    // Without the session's CSRF token a change is refused before anything runs.
    const noToken = await t.app.request(`/dashboard/api/quality/items/${t.a1}/review`, {
      method: "PUT",
      headers: { Cookie: t.who.manager.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ scores: five("met") }),
    });
    expect(noToken.status).toBe(403);
    expect((await t.json<ItemDetail>(t.call(t.who.manager, "GET", `/quality/items/${t.a1}`))).body.review).toBeNull();
  });
});

describe("the month's figures", () => {
  test("progress, and the share met per standard, team and staff member, as counted by hand", async () => {
    const t = await reviewSetup();
    await reviewFive(t);
    const { status, body } = await summary(t, t.who.director);
    expect(status).toBe(200);
    const s = body.sample!;
    expect(s.progress).toEqual({ items: 8, reviewed: 5 });
    expect(s.teams.map((x) => [x.code, x.items, x.reviewed, x.contacts, x.cases])).toEqual([
      ["CONTACT", 5, 4, { items: 4, reviewed: 3 }, { items: 1, reviewed: 1 }],
      ["WASTE", 3, 1, { items: 2, reviewed: 1 }, { items: 1, reviewed: 0 }],
    ]);
    // Alice: met 5, partly 1, not met 1 (three not applicable): (5 + ½) / 7 = 78.6%.
    // Erin: five partly = 50%. Bob: met 3, not met 1 = 75%.
    const staff = Object.fromEntries(s.staff.map((x) => [x.code, [x.items, x.reviewed, x.figure.n, x.figure.value, x.figure.notApplicable]]));
    expect(staff).toEqual({ alice: [3, 2, 7, 78.6, 3], erin: [1, 1, 5, 50, 0], bob: [2, 1, 4, 75, 1] });
    // Contact Centre contacts: met 5, partly 6, not met 1 = (5 + 3) / 12; its case: met 3, not met 2.
    const contactCentre = s.teams.find((x) => x.code === "CONTACT")!.figures;
    expect([contactCentre.interaction.n, contactCentre.interaction.value, contactCentre.case.n, contactCentre.case.value]).toEqual([12, 66.7, 5, 60]);
    // Greeting: met, met, partly, not met = 2.5 / 4. Next steps: partly, met, partly, met = 3 / 4.
    // Policy followed: n/a, met, partly, met = 2.5 / 3.
    // Lessons recorded: only Erin's contact applied (partly); the case did not meet it.
    const byText = Object.fromEntries(
      s.standards.map((x) => [x.text, [x.figures.interaction.n, x.figures.interaction.value, x.figures.case.n, x.figures.case.value]]),
    );
    expect(byText).toEqual({
      "Greeting and name given": [4, 62.5, 1, 100],
      "Accurate information": [4, 62.5, 1, 100],
      "Next steps explained": [4, 75, 1, 100],
      "Policy followed": [3, 83.3, 1, 0],
      "Lessons recorded": [1, 50, 1, 0],
    });
    // All contacts: Alice's, Erin's and Bob's together, (8 + 3) / 16.
    expect(s.overall.interaction).toMatchObject({ n: 16, met: 8, partly: 6, notMet: 2, notApplicable: 4, value: 68.8 });
    expect(s.overall.interaction.low).toBeLessThan(68.8);
    expect(s.overall.interaction.high).toBeGreaterThan(68.8);
  });

  test("a retired standard leaves the review form but keeps its scores in the month's figures", async () => {
    const t = await reviewSetup();
    await reviewFive(t);
    expect((await t.call(t.who.admin, "PATCH", `/quality/standards/${t.ids[4]}`, { retired: true })).status).toBe(200);
    const form = await t.json<ItemDetail>(t.call(t.who.manager, "GET", `/quality/items/${t.a3}`));
    expect(form.body.standards.map((s) => s.text)).not.toContain("Lessons recorded");
    // Erin's contact was scored on it: her review still shows it, marked retired.
    const scored = await t.json<ItemDetail>(t.call(t.who.manager, "GET", `/quality/items/${t.e1}`));
    expect(scored.body.standards.find((s) => s.text === "Lessons recorded")).toMatchObject({ retired: true });
    const figures = (await summary(t, t.who.director)).body.sample!.standards;
    expect(figures.find((s) => s.text === "Lessons recorded")).toMatchObject({ retired: true, figures: { interaction: { n: 1, value: 50 } } });
    // Four scores are enough now; the retired one's score may not be given.
    expect((await t.review(t.who.manager, t.a3, ["met", "met", "met", "met"])).status).toBe(200);
    expect((await t.review(t.who.manager, t.a3, ["met", "met", "met", "met", "met"])).status).toBe(422);
  });

  test("a month without a sample says when it will be drawn; the default month is the latest drawn", async () => {
    const t = await reviewSetup();
    const latest = await summary(t, t.who.manager, "");
    expect(latest.body).toMatchObject({ month: "2026-02", lastMonth: "2026-02", months: [{ month: "2026-02", items: 5, reviewed: 0 }] });
    const none = await summary(t, t.who.manager, "month=2026-03");
    expect(none.body).toMatchObject({ month: "2026-03", sample: null, drawsOn: "2026-04-01" });
    expect((await summary(t, t.who.manager, "month=2026-3")).status).toBe(400);
  });
});

describe("who sees and does what", () => {
  test("a manager sees and reviews their own team's items and figures only; another team is 403", async () => {
    const t = await reviewSetup();
    await reviewFive(t);
    const mine = (await summary(t, t.who.manager)).body.sample!;
    expect(mine.progress).toEqual({ items: 5, reviewed: 4 });
    expect(mine.teams.map((x) => x.code)).toEqual(["CONTACT"]);
    expect(mine.staff.map((x) => x.code).sort()).toEqual(["alice", "erin"]);
    // Greeting within the Contact Centre: met, met, partly.
    expect(mine.standards[0]!.figures.interaction).toMatchObject({ n: 3, value: 83.3 });
    expect((await summary(t, t.who.manager, "month=2026-02&team=CONTACT")).status).toBe(200);
    expect((await summary(t, t.who.manager, "month=2026-02&team=WASTE")).status).toBe(403);
    expect((await summary(t, t.who.manager, "month=2026-02&team=NOPE")).status).toBe(404);
    const waste = (await summary(t, t.who.waste)).body.sample!;
    expect(waste.staff.map((x) => x.code)).toEqual(["bob"]);

    const list = await t.json<ItemList>(t.call(t.who.manager, "GET", "/quality/items?month=2026-02"));
    expect(list.body.total).toBe(5);
    expect(new Set(list.body.items.map((i) => i.team.code))).toEqual(new Set(["CONTACT"]));
    expect(list.body.items.map((i) => i.kind)).toEqual(["interaction", "interaction", "interaction", "interaction", "case"]);
    const toReview = await t.json<ItemList>(t.call(t.who.manager, "GET", "/quality/items?month=2026-02&status=to_review"));
    expect(toReview.body.items.map((i) => i.id)).toEqual([t.a3]);
    expect((await t.call(t.who.manager, "GET", "/quality/items?month=2026-02&team=WASTE")).status).toBe(403);
    expect((await t.call(t.who.manager, "GET", `/quality/items/${t.b2}`)).status).toBe(403);
    expect((await t.review(t.who.manager, t.b2, ["met", "met", "met", "met", "met"])).status).toBe(403);
    expect((await t.call(t.who.manager, "GET", "/quality/items/99999")).status).toBe(404);
    expect((await t.review(t.who.manager, 99999, ["met", "met", "met", "met", "met"])).status).toBe(404);
  });

  test("directors and administrators see every team and review any item; only administrators draw and change standards", async () => {
    const t = await reviewSetup();
    for (const who of [t.who.director, t.who.admin]) {
      expect((await summary(t, who)).body.sample!.teams.map((x) => x.code)).toEqual(["CONTACT", "WASTE"]);
      expect((await t.json<ItemList>(t.call(who, "GET", "/quality/items?month=2026-02"))).body.total).toBe(8);
      expect((await t.review(who, t.b2, ["met", "met", "met", "met", "met"])).status).toBe(200);
    }
    const can = async (who: typeof t.who.admin) => (await summary(t, who)).body.can;
    expect(await can(t.who.admin)).toEqual({ draw: true, manageStandards: true });
    expect(await can(t.who.director)).toEqual({ draw: false, manageStandards: false });
    expect(await can(t.who.manager)).toEqual({ draw: false, manageStandards: false });
    for (const who of [t.who.manager, t.who.director]) {
      expect((await t.call(who, "GET", "/quality/standards")).status).toBe(200);
      expect((await t.call(who, "POST", "/quality/standards", { text: "Empathy shown" })).status).toBe(403);
      expect((await t.call(who, "POST", "/quality/standards/defaults")).status).toBe(403);
      expect((await t.call(who, "PATCH", `/quality/standards/${t.ids[0]}`, { retired: true })).status).toBe(403);
      expect((await t.call(who, "PUT", "/quality/standards/order", { ids: [...t.ids].reverse() })).status).toBe(403);
      expect((await t.call(who, "POST", "/quality/samples", { month: "2026-01" })).status).toBe(403);
    }
    // Without a session: 401 everywhere.
    for (const path of ["/quality?month=2026-02", "/quality/items?month=2026-02", `/quality/items/${t.a1}`, "/quality/standards"]) {
      expect((await t.app.request(`/dashboard/api${path}`)).status).toBe(401);
    }
  });
});

describe("the standards", () => {
  test("an administrator adds the defaults once, adds, rewords, reorders, retires and brings back standards", async () => {
    const t = await qualitySetup();
    const list = async () => (await t.json<Standards>(t.call(t.who.manager, "GET", "/quality/standards"))).body.items;
    expect(await list()).toEqual([]);
    expect(await t.json(t.call(t.who.admin, "POST", "/quality/standards/defaults"))).toEqual({ status: 201, body: { added: 5 } });
    expect((await t.call(t.who.admin, "POST", "/quality/standards/defaults")).status).toBe(409);
    const added = await t.json<{ id: number; text: string; position: number }>(t.call(t.who.admin, "POST", "/quality/standards", { text: "  Empathy shown " }));
    expect(added).toMatchObject({ status: 201, body: { text: "Empathy shown", position: 5 } });
    expect((await t.call(t.who.admin, "POST", "/quality/standards", { text: "Empathy shown" })).status).toBe(409);
    expect((await t.call(t.who.admin, "POST", "/quality/standards", { text: "   " })).status).toBe(400);
    expect((await t.call(t.who.admin, "PATCH", `/quality/standards/${added.body.id}`, { text: "Empathy and courtesy" })).status).toBe(200);
    expect((await t.call(t.who.admin, "PATCH", `/quality/standards/${added.body.id}`, {})).status).toBe(400);
    expect((await t.call(t.who.admin, "PATCH", "/quality/standards/9999", { retired: true })).status).toBe(404);

    const ids = (await list()).map((s) => s.id);
    const reversed = [...ids].reverse();
    const ordered = await t.json<Standards>(t.call(t.who.admin, "PUT", "/quality/standards/order", { ids: reversed }));
    expect(ordered.body.items.map((s) => s.text)).toEqual(["Empathy and courtesy", ...[...DEFAULT_QA_STANDARDS].reverse()]);
    expect((await t.call(t.who.admin, "PUT", "/quality/standards/order", { ids: reversed.slice(1) })).status).toBe(422);
    expect((await t.call(t.who.admin, "PUT", "/quality/standards/order", { ids: [ids[0], ...ids] })).status).toBe(400);

    expect((await t.call(t.who.admin, "PATCH", `/quality/standards/${ids[0]}`, { retired: true })).status).toBe(200);
    const after = await list();
    expect(after.at(-1)).toMatchObject({ id: ids[0], retired: true });
    // Retired standards need not be in the order; brought back, they come back where they were.
    expect((await t.call(t.who.admin, "PUT", "/quality/standards/order", { ids: reversed.filter((id) => id !== ids[0]) })).status).toBe(200);
    expect((await t.call(t.who.admin, "PATCH", `/quality/standards/${ids[0]}`, { retired: false })).status).toBe(200);
    expect((await list()).map((s) => s.retired)).toEqual([false, false, false, false, false, false]);
  });
});
