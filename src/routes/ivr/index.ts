import { Hono } from "hono";
import type { Ctx } from "../../deps";

/** TwiML webhooks, mounted at /ivr (issue 4). */
export function ivrRoutes(ctx: Ctx) {
  void ctx;
  return new Hono();
}
