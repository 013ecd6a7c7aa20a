import { describe, expect, test } from "vitest";
import { newTestDatabaseLocation, TEST_DIALECT } from "../db/test-database";
import { openSqlite } from "../../src/db/sqlite";
import { createMetrics } from "../../src/metrics";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";

const TOKEN = "metrics-token-0123456789";
const scrape = (t: { app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> } }, token = TOKEN) =>
  t.app.request("/metrics", { headers: { Authorization: `Bearer ${token}` } });

/** The value of one sample line, e.g. `email_outbox_pending 2`. */
const sample = (text: string, name: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
};

describe("GET /metrics", () => {
  test("does not exist without METRICS_TOKEN", async () => {
    const t = await createTestApp();
    expect((await scrape(t)).status).toBe(404);
  });

  test("401 without the token or with a wrong one", async () => {
    const t = await createTestApp({ METRICS_TOKEN: TOKEN });
    const none = await t.app.request("/metrics");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await scrape(t, "metrics-token-0123456788")).status).toBe(401);
    expect((await scrape(t, "short")).status).toBe(401);
    // An API key is not a metrics token.
    expect((await t.app.request("/metrics", { headers: t.auth })).status).toBe(401);
  });

  test("request latency by route pattern and the outbox backlog, in Prometheus' text format", async () => {
    const t = await createTestApp({ METRICS_TOKEN: TOKEN });
    await seedOrganisation(t);
    const link = await registerInteraction(t.ctx, {
      channel: "phone",
      team: "CONTACT",
      occurredAt: t.clock.now(),
      language: "en",
      customer: { email: "resident@example.org", mayContact: true },
    });
    expect((await t.app.request(`/s/${link.token}`)).status).toBe(200);
    expect((await t.app.request(`/s/${link.token}`)).status).toBe(200);

    const res = await scrape(t);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('http_request_duration_seconds_count{method="GET",route="/s/:token",status="200"} 2');
    // The invitation waits INVITE_DELAY_MINUTES: in the backlog, not yet due.
    expect(sample(text, "email_outbox_pending")).toBe(1);
    expect(sample(text, "email_outbox_due")).toBe(0);
    expect(text).toContain("# TYPE sqlite_write_group_size histogram");
    expect(text).toContain("# TYPE report_duration_seconds histogram");
    expect(text).not.toContain(link.token);

    t.clock.advance(11 * 60_000);
    expect(sample(await (await scrape(t)).text(), "email_outbox_due")).toBe(1);
  });
});

test.skipIf(TEST_DIALECT !== "sqlite")("the SQLite group commit tells each group's size", async () => {
  const metrics = createMetrics();
  const sizes: number[] = [];
  const db = openSqlite(await newTestDatabaseLocation(), {
    synchronous: "OFF",
    onGroup: (n) => {
      sizes.push(n);
      metrics.writeGroupSize.observe(n);
    },
  });
  try {
    // Writes handed over in one turn of the event loop share a commit.
    await Promise.all([1, 2, 3].map(() => db.write(async () => undefined)));
    await db.write(async () => undefined);
    expect(sizes).toEqual([3, 1]);
    expect(await metrics.registry.metrics()).toContain("sqlite_write_group_size_sum 4");
  } finally {
    await db.close();
  }
});
