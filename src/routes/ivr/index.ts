import { Hono } from "hono";
import type { Ctx } from "../../deps";
import { rateLimit } from "../../middleware/rate-limit";
import { promptRoutes } from "./prompts";
import { twilioRoutes } from "./twilio";

/** The post-call phone survey, mounted at /ivr: TwiML webhooks and recorded prompts. */
export function ivrRoutes(ctx: Ctx) {
  const { config, clock } = ctx;
  // Counted before the signature is checked, so a flood of forged webhooks is turned away
  // before its body is read. A plain 429: Twilio reads only the status.
  const limit = rateLimit({ limit: config.RATE_LIMIT_IVR_PER_MINUTE, clock, salt: `${config.SESSION_SECRET}:ivr`, trustProxy: config.TRUST_PROXY });
  return new Hono().use("*", limit).route("/twilio", twilioRoutes(ctx)).route("/prompts", promptRoutes(ctx));
}
