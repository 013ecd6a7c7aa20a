import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { ReadPool } from "./db/read-pool";
import type { Ctx, Logger } from "./deps";
import { errorBody, onError } from "./errors";
import type { MailTransport } from "./mail/transport";
import { createMetrics, type Metrics } from "./metrics";
import { accessLog } from "./middleware/access-log";
import { apiRoutes } from "./routes/api/index";
import { assetRoutes } from "./routes/assets";
import { dashboardRoutes } from "./routes/dashboard/index";
import { frontDoorRoutes } from "./routes/front-door";
import { ivrRoutes } from "./routes/ivr/index";
import { metricsRoutes } from "./routes/metrics";
import { signatureRoutes } from "./routes/signature/index";
import { surveyRoutes } from "./routes/survey/index";

export type AppDeps = { db: Database; clock: Clock; config: Config; log: Logger; mail?: MailTransport; reads?: ReadPool; metrics?: Metrics };

/** Builds the whole HTTP application from its dependencies; nothing here reaches out alone. */
export function createApp(deps: AppDeps) {
  const ctx: Ctx = { db: deps.db, clock: deps.clock, config: deps.config, log: deps.log, reads: deps.reads };
  const metrics = deps.metrics ?? createMetrics();
  const app = new Hono()
    .use(accessLog({ log: deps.log, metrics, trustProxy: deps.config.TRUST_PROXY }))
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
        },
        referrerPolicy: "no-referrer",
        // A route's own choice stands: the face images allow other sites (src/routes/assets.ts).
        overwrite: false,
      }),
    )
    .get("/healthz", async (c) => {
      // A load balancer takes a server out of rotation while its database is out of reach.
      await deps.db.ping();
      return c.json({ status: "ok" });
    })
    .route("/", assetRoutes())
    .route("/", frontDoorRoutes(deps.config))
    .route("/api/v1", apiRoutes(ctx))
    .route("/s", surveyRoutes(ctx))
    .route("/ivr", ivrRoutes(ctx))
    .route("/dashboard", dashboardRoutes(ctx))
    .route("/metrics", metricsRoutes(ctx, metrics))
    .route("/", signatureRoutes(ctx));
  app.onError(onError((msg, err) => deps.log.error(msg, err)));
  app.notFound((c) => c.json(errorBody("not_found", "No such page."), 404));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
