import { Hono } from "hono";
import type { Ctx } from "../../deps";
import { promptRoutes } from "./prompts";
import { twilioRoutes } from "./twilio";

/** The post-call phone survey, mounted at /ivr (issue 4): TwiML webhooks and recorded prompts. */
export function ivrRoutes(ctx: Ctx) {
  return new Hono().route("/twilio", twilioRoutes(ctx)).route("/prompts", promptRoutes(ctx));
}
