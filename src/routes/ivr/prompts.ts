import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { PROMPTS } from "../../ivr/prompts";
import { Language } from "../../schemas/common";
import { validate } from "../../validation";

// Only known names reach the file system: no path a request could steer elsewhere.
const PromptPath = z.strictObject({
  lang: Language,
  file: z.enum(PROMPTS.map((p) => `${p}.mp3`) as [string, ...string[]]),
});

/**
 * The organisation's recorded prompts (DATA_DIR/prompts/<lang>/<prompt>.mp3), fetched by Twilio
 * for <Play>. Public: they are the words of the survey, and Twilio's media fetch is unsigned.
 */
export function promptRoutes(ctx: Ctx) {
  return new Hono().get("/:lang/:file", validate("param", PromptPath), async (c) => {
    const { lang, file } = c.req.valid("param");
    try {
      const audio = await readFile(join(ctx.config.DATA_DIR, "prompts", lang, file));
      return c.body(new Uint8Array(audio), 200, { "Content-Type": "audio/mpeg", "Cache-Control": "public, max-age=300" });
    } catch {
      return c.json(errorBody("not_found", "No recording for this prompt."), 404);
    }
  });
}
