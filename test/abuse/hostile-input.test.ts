import { beforeAll, describe, expect, test } from "vitest";
import { responses } from "../../src/db/schema";
import { registerInteraction } from "../../src/services/register-interaction";
import { addressHash, unsubscribeId } from "../../src/services/mail/address";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { deeplyNested } from "./generator";
import { AUTH_TOKEN, totalChanges, twilioSigned, useApiKeyOnce } from "./fuzz-support";

/*
 * The hostile inputs the fuzz run meets at random, each stated once with its exact outcome:
 * oversized bodies are 413 on every endpoint that takes one, a comment with markup is kept
 * (personal data masked, nothing else touched) and shown escaped, and parsers are not
 * toppled by nesting or huge numbers.
 */

async function app() {
  const t = await createTestApp({ TWILIO_AUTH_TOKEN: AUTH_TOKEN });
  await seedOrganisation(t);
  const token = (await registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now() - 3_600_000, language: "en" })).token;
  await useApiKeyOnce(t);
  return { ...t, token };
}

async function csrfOf(t: TestApp, path: string): Promise<string> {
  return /name="_csrf" value="([^"]+)"/.exec(await (await t.app.request(path)).text())![1]!;
}

describe("oversized bodies: 413, and nothing stored", () => {
  let t: Awaited<ReturnType<typeof app>>;
  beforeAll(async () => {
    t = await app();
  });
  const big = (bytes: number) => "x".repeat(bytes);
  const json = (bytes: number) => JSON.stringify({ pad: big(bytes) });
  // The app, its token and its API key exist once the tests run: rows name them.
  const TOKEN = "{token}";
  const UNSUBSCRIBE = "{unsubscribe}";
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const api = { Authorization: "{key}", "Content-Type": "application/json" };
  const rows: [string, string, Record<string, string>, string, RegExp][] = [
    ["POST /api/v1/interactions", "/api/v1/interactions", api, json(2 * 1024 * 1024), /^application\/json/],
    ["POST /api/v1/interactions/batch", "/api/v1/interactions/batch", api, json(3 * 1024 * 1024), /^application\/json/],
    ["POST /api/v1/departments", "/api/v1/departments", api, json(2 * 1024 * 1024), /^application\/json/],
    ["POST /api/v1/phone-surveys", "/api/v1/phone-surveys", api, json(2 * 1024 * 1024), /^application\/json/],
    ["POST /s/:token", `/s/${TOKEN}`, form, `comment=${big(65 * 1024)}`, /^text\/html/],
    ["POST /ivr/twilio/voice", "/ivr/twilio/voice", { ...form, "X-Twilio-Signature": "x" }, `CallSid=CA1&x=${big(65 * 1024)}`, /^application\/json/],
    // Customers' browsers post these: the answer is a page.
    ["POST /r/:staff/:score", "/r/alice/5", form, `browser=${big(9 * 1024)}`, /^text\/html/],
    ["POST /unsubscribe/:id", `/unsubscribe/${UNSUBSCRIBE}`, form, `List-Unsubscribe=${big(5 * 1024)}`, /^text\/html/],
  ];

  test.each(rows)("%s", async (_name, pathOf, headersOf, body, type) => {
    const unsubscribe = unsubscribeId(addressHash("someone@example.org", t.config.TOKEN_PEPPER), t.config.SESSION_SECRET);
    const path = pathOf.replace(TOKEN, t.token).replace(UNSUBSCRIBE, unsubscribe);
    const headers = { ...headersOf, ...(headersOf.Authorization ? t.auth : {}) };
    const before = totalChanges(t);
    // As a client sends it (Content-Length), and streamed without one (chunked).
    const declared = await t.app.request(path, { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, body });
    expect(declared.status).toBe(413);
    expect(declared.headers.get("content-type")).toMatch(type);
    const streamed = await t.app.request(path, { method: "POST", headers, body: new Blob([body]).stream(), duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(totalChanges(t)).toBe(before);
  });

  test("the API's 413 is the one error shape", async () => {
    const res = await t.api("POST", "/interactions", json(2 * 1024 * 1024));
    expect(await res.json()).toEqual({ error: { code: "too_large", message: "The request body is larger than 2 MB." } });
  });
});

describe("a comment with markup", () => {
  const comment = `<script>alert("x")</script><img src=x onerror=alert(1)> '; drop table responses; -- ring 07700 900123 or jo@example.org`;
  const masked = `<script>alert("x")</script><img src=x onerror=alert(1)> '; drop table responses; -- ring [phone] or [email]`;

  test("is stored as written with only personal data masked, and shown escaped on the edit view and the thank-you page", async () => {
    const t = await app();
    const path = `/s/${t.token}`;
    const body = new URLSearchParams({ _csrf: await csrfOf(t, path), csat: "2", comment }).toString();
    const res = await t.app.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(303);
    expect(await t.db.read.select({ comment: responses.comment }).from(responses)).toEqual([{ comment: masked }]);

    const edit = await (await t.app.request(path)).text();
    expect(edit).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(edit).not.toMatch(/<script>alert|<img src=x/);
    expect(edit).not.toContain("07700 900123");
    const thanks = await t.app.request(`${path}/thanks`);
    expect(thanks.status).toBe(200);
    const thanksHtml = await thanks.text();
    expect(thanksHtml).not.toMatch(/<script>alert|<img src=x|onerror/);
    expect(thanks.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  });

  test("sent through the phone survey API: stored the same way", async () => {
    const t = await app();
    const res = await t.api("POST", "/phone-surveys", { callId: "c1", team: "CONTACT", occurredAt: "2026-03-01T10:00:00Z", answers: { csat: 3 }, comment });
    expect(res.status).toBe(201);
    expect(await t.db.read.select({ comment: responses.comment }).from(responses)).toEqual([{ comment: masked }]);
  });

  test("control characters typed into the survey page are dropped; tabs and line breaks are kept", async () => {
    const t = await app();
    const path = `/s/${t.token}`;
    const body = new URLSearchParams({ _csrf: await csrfOf(t, path), comment: "a\u0000b\u001b[2Jc\u007f\td\r\ne\u0007" }).toString();
    const res = await t.app.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(303);
    expect(await t.db.read.select({ comment: responses.comment }).from(responses)).toEqual([{ comment: "ab[2Jc\td\ne" }]);
  });

  test("a comment of control characters only is nothing to record: 400, nothing stored", async () => {
    const t = await app();
    const path = `/s/${t.token}`;
    const body = new URLSearchParams({ _csrf: await csrfOf(t, path), comment: "\u0000\u0001\u001b" }).toString();
    const res = await t.app.request(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    expect(res.status).toBe(400);
    expect(await t.db.read.select().from(responses)).toEqual([]);
  });
});

describe("parsers", () => {
  test.each([
    ["arrays nested 100,000 deep", deeplyNested(100_000, "array")],
    ["objects nested 100,000 deep", deeplyNested(100_000, "object")],
    ["a number beyond a double", '{"code":"t","measure":"csat","value":1e400}'],
    ["a negative zero and a huge integer", '{"code":"t","measure":"csi_net","value":-0,"team":123456789012345678901234567890}'],
    ["a prototype key", '{"__proto__":{"code":"t"},"measure":"csat","value":80}'],
  ])("%s: 400 in the one error shape, nothing stored", async (_name, body) => {
    const t = await app();
    const before = totalChanges(t);
    const res = await t.api("POST", "/targets", body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
    expect(totalChanges(t)).toBe(before);
  });

  test("a Twilio webhook whose multipart body does not parse: 400, not 500 (was 500)", async () => {
    const t = await app();
    const body = '--XYZ\r\nContent-Disposition: form-data; name="CallSid"\r\n\r\nCA1';
    const res = await t.app.request("/ivr/twilio/voice?team=CONTACT", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=XYZ", "X-Twilio-Signature": twilioSigned("/ivr/twilio/voice?team=CONTACT", "CallSid=CA1") },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });
});
