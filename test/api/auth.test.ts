import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { departments, interactions } from "../../src/db/schema";
import { createApiKey, revokeApiKey } from "../../src/services/api-keys";
import { createTestApp } from "../helpers";

const interaction = { channel: "phone", team: "CONTACT", occurredAt: "2026-03-01T10:00:00Z" };

/** Every kind of route behind the key, reads and writes. */
const routes: [string, string, unknown?][] = [
  ["GET", "/departments"],
  ["POST", "/departments", { code: "X", name: "X" }],
  ["PATCH", "/teams/CONTACT", { name: "X" }],
  ["POST", "/services/bins/retire"],
  ["POST", "/interactions", interaction],
  ["POST", "/interactions/batch", { interactions: [interaction] }],
  ["GET", "/reports/summary?from=2026-01-01&to=2026-03-31"],
];

describe("API keys", () => {
  test.each(routes)("%s %s: 401 without a key, 401 with a wrong key, 403 with a revoked key", async (method, path, body) => {
    const t = await createTestApp();
    const send = (authorization?: string) =>
      t.app.request(`/api/v1${path}`, {
        method,
        headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const none = await send();
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");

    expect((await send(`Bearer ${t.apiKey}x`)).status).toBe(401);
    expect((await send("Bearer ")).status).toBe(401);
    expect((await send(`Basic ${t.apiKey}`)).status).toBe(401);

    const revoked = await createApiKey(t.ctx, "old crm");
    await revokeApiKey(t.ctx, String(revoked.id));
    const res = await send(`Bearer ${revoked.key}`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    // Nothing was changed by any refused request.
    expect(await t.db.read.select({ n: count() }).from(departments)).toEqual([{ n: 0 }]);
    expect(await t.db.read.select({ n: count() }).from(interactions)).toEqual([{ n: 0 }]);
  });

  test("a valid key gets through, and revoking it locks it out", async () => {
    const t = await createTestApp();
    expect((await t.api("GET", "/departments")).status).toBe(200);
    await revokeApiKey(t.ctx, "1");
    expect((await t.api("GET", "/departments")).status).toBe(403);
  });

  test("the OpenAPI document and the docs page need no key", async () => {
    const t = await createTestApp();
    expect((await t.app.request("/api/v1/openapi.json")).status).toBe(200);
    expect((await t.app.request("/api/v1/docs")).status).toBe(200);
  });
});
