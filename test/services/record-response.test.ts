import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { customerContacts, emailOutbox, reportRollup, responseThemes, responses, surveyTokens, themes } from "../../src/db/schema";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { recordResponse, type ResponseInput } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { resolveToken } from "../../src/services/resolve-token";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
  const now = t.clock.now();
  await t.db.write(async (tx) => {
    await tx.insert(themes).values(DEFAULT_THEMES.map((d) => ({ code: d.code, name: d.name, rules: d.rules, createdAt: now })));
  });
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
  return t.db.read
    .select()
    .from(reportRollup)
    .where(and(eq(reportRollup.period, "month"), eq(reportRollup.themeId, themeId)));
}

const allResponses = () => t.db.read.select().from(responses);

describe("registerInteraction", () => {
  test("issues a 43-character token, stores only its hash, and counts it as issued", async () => {
    const created = await register();
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.surveyUrl).toBe(`http://localhost:3000/s/${created.token}`);
    expect(created.ratingUrls).toEqual([1, 2, 3, 4, 5].map((n) => `${created.surveyUrl}?csat=${n}`));
    const [stored] = await t.db.read.select().from(surveyTokens);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(await monthRow()).toMatchObject([{ periodStart: "2026-03-01", issued: 1, responses: 0 }]);
  });

  test("the same externalRef returns the first interaction and the same links", async () => {
    const a = await register({ externalRef: "CRM-1" });
    const b = await register({ externalRef: "CRM-1" });
    expect(b).toMatchObject({ id: a.id, token: a.token, existing: true });
    expect((await monthRow())[0]!.issued).toBe(1);
  });

  test("the same externalRef registered twice at once makes one interaction", async () => {
    const [a, b] = await Promise.all([register({ externalRef: "CRM-2" }), register({ externalRef: "CRM-2" })]);
    expect(b!.id).toBe(a!.id);
    expect(b!.token).toBe(a!.token);
    expect([a!.existing, b!.existing].sort()).toEqual([false, true]);
    expect((await monthRow())[0]!.issued).toBe(1);
  });

  test("contact details are kept apart, and an invitation is queued only when the customer may be contacted", async () => {
    await register({ customer: { email: "Jo@Example.org", mayContact: false } });
    const b = await register({ customer: { email: "sam@example.org", mayContact: true } });
    const contacts = await t.db.read.select().from(customerContacts).orderBy(asc(customerContacts.interactionId));
    expect(contacts.map((c) => c.email)).toEqual(["jo@example.org", "sam@example.org"]);
    expect(await t.db.read.select().from(emailOutbox)).toMatchObject([{ interactionId: b.id, kind: "invitation", status: "pending" }]);
  });

  test("a second invitation to the same address within 14 days is not queued, and that address is forgotten", async () => {
    await register({ customer: { email: "sam@example.org", mayContact: true } });
    const again = await register({ customer: { email: "Sam@example.org", mayContact: true } });
    expect(await t.db.read.select().from(emailOutbox)).toHaveLength(1);
    expect(await t.db.read.select().from(customerContacts).where(eq(customerContacts.interactionId, again.id))).toEqual([]);
  });

  test("two registrations for one address at once queue one invitation", async () => {
    const customer = { email: "pat@example.org", mayContact: true };
    await Promise.all([register({ customer }), register({ customer })]);
    expect(await t.db.read.select().from(emailOutbox)).toHaveLength(1);
  });

  test("an unknown or retired team is refused with 422 and nothing is stored", async () => {
    await expect(register({ team: "NOPE" })).rejects.toThrow(/Unknown team 'NOPE'/);
    expect(await t.db.read.select().from(surveyTokens)).toHaveLength(0);
  });
});

