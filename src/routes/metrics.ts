import { createHash, timingSafeEqual } from "node:crypto";
import { Hono } from "hono";
import { Gauge } from "prom-client";
import { outboxBacklog } from "../db/queries/outbox-backlog";
import type { Ctx } from "../deps";
import { errorBody } from "../errors";
import type { Metrics } from "../metrics";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>`. Without
 * METRICS_TOKEN the route does not exist (404, like any unknown path); a missing or wrong token
 * is 401. The outbox backlog is counted when scraped, so it costs nothing between scrapes.
 */
export function metricsRoutes(ctx: Ctx, metrics: Metrics) {
  const token = ctx.config.METRICS_TOKEN;
  const app = new Hono();
  if (!token) return app;
  const expected = digest(token);
  let backlog: Promise<{ pending: number; due: number }> | undefined;
  // Both gauges are filled by one query per scrape.
  const scrapeBacklog = () => (backlog ??= outboxBacklog(ctx.db.read, ctx.clock.now()).finally(() => (backlog = undefined)));
  new Gauge({
    name: "email_outbox_pending",
    help: "Emails in the outbox not yet sent nor given up on",
    registers: [metrics.registry],
    async collect() {
      this.set((await scrapeBacklog()).pending);
    },
  });
  new Gauge({
    name: "email_outbox_due",
    help: "Emails in the outbox whose sending time has passed; steady growth means sending is stuck",
    registers: [metrics.registry],
    async collect() {
      this.set((await scrapeBacklog()).due);
    },
  });
  return app.get("/", async (c) => {
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    // Compared as digests: equal lengths, and the time taken says nothing about the token.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return c.json(errorBody("unauthorized", "A valid metrics token is required: Authorization: Bearer <METRICS_TOKEN>."), 401);
    }
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
