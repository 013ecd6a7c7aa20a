import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { NotFoundError } from "../../src/errors";
import { registerInteraction } from "../../src/services/register-interaction";
import { resolveToken } from "../../src/services/resolve-token";
import { isWellFormedToken } from "../../src/services/tokens";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * Someone guessing survey links. Tokens are 256-bit HMACs, so a guess finds nothing; the
 * limiter makes guessing slow as well. 100,000 guesses go to the service the page calls
 * (resolveToken: one prepared statement), a few hundred through HTTP for the 429s.
 */

const REAL = 1000;
const GUESSES = 100_000;

let t: TestApp;
let realTokens: string[];
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: true });
  await seedOrganisation(t);
  const registered = await Promise.all(
    Array.from({ length: REAL }, (_, i) =>
      registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now() - i * 60_000, language: "en" }),
    ),
  );
  realTokens = registered.map((r) => r.token);
});

const guess = () => randomBytes(32).toString("base64url");

describe("token guessing", () => {
  test(`${GUESSES.toLocaleString("en-GB")} random well-formed tokens through resolveToken find none of ${REAL} real ones`, async () => {
    let found = 0;
    let notFound = 0;
    let wellFormed = 0;
    const tryOne = async () => {
      const token = guess();
      if (isWellFormedToken(token)) wellFormed++;
      try {
        await resolveToken(t.ctx, token);
        found++;
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        notFound++;
      }
    };
    // A few guessers at once, as the server would meet them.
    for (let i = 0; i < GUESSES; i += 16) await Promise.all(Array.from({ length: 16 }, tryOne));
    // Every guess passed the shape check, so each one reached the database lookup.
    expect(wellFormed).toBe(GUESSES);
    expect(found).toBe(0);
    expect(notFound).toBe(GUESSES);
    // The same lookup does find the real ones, so "nothing found" means something.
    for (const token of realTokens.slice(0, 50)) expect((await resolveToken(t.ctx, token)).interaction.id).toBeGreaterThan(0);
    // A round trip per guess: on PostgreSQL this takes seconds, not milliseconds.
  }, 60_000);

  test("300 guesses through HTTP from one address: 404 until RATE_LIMIT_PER_MINUTE, then 429 with Retry-After", async () => {
    const limit = t.config.RATE_LIMIT_PER_MINUTE;
    const statuses: number[] = [];
    const retryAfter = new Set<string | null>();
    for (let i = 0; i < 300; i++) {
      const res = await t.app.request(`/s/${guess()}`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter.add(res.headers.get("retry-after"));
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, limit).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429)).toHaveLength(300 - limit);
    // The fixed clock stands still, so every 429 names the same wait: the rest of the minute.
    expect([...retryAfter]).toEqual([String(60 - new Date(t.clock.now()).getUTCSeconds())]);
    // The limit is the guesser's alone: a customer elsewhere opens a real link.
    const customer = await t.app.request(`/s/${realTokens[0]}`, { headers: { "X-Forwarded-For": "198.51.100.1" } });
    expect(customer.status).toBe(200);
  });

  test("a wrong guess says nothing about its shape: malformed and well-formed unknown tokens get the same page", async () => {
    const page = async (token: string) => {
      const res = await t.app.request(`/s/${token}`, { headers: { "X-Forwarded-For": "192.0.2.44" } });
      return { status: res.status, body: await res.text() };
    };
    const wellFormed = await page(guess());
    expect(wellFormed.status).toBe(404);
    for (const token of ["x", guess().slice(0, 42), `${guess()}A`, "%3Cscript%3E", guess().replace(/^./, "!")]) {
      expect(await page(token)).toEqual(wellFormed);
    }
  });
});
