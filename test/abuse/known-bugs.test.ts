import { describe, expect, test } from "vitest";
import { departments, responses } from "../../src/db/schema";
import { createTestApp, seedOrganisation } from "../helpers";
import { totalChanges } from "./fuzz-support";

/*
 * Found by the abuse suite in code owned by others, reproduced exactly and left for them:
 * each test states the right behaviour and is marked test.fails while the bug stands, so
 * the fix turns it red here and the marker can come off.
 */

const form = { "Content-Type": "application/x-www-form-urlencoded" };

// Fixed since: kept as regression tests.
describe("dashboard sign-in (src/routes/dashboard/auth.tsx)", () => {
  // `new URL(origin)` throws on an Origin that is not a URL; the TypeError reaches onError.
  test("a malformed Origin header is refused, not a 500", async () => {
    const t = await createTestApp();
    const res = await t.app.request("/dashboard/login", {
      method: "POST",
      headers: { ...form, Origin: "garbage", Host: "localhost:3000" },
      body: "email=a%40b.example&password=x",
    });
    expect(res.status).toBeLessThan(500);
  });

  // No bodyLimit on the route: the whole body is read and parsed before max(254) refuses it.
  test("a 5 MB sign-in body is refused with 413 before it is read", async () => {
    const t = await createTestApp();
    const body = `email=${"a".repeat(5 * 1024 * 1024)}&password=x`;
    const res = await t.app.request("/dashboard/login", { method: "POST", headers: { ...form, "Content-Length": String(body.length) }, body });
    expect(res.status).toBe(413);
  });

  // Only per-account throttling: one address may try any number of accounts, and each try
  // costs a deliberately slow password hash (about 0.3 s of CPU), so it is also a cheap way
  // to keep the server's cores busy.
  test("one address trying many accounts is slowed by 429s past RATE_LIMIT_PER_MINUTE", async () => {
    const t = await createTestApp({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: true });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t.app.request("/dashboard/login", {
        method: "POST",
        headers: { ...form, "X-Forwarded-For": "203.0.113.9" },
        body: `email=user${i}%40council.example&password=wrong`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});

describe("control characters stored from the API (src/schemas, src/services/record-response.ts)", () => {
  // Fixed: recordResponse drops them for every channel; names refuse them.
  test("a phone survey comment keeps no NUL or terminal escape sequence", async () => {
    const t = await createTestApp();
    await seedOrganisation(t);
    const res = await t.api("POST", "/phone-surveys", {
      callId: "c1",
      team: "CONTACT",
      occurredAt: "2026-03-01T10:00:00Z",
      answers: { csat: 3 },
      comment: "ok\u0000\u001b[2J",
    });
    expect(res.status).toBe(201);
    expect(await t.db.read.select({ comment: responses.comment }).from(responses)).toEqual([{ comment: "ok[2J" }]);
  });

  test("a department name with NUL or an escape sequence is refused", async () => {
    const t = await createTestApp();
    const before = totalChanges(t);
    const res = await t.api("POST", "/departments", { code: "X", name: "Finance\u0000\u001b[2J" });
    expect(res.status).toBe(400);
    expect(totalChanges(t)).toBe(before);
    expect(await t.db.read.select().from(departments)).toEqual([]);
  });
});
