import { bodyLimit } from "../../middleware/body-limit";
import { createMiddleware } from "hono/factory";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { candidateUrls, verifiedUrl, type WebhookParams } from "../../ivr/signature";

export type TwilioEnv = { Variables: { twilioUrl: string } };

/** Twilio's webhooks are a few hundred bytes of form fields. */
export const webhookBodyLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) => c.json(errorBody("too_large", "The request body is too large."), 413),
});

/**
 * Lets through only requests signed with the account's auth token (X-Twilio-Signature), and
 * remembers which URL was signed: the next action URLs are built from it. Without a token
 * configured the webhooks are switched off (503) rather than open to anyone; a missing or
 * wrong signature is a 403 before anything is read or stored.
 */
export function verifyTwilio(ctx: Ctx) {
  return createMiddleware<TwilioEnv>(async (c, next) => {
    const authToken = ctx.config.TWILIO_AUTH_TOKEN;
    if (!authToken) {
      return c.json(errorBody("not_configured", "The phone survey is switched off: TWILIO_AUTH_TOKEN is not set."), 503);
    }
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      // A multipart body that does not parse (no closing boundary): not from Twilio.
      return c.json(errorBody("invalid_input", "The request body is not a readable form."), 400);
    }
    const params: WebhookParams = {};
    for (const [name, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      // Twilio never uploads files to a voice webhook; a file part cannot be part of a signature.
      if (values.some((v) => typeof v !== "string")) return c.json(errorBody("forbidden", "Unexpected file upload."), 403);
      params[name] = values.length === 1 ? (values[0] as string) : (values as string[]);
    }
    const urls = candidateUrls(c.req.url, ctx.config.PUBLIC_BASE_URL);
    const url = verifiedUrl(authToken, c.req.header("x-twilio-signature"), urls, params);
    if (url === null) return c.json(errorBody("forbidden", "The request signature is not valid."), 403);
    c.set("twilioUrl", url);
    await next();
  });
}
