import { Hono } from "hono";
import { describe, expect, test } from "vitest";
import { createApp } from "../../src/app";
import { jsonLogger } from "../../src/logging";
import { createMetrics } from "../../src/metrics";
import { accessLog } from "../../src/middleware/access-log";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";

type Line = Record<string, unknown> & { level: string; time: string; msg: string };

/** A pino destination that keeps the lines. */
function collect() {
  const raw: string[] = [];
  return {
    stream: { write: (s: string) => void raw.push(s) },
    text: () => raw.join(""),
    lines: () =>
      raw
        .join("")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line),
  };
}

const ADDRESS = "203.0.113.77";

describe("structured logs", () => {
  test("one access line per request: timestamp, request id, method, route pattern, status, duration; no token, address or key", async () => {
    const t = await createTestApp({ TRUST_PROXY: true });
    await seedOrganisation(t);
    const out = collect();
    const app = createApp({ db: t.db, clock: t.clock, config: t.config, log: jsonLogger("info", out.stream) });
    const link = await registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now(), language: "en" });
    const headers = { "X-Forwarded-For": ADDRESS, "User-Agent": "Mozilla/5.0" };

    const page = await app.request(`/s/${link.token}?csat=4`, { headers });
    expect(page.status).toBe(200);
    const report = await app.request("/api/v1/reports/summary?groupBy=team&period=month&from=2026-01-01&to=2026-12-31", { headers: { ...headers, ...t.auth } });
    expect(report.status).toBe(200);
    const wrongKey = await app.request("/api/v1/reports/summary", { headers: { ...headers, Authorization: "Bearer ros_not-a-key" } });
    expect(wrongKey.status).toBe(401);
    const unknown = await app.request("/wp-login.php?user=someone@example.com", { headers });
    expect(unknown.status).toBe(404);

    const lines = out.lines();
    const access = lines.filter((l) => l.msg === "request");
    expect(access.map((l) => [l.method, l.route, l.status])).toEqual([
      ["GET", "/s/:token", 200],
      ["GET", "/api/v1/reports/summary", 200],
      ["GET", "/api/v1/reports/summary", 401],
      ["GET", "unmatched", 404],
    ]);
    for (const l of access) {
      expect(l.level).toBe("info");
      expect(new Date(l.time).toISOString()).toBe(l.time);
      expect(typeof l.ms).toBe("number");
      expect(l.reqId).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Each answer carries its request's id, and ids differ between requests.
    expect(page.headers.get("x-request-id")).toBe(access[0]!.reqId);
    expect(new Set(access.map((l) => l.reqId)).size).toBe(4);
    const text = out.text();
    for (const secret of [link.token, ADDRESS, t.apiKey, "ros_not-a-key", "someone@example.com", "csat=4", "wp-login"]) expect(text).not.toContain(secret);
  });

  test("a request id from our own proxy is kept; from a client, or malformed, it is replaced", async () => {
    const t = await createTestApp({ TRUST_PROXY: true });
    const out = collect();
    const app = createApp({ db: t.db, clock: t.clock, config: t.config, log: jsonLogger("info", out.stream) });
    expect((await app.request("/healthz", { headers: { "X-Request-Id": "lb-4f2a.9" } })).headers.get("x-request-id")).toBe("lb-4f2a.9");
    const injected = await app.request("/healthz", { headers: { "X-Request-Id": 'x","level":"error' } });
    expect(injected.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const direct = createApp({ db: t.db, clock: t.clock, config: { ...t.config, TRUST_PROXY: false }, log: jsonLogger("info", out.stream) });
    expect((await direct.request("/healthz", { headers: { "X-Request-Id": "lb-4f2a.9" } })).headers.get("x-request-id")).not.toBe("lb-4f2a.9");
    expect(out.lines().map((l) => l.reqId)[0]).toBe("lb-4f2a.9");
  });

  test("an error logged while a request runs is followed by the request's access line, neither with the URL", async () => {
    const out = collect();
    const log = jsonLogger("info", out.stream);
    const app = new Hono().use(accessLog({ log, metrics: createMetrics(), trustProxy: false })).get("/boom/:secret", () => {
      throw new Error("it broke");
    });
    app.onError((err, c) => {
      log.error("unexpected error", err);
      return c.text("sorry", 500);
    });
    const res = await app.request("/boom/s3cr3t-token");
    expect(res.status).toBe(500);
    const [error, access] = out.lines();
    expect(error).toMatchObject({ level: "error", msg: "unexpected error", err: { message: "it broke" } });
    expect(access).toMatchObject({ msg: "request", route: "/boom/:secret", status: 500 });
    expect(access!.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.text()).not.toContain("s3cr3t-token");
  });

  test("LOG_LEVEL=error keeps the access lines out; silent writes nothing", async () => {
    for (const level of ["error", "silent"] as const) {
      const out = collect();
      const log = jsonLogger(level, out.stream);
      log.info("request", { route: "/healthz" });
      log.error("bad", new Error("x"));
      expect(out.lines().map((l) => l.msg)).toEqual(level === "error" ? ["bad"] : []);
    }
  });
});
