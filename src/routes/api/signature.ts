import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { Code, Language } from "../../schemas/common";
import { signatureForStaff } from "../../services/signature/signature-for-staff";
import { validate } from "../../validation";

export const SignatureStrip = z.object({
  html: z.string().describe("Paste into the Outlook or Gmail signature editor (tables, inline styles, PNG faces)."),
  text: z.string().describe("One line for plain-text signatures."),
});

/** GET /api/v1/staff/<code>/signature: a staff member's signature strip (issue 3 §1). */
export function signatureApiRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().get(
    "/staff/:code/signature",
    describeRoute({
      tags: ["Staff"],
      summary: "A staff member's 'Rate our service' signature strip",
      description: "HTML with five faces, each linking to /r/<staff>/<1..5>, and a plain-text line. ?lang= picks the language (default en).",
      responses: {
        200: { description: "The strip", content: { "application/json": { schema: resolver(SignatureStrip) } } },
        404: { description: "No staff member with this code" },
        410: { description: "The staff member is retired" },
      },
    }),
    validate("param", z.object({ code: Code })),
    validate("query", z.object({ lang: Language.optional() })),
    async (c) => {
      const { html, text } = await signatureForStaff(ctx, c.req.valid("param").code, c.req.valid("query").lang ?? "en");
      return c.json({ html, text });
    },
  );
}
