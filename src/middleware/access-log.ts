import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes, routePath } from "hono/route";
import type { Logger } from "../deps";
import type { Metrics } from "../metrics";

/** An id a proxy may hand us: short and plain, so it cannot smuggle anything into a log line. */
const REQUEST_ID = /^[\w.-]{1,64}$/;

/**
 * The route pattern that answered ("/s/:token"), never the URL: survey tokens and unsubscribe
 * ids are in paths, and query strings carry anything. A request turned away by a middleware
 * (a wrong API key, a rate limit) is counted under the route it was heading for; one that
 * matched no route at all is "unmatched", so scanners' made-up paths make one label, not many.
 */
export function routePattern(c: Context): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) if (routes[i]!.method !== "ALL") return routes[i]!.path;
  return c.res.status === 404 ? "unmatched" : routePath(c);
}

export type AccessLogOptions = {
  log: Logger;
  metrics: Metrics;
  /** Behind our own proxy, its X-Request-Id is kept, so one id follows a request through both logs. */
  trustProxy: boolean;
};

/**
 * One log line per request (method, route pattern, status, milliseconds), the request latency
 * histogram, and a request id: in the X-Request-Id answer header (a person reporting a
 * problem can quote it) and on the access line. No address, no URL, no header value other
 * than the id.
 */
export function accessLog({ log, metrics, trustProxy }: AccessLogOptions) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    const offered = trustProxy ? c.req.header("x-request-id") : undefined;
    const id = offered !== undefined && REQUEST_ID.test(offered) ? offered : randomUUID();
    await next();
    c.header("X-Request-Id", id);
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    const status = c.res.status;
    metrics.requestSeconds.observe({ method: c.req.method, route, status: String(status) }, seconds);
    log.info("request", { method: c.req.method, route, status, ms: Math.round(seconds * 10_000) / 10, reqId: id });
  });
}
