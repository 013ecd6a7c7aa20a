import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { findSession, SESSION_COOKIE } from "../../services/auth/sessions";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { dashboardApi } from "./api";
import { authRoutes, nextPage } from "./auth";
import { MissingBuildPage } from "./login-page";
import { staticRoutes } from "./static";

export type { DashboardApi } from "./api";

/** The dashboard and its API, mounted at /dashboard. */
export function dashboardRoutes(ctx: Ctx) {
  return (
    new Hono()
      .route("/api", dashboardApi(ctx))
      .all("/api/*", (c) => c.json(errorBody("not_found", "No such dashboard endpoint."), 404))
      .route("/", authRoutes(ctx))
      // A page request without a session goes straight to the sign-in form (assets stay public).
      .get("/*", async (c, next) => {
        if (c.req.path.startsWith("/dashboard/assets/") || (await findSession(ctx, getCookie(c, SESSION_COOKIE)))) return next();
        // Back to the page asked for once signed in (a case linked from an email).
        const asked = nextPage(new URL(c.req.url).pathname + new URL(c.req.url).search);
        return c.redirect(asked ? `/dashboard/login?next=${encodeURIComponent(asked)}` : "/dashboard/login", 303);
      })
      .route(
        "/",
        staticRoutes(() => String(MissingBuildPage())),
      )
  );
}
