import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { customerContacts, emailOutbox, reportRollup, responseThemes, responses, surveyTokens, themes } from "../../src/db/schema";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { recordResponse, type ResponseInput } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { resolveToken } from "../../src/services/resolve-token";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

let t: TestApp;
let org: ReturnType<typeof seedOrganisation>;

beforeEach(() => {
  t = createTestApp();
  org = seedOrganisation(t);
  const now = t.clock.now();
  t.db.insert(themes).values(DEFAULT_THEMES.map((d) => ({ code: d.code, name: d.name, rules: d.rules, createdAt: now }))).run();
});

const answer = (interactionId: number, over: Partial<ResponseInput> = {}): ResponseInput => ({
  interactionId,
  csat: null,
  ces: null,
  csi: null,
  fcr: null,
  comment: null,
  language: "en",
  confirmedVia: "form",
  ...over,
});

function register(over: Record<string, unknown> = {}) {
  return registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now(), language: "en", ...over } as never);
}

function monthRow(themeId = 0) {
  return t.db
    .select()
    .from(reportRollup)
    .all()
    .filter((r) => r.period === "month" && r.themeId === themeId);
}

describe("registerInteraction", () => {
  test("issues a 43-character token, stores only its hash, and counts it as issued", () => {
    const created = register();
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.surveyUrl).toBe(`http://localhost:3000/s/${created.token}`);
    expect(created.ratingUrls).toEqual([1, 2, 3, 4, 5].map((n) => `${created.surveyUrl}?csat=${n}`));
    const stored = t.db.select().from(surveyTokens).get()!;
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(monthRow()).toMatchObject([{ periodStart: "2026-03-01", issued: 1, responses: 0 }]);
  });

  test("the same externalRef returns the first interaction and the same links", () => {
    const a = register({ externalRef: "CRM-1" });
    const b = register({ externalRef: "CRM-1" });
    expect(b).toMatchObject({ id: a.id, token: a.token, existing: true });
    expect(monthRow()[0]!.issued).toBe(1);
  });

  test("contact details are kept apart, and an invitation is queued only when the customer may be contacted", () => {
    register({ customer: { email: "Jo@Example.org", mayContact: false } });
    const b = register({ customer: { email: "sam@example.org", mayContact: true } });
    expect(t.db.select().from(customerContacts).all().map((c) => c.email)).toEqual(["jo@example.org", "sam@example.org"]);
    expect(t.db.select().from(emailOutbox).all()).toMatchObject([{ interactionId: b.id, kind: "invitation", status: "pending" }]);
  });

  test("an unknown or retired team is refused with 422 and nothing is stored", () => {
    expect(() => register({ team: "NOPE" })).toThrow(/Unknown team 'NOPE'/);
    expect(t.db.select().from(surveyTokens).all()).toHaveLength(0);
  });
});

describe("recordResponse", () => {
  test("stores one response, masks personal data, tags themes with the words that matched", () => {
    const i = register();
    recordResponse(t.ctx, answer(i.id, { csat: 5, ces: 6, csi: 4, fcr: "yes", comment: "Long wait on hold but the advisor was lovely, call me on 07700 900123" }));
    const row = t.db.select().from(responses).get()!;
    expect(row).toMatchObject({ csat: 5, ces: 6, csi: 4, fcr: "yes" });
    expect(row.comment).toContain("[phone]");
    expect(row.comment).not.toContain("07700");
    const tags = t.db.select({ code: themes.code, matched: responseThemes.matched }).from(responseThemes).innerJoin(themes, eq(themes.id, responseThemes.themeId)).all();
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag.matched.length).toBeGreaterThan(0);
  });

  test("changing an answer replaces it and moves the counters by the difference", () => {
    const i = register();
    recordResponse(t.ctx, answer(i.id, { csat: 2, fcr: "no" }));
    recordResponse(t.ctx, answer(i.id, { csat: 5, fcr: "yes" }));
    expect(t.db.select().from(responses).all()).toHaveLength(1);
    expect(monthRow()[0]).toMatchObject({ issued: 1, responses: 1, csatN: 1, csatPos: 1, fcrN: 1, fcrYes: 1 });
  });

  test("merge keeps answers given earlier (the phone survey stores one question at a time)", () => {
    const i = register();
    recordResponse(t.ctx, answer(i.id, { csat: 4 }), { merge: true });
    recordResponse(t.ctx, answer(i.id, { ces: 7 }), { merge: true });
    expect(t.db.select().from(responses).get()).toMatchObject({ csat: 4, ces: 7 });
    expect(monthRow()[0]).toMatchObject({ responses: 1, csatN: 1, cesN: 1, cesSum: 7 });
  });

  test("after the edit window a change is refused and the first answer stands", () => {
    const i = register();
    recordResponse(t.ctx, answer(i.id, { csat: 3 }), { enforceEditWindow: true });
    t.clock.advance(8 * DAY);
    expect(() => recordResponse(t.ctx, answer(i.id, { csat: 5 }), { enforceEditWindow: true })).toThrow(/passed/);
    expect(t.db.select().from(responses).get()!.csat).toBe(3);
  });

  test("an empty answer is refused", () => {
    const i = register();
    expect(() => recordResponse(t.ctx, answer(i.id, { comment: "   " }))).toThrow(/at least one/);
    expect(t.db.select().from(responses).all()).toHaveLength(0);
  });

  test("a comment-only response stands in for CSI through its sentiment", () => {
    const i = register();
    recordResponse(t.ctx, answer(i.id, { comment: "Excellent, thank you so much" }));
    const row = monthRow()[0]!;
    expect(row.csiN).toBe(0);
    expect(row.idxN).toBe(1);
    expect(row.idxSum).toBeGreaterThan(50);
  });
});

describe("resolveToken", () => {
  test("unknown and malformed tokens are the same not-found; expired is gone", () => {
    const i = register();
    expect(resolveToken(t.ctx, i.token).interaction.id).toBe(i.id);
    expect(() => resolveToken(t.ctx, "x".repeat(43))).toThrow("This link is no longer valid.");
    expect(() => resolveToken(t.ctx, "short")).toThrow("This link is no longer valid.");
    t.clock.advance(29 * DAY);
    expect(() => resolveToken(t.ctx, i.token)).toThrow("This link has expired.");
  });
});

describe("the commented flag", () => {
  test("is set with a comment, cleared when the customer's change removes it, and kept when retention deletes the text", () => {
    const r = register();
    const flag = () => t.db.select({ commented: responses.commented, comment: responses.comment }).from(responses).get();
    recordResponse(t.ctx, answer(r.id, { csat: 2, comment: "I was kept on hold for ages" }));
    expect(flag()).toEqual({ commented: 1, comment: "I was kept on hold for ages" });
    recordResponse(t.ctx, answer(r.id, { csat: 3 }));
    expect(flag()).toEqual({ commented: 0, comment: null });
    recordResponse(t.ctx, answer(r.id, { csat: 3, comment: "Better second time" }));
    expect(flag()).toEqual({ commented: 1, comment: "Better second time" });
    // What retention and erasure do to a response: the text goes, the flag stays.
    t.db.update(responses).set({ comment: null }).run();
    expect(flag()).toEqual({ commented: 1, comment: null });
  });
});
