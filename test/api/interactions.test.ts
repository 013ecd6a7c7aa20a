import { and, count as countRows, eq, sum } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { customerContacts, emailOutbox, interactions, reportRollup, surveyTokens } from "../../src/db/schema";
import { resolveToken } from "../../src/services/resolve-token";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
});

type Created = { id: number; surveyUrl: string; ratingUrls: string[]; existing: boolean };
type Table = typeof interactions | typeof surveyTokens | typeof emailOutbox | typeof reportRollup;
const count = async (table: Table) => (await t.db.read.select({ n: countRows() }).from(table))[0]!.n;
const call = async (method: string, path: string, body?: unknown) => {
  const res = await t.api(method, path, body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const base = { channel: "phone", team: "CONTACT", occurredAt: "2026-03-01T10:00:00Z" };

describe("POST /api/v1/interactions", () => {
  test("answers 201 with the survey page and five one-click rating links", async () => {
    const res = await call("POST", "/interactions", { ...base, staff: "alice", service: "council-tax", externalRef: "CRM-1" });
    expect(res.status).toBe(201);
    const body = res.body as Created;
    expect(body.id).toEqual(expect.any(Number));
    expect(body.surveyUrl).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}$/);
    expect(body.ratingUrls).toEqual([1, 2, 3, 4, 5].map((n) => `${body.surveyUrl}?csat=${n}`));
    expect(body).not.toHaveProperty("token");
    expect(body.existing).toBe(false);
    expect(
      await t.db.read.select({ channel: interactions.channel, ref: interactions.externalRef, language: interactions.language }).from(interactions),
    ).toEqual([
      {
        channel: "phone",
        ref: "CRM-1",
        language: "en",
      },
    ]);
  });

  test("the same externalRef twice returns the first interaction and the same links, 200", async () => {
    const first = await call("POST", "/interactions", { ...base, externalRef: "CALL-77" });
    const again = await call("POST", "/interactions", { ...base, channel: "email", externalRef: "CALL-77" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, existing: true });
    expect(await count(interactions)).toBe(1);
    expect(await count(surveyTokens)).toBe(1);
    // Without an externalRef, each call is a new contact.
    const a = await call("POST", "/interactions", base);
    const b = await call("POST", "/interactions", base);
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.surveyUrl).not.toBe(b.body.surveyUrl);
  });

  test("the token in the links leads back to the interaction", async () => {
    const { body } = await call("POST", "/interactions", base);
    const token = new URL((body as Created).surveyUrl).pathname.split("/").pop()!;
    expect((await resolveToken(t.ctx, token)).interaction.id).toBe(body.id);
  });

  test.each([
    ["team", { team: "NOPE" }, "Unknown team 'NOPE'"],
    ["staff", { staff: "nobody" }, "Unknown staff 'nobody'"],
    ["service", { service: "parking" }, "Unknown service 'parking'"],
  ])("an unknown %s answers 422 with a message", async (_, override, message) => {
    const res = await call("POST", "/interactions", { ...base, ...override });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: { code: "unprocessable", message: expect.stringContaining(message) } });
    expect(await count(interactions)).toBe(0);
  });

  test("a customer email with consent is kept apart and queues an invitation", async () => {
    const res = await call("POST", "/interactions", { ...base, customer: { email: "Pat@Example.org", mayContact: true } });
    expect(res.status).toBe(201);
    expect(await t.db.read.select({ email: customerContacts.email, ok: customerContacts.mayContact }).from(customerContacts)).toEqual([
      { email: "pat@example.org", ok: true },
    ]);
    expect(await count(emailOutbox)).toBe(1);
  });
});

describe("POST /api/v1/interactions/batch", () => {
  test("registers every item and answers their links in order", async () => {
    const res = await call("POST", "/interactions/batch", {
      interactions: [
        { ...base, externalRef: "B-1" },
        { ...base, team: "WASTE", staff: "bob", channel: "email" },
        { ...base, externalRef: "B-1" },
      ],
    });
    expect(res.status).toBe(201);
    const items = (res.body as { interactions: Created[] }).interactions;
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.existing)).toEqual([false, false, true]);
    expect(items[2]).toEqual({ ...items[0], existing: true });
    expect(await count(interactions)).toBe(2);
  });

  test("all or nothing: one unknown code stores nothing and names the item by index", async () => {
    const res = await call("POST", "/interactions/batch", {
      interactions: [base, { ...base, externalRef: "X-1" }, { ...base, team: "NOPE" }, { ...base, service: "nope" }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: { code: "unprocessable", message: "2 of 4 interactions could not be registered; nothing was stored." },
      items: [
        { index: 2, status: 422, message: "Unknown team 'NOPE'.", field: "interactions.2.team" },
        { index: 3, status: 422, message: "Unknown service 'nope'.", field: "interactions.3.service" },
      ],
    });
    expect(await count(interactions)).toBe(0);
    expect(await count(surveyTokens)).toBe(0);
    expect(await count(reportRollup)).toBe(0);
  });

  test("1,000 items are accepted", async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ ...base, externalRef: `BULK-${i}` }));
    const res = await call("POST", "/interactions/batch", { interactions: items });
    expect(res.status).toBe(201);
    expect((res.body as { interactions: Created[] }).interactions).toHaveLength(1000);
    expect(await count(interactions)).toBe(1000);
    const [issued] = await t.db.read
      .select({ n: sum(reportRollup.issued).mapWith(Number) })
      .from(reportRollup)
      .where(and(eq(reportRollup.period, "month"), eq(reportRollup.themeId, 0)));
    expect(issued).toEqual({ n: 1000 });
  });

  test("1,001 items answer 400 and store nothing", async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ ...base, externalRef: `BULK-${i}` }));
    const res = await call("POST", "/interactions/batch", { interactions: items });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('"path":"interactions"');
    expect(await count(interactions)).toBe(0);
  });
});
