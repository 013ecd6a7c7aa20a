import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** The dashboard and its API, mounted at /dashboard (issue 5). */
export function dashboardRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
