import twilio from "twilio";
import { describe, expect, test } from "vitest";
import { parseEnv } from "../../src/config";
import { createApiKey } from "../../src/services/api-keys";
import { createTestApp, seedOrganisation } from "../helpers";

/*
 * Every public area answers 429 with Retry-After once one client passes its allowance, and
 * only that client: another address (or another API key) keeps its own. Addresses are set
 * with X-Forwarded-For under TRUST_PROXY, as a reverse proxy would.
 */

const from = (address: string, headers: Record<string, string> = {}) => ({ ...headers, "X-Forwarded-For": address });

describe("settings", () => {
  test("the per-area limits have generous defaults and are read from the environment", () => {
    const defaults = parseEnv({});
    expect(defaults.RATE_LIMIT_API_PER_MINUTE).toBe(6000);
    expect(defaults.RATE_LIMIT_IVR_PER_MINUTE).toBe(600);
    const set = parseEnv({ RATE_LIMIT_API_PER_MINUTE: "50", RATE_LIMIT_IVR_PER_MINUTE: "7" });
    expect([set.RATE_LIMIT_API_PER_MINUTE, set.RATE_LIMIT_IVR_PER_MINUTE]).toEqual([50, 7]);
    expect(() => parseEnv({ RATE_LIMIT_API_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_API_PER_MINUTE/);
    expect(() => parseEnv({ RATE_LIMIT_IVR_PER_MINUTE: "lots" })).toThrow(/RATE_LIMIT_IVR_PER_MINUTE/);
  });
});

describe("API", () => {
  const apiApp = async () => {
    const t = await createTestApp({ RATE_LIMIT_API_PER_MINUTE: 5, TRUST_PROXY: true });
    await seedOrganisation(t);
    return t;
  };

  test("past RATE_LIMIT_API_PER_MINUTE per key and address: 429 in the one error shape with Retry-After", async () => {
    const t = await apiApp();
    t.clock.set("2026-03-02T09:00:15Z");
    for (let i = 0; i < 5; i++) expect((await t.api("GET", "/teams", undefined, from("10.0.0.1"))).status).toBe(200);
    const limited = await t.api("GET", "/teams", undefined, from("10.0.0.1"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("45");
    expect(limited.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await limited.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_many_requests");
    expect(body.error.message).toMatch(/45 seconds/);
  });

  test("a refused request stores nothing, and the limit is counted per key and per address", async () => {
    const t = await apiApp();
    for (let i = 0; i < 5; i++) await t.api("GET", "/teams", undefined, from("10.0.0.1"));
    const limited = await t.api("POST", "/departments", { code: "LATE", name: "Too late" }, from("10.0.0.1"));
    expect(limited.status).toBe(429);
    expect((await t.api("GET", "/departments/LATE")).status).toBe(404);
    // Another address with the same key, and another key from the same address, go on.
    expect((await t.api("GET", "/teams", undefined, from("10.0.0.2"))).status).toBe(200);
    const other = await createApiKey(t.ctx, "other");
    expect((await t.api("GET", "/teams", undefined, from("10.0.0.1", { Authorization: `Bearer ${other.key}` }))).status).toBe(200);
  });

  test("the allowance comes back when the minute turns", async () => {
    const t = await apiApp();
    for (let i = 0; i < 6; i++) await t.api("GET", "/teams", undefined, from("10.0.0.1"));
    expect((await t.api("GET", "/teams", undefined, from("10.0.0.1"))).status).toBe(429);
    t.clock.advance(60_000);
    expect((await t.api("GET", "/teams", undefined, from("10.0.0.1"))).status).toBe(200);
  });

  test("made-up keys count against the address however many different ones are tried; good requests do not", async () => {
    const t = await apiApp();
    for (let i = 0; i < 4; i++) expect((await t.api("GET", "/teams", undefined, from("10.0.0.1"))).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const res = await t.api("GET", "/teams", undefined, from("10.0.0.1", { Authorization: `Bearer ros_guess${i}` }));
      expect(res.status).toBe(401);
    }
    const guess = await t.api("GET", "/teams", undefined, from("10.0.0.1", { Authorization: "Bearer ros_guess-new" }));
    expect(guess.status).toBe(429);
    expect(guess.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await t.app.request("/api/v1/teams", { headers: from("10.0.0.1") })).status).toBe(429);
    // The address is paused for the rest of the minute; another still gets its honest 401.
    expect((await t.app.request("/api/v1/teams", { headers: from("10.0.0.2") })).status).toBe(401);
    t.clock.advance(60_000);
    expect((await t.api("GET", "/teams", undefined, from("10.0.0.1"))).status).toBe(200);
  });

  test("the public API documents are limited per address too", async () => {
    const t = await apiApp();
    for (let i = 0; i < 5; i++) expect((await t.app.request("/api/v1/openapi.json", { headers: from("10.0.0.1") })).status).toBe(200);
    const limited = await t.app.request("/api/v1/docs", { headers: from("10.0.0.1") });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("phone survey webhooks", () => {
  const AUTH_TOKEN = "abuse-test-auth-token-0123456789";
  const VOICE = "http://localhost:3000/ivr/twilio/voice?team=CONTACT";

  const signedCall = (callSid: string, address: string) => {
    const params = { CallSid: callSid };
    return {
      method: "POST",
      headers: from(address, {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": twilio.getExpectedTwilioSignature(AUTH_TOKEN, VOICE, params),
      }),
      body: new URLSearchParams(params).toString(),
    };
  };

  test("past RATE_LIMIT_IVR_PER_MINUTE per address: a plain 429 with Retry-After, before the signature is read", async () => {
    const t = await createTestApp({ TWILIO_AUTH_TOKEN: AUTH_TOKEN, RATE_LIMIT_IVR_PER_MINUTE: 3, TRUST_PROXY: true });
    await seedOrganisation(t);
    for (let i = 0; i < 3; i++) expect((await t.app.request(VOICE, signedCall(`CA${i}`, "54.0.0.1"))).status).toBe(200);
    const limited = await t.app.request(VOICE, signedCall("CA9", "54.0.0.1"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(limited.headers.get("content-type")).toMatch(/^text\/plain/);
    // Forged requests use up the allowance the same way (they are refused before anything is read).
    const forged = await t.app.request(VOICE, { ...signedCall("CA8", "54.0.0.2"), headers: from("54.0.0.2", { "X-Twilio-Signature": "forged" }) });
    expect(forged.status).toBe(403);
    expect((await t.app.request("/ivr/prompts/en/welcome.mp3", { headers: from("54.0.0.1") })).status).toBe(429);
    expect((await t.app.request(VOICE, signedCall("CA7", "54.0.0.3"))).status).toBe(200);
  });
});
