import { Hono } from "hono";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { dashboardApi } from "./api";
import { authRoutes } from "./auth";
import { MissingBuildPage } from "./login-page";
import { staticRoutes } from "./static";

export type { DashboardApi } from "./api";

/** The dashboard and its API, mounted at /dashboard (issue 5). */
export function dashboardRoutes(ctx: Ctx) {
  return new Hono()
    .route("/api", dashboardApi(ctx))
    .all("/api/*", (c) => c.json(errorBody("not_found", "No such dashboard endpoint."), 404))
    .route("/", authRoutes(ctx))
    .route("/", staticRoutes(() => String(MissingBuildPage())));
}