describe("recordResponse", () => {
  test("stores one response, masks personal data, tags themes with the words that matched", async () => {
    const i = await register();
    await recordResponse(
      t.ctx,
      answer(i.id, { csat: 5, ces: 6, csi: 4, fcr: "yes", comment: "Long wait on hold but the advisor was lovely, call me on 07700 900123" }),
    );
    const [row] = await allResponses();
    expect(row).toMatchObject({ csat: 5, ces: 6, csi: 4, fcr: "yes" });
    expect(row!.comment).toContain("[phone]");
    expect(row!.comment).not.toContain("07700");
    const tags = await t.db.read
      .select({ code: themes.code, matched: responseThemes.matched })
      .from(responseThemes)
      .innerJoin(themes, eq(themes.id, responseThemes.themeId));
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag.matched.length).toBeGreaterThan(0);
  });

  test("changing an answer replaces it and moves the counters by the difference", async () => {
    const i = await register();
    await recordResponse(t.ctx, answer(i.id, { csat: 2, fcr: "no" }));
    await recordResponse(t.ctx, answer(i.id, { csat: 5, fcr: "yes" }));
    expect(await allResponses()).toHaveLength(1);
    expect((await monthRow())[0]).toMatchObject({ issued: 1, responses: 1, csatN: 1, csatPos: 1, fcrN: 1, fcrYes: 1 });
  });

  test("merge keeps answers given earlier (the phone survey stores one question at a time)", async () => {
    const i = await register();
    await recordResponse(t.ctx, answer(i.id, { csat: 4 }), { merge: true });
    await recordResponse(t.ctx, answer(i.id, { ces: 7 }), { merge: true });
    expect((await allResponses())[0]).toMatchObject({ csat: 4, ces: 7 });
    expect((await monthRow())[0]).toMatchObject({ responses: 1, csatN: 1, cesN: 1, cesSum: 7 });
  });

  test("after the edit window a change is refused and the first answer stands", async () => {
    const i = await register();
    await recordResponse(t.ctx, answer(i.id, { csat: 3 }), { enforceEditWindow: true });
    t.clock.advance(8 * DAY);
    await expect(recordResponse(t.ctx, answer(i.id, { csat: 5 }), { enforceEditWindow: true })).rejects.toThrow(/passed/);
    expect((await allResponses())[0]!.csat).toBe(3);
  });

  test("an empty answer is refused", async () => {
    const i = await register();
    await expect(recordResponse(t.ctx, answer(i.id, { comment: "   " }))).rejects.toThrow(/at least one/);
    expect(await allResponses()).toHaveLength(0);
  });

  test("a comment-only response counts in comment sentiment, never in the CSI index; a token's answer is answered", async () => {
    const i = await register();
    await recordResponse(t.ctx, answer(i.id, { comment: "Excellent, thank you so much" }));
    const row = (await monthRow())[0]!;
    expect(row).toMatchObject({ csiN: 0, idxN: 0, idxSum: 0, sentimentN: 1, sentimentPos: 1, sentimentNeg: 0, answered: 1, responses: 1 });
  });
});

describe("resolveToken", () => {
  test("unknown and malformed tokens are the same not-found; expired is gone", async () => {
    const i = await register();
    expect((await resolveToken(t.ctx, i.token)).interaction.id).toBe(i.id);
    await expect(resolveToken(t.ctx, "x".repeat(43))).rejects.toThrow("This link is no longer valid.");
    await expect(resolveToken(t.ctx, "short")).rejects.toThrow("This link is no longer valid.");
    t.clock.advance(29 * DAY);
    await expect(resolveToken(t.ctx, i.token)).rejects.toThrow("This link has expired.");
  });

  test("brings the response with the interaction once there is one", async () => {
    const i = await register();
    expect((await resolveToken(t.ctx, i.token)).response).toBeUndefined();
    await recordResponse(t.ctx, answer(i.id, { csat: 4 }));
    expect((await resolveToken(t.ctx, i.token)).response).toMatchObject({ interactionId: i.id, csat: 4, confirmedVia: "form" });
  });
});

describe("the commented flag", () => {
  test("is set with a comment, cleared when the customer's change removes it, and kept when retention deletes the text", async () => {
    const r = await register();
    const flag = async () => (await t.db.read.select({ commented: responses.commented, comment: responses.comment }).from(responses))[0];
    await recordResponse(t.ctx, answer(r.id, { csat: 2, comment: "I was kept on hold for ages" }));
    expect(await flag()).toEqual({ commented: 1, comment: "I was kept on hold for ages" });
    await recordResponse(t.ctx, answer(r.id, { csat: 3 }));
    expect(await flag()).toEqual({ commented: 0, comment: null });
    await recordResponse(t.ctx, answer(r.id, { csat: 3, comment: "Better second time" }));
    expect(await flag()).toEqual({ commented: 1, comment: "Better second time" });
    // What retention and erasure do to a response: the text goes, the flag stays.
    await t.db.write(async (tx) => {
      await tx.update(responses).set({ comment: null });
    });
    expect(await flag()).toEqual({ commented: 1, comment: null });
  });
});
