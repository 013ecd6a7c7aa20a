import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { Code, Language } from "../../schemas/common";
import { signatureForStaff } from "../../services/signature/signature-for-staff";
import { validate } from "../../validation";
import { COMMON_ERRORS, errorResponse, json } from "./openapi-docs";

export const SignatureStrip = z.object({
  html: z.string().describe("Paste into the Outlook or Gmail signature editor (tables, inline styles, PNG faces)."),
  text: z.string().describe("One line for plain-text signatures."),
});

/** GET /api/v1/staff/<code>/signature: a staff member's signature strip, to paste into their email signature. */
export function signatureApiRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().get(
    "/staff/:code/signature",
    describeRoute({
      tags: ["Staff"],
      summary: "A staff member's 'Rate our service' signature strip",
      description: "HTML with five faces, each linking to /r/<staff>/<1..5>, and a plain-text line. ?lang= picks the language (default en).",
      responses: {
        200: {
          description: "The strip",
          content: json(SignatureStrip, {
            html: '<table role="presentation" cellpadding="0" cellspacing="0" border="0">…<a href="https://feedback.council.example/r/faisal.khan/5"><img src="https://feedback.council.example/faces/5.png" width="32" height="32" alt="Very satisfied"></a>…</table>',
            text: "How did I do? Rate our service: https://feedback.council.example/r/faisal.khan",
          }),
        },
        ...COMMON_ERRORS,
        404: errorResponse("No staff member with this code", "not_found", "No staff member with code 'nobody'."),
        410: errorResponse("The staff member is retired", "gone", "The staff member 'faisal.khan' is retired."),
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
