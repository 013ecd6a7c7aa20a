import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { PhoneSurveyInput, PhoneSurveyResult } from "../../schemas/phone-survey";
import { submitPhoneSurvey } from "../../services/phone/submit-phone-survey";
import { validate } from "../../validation";

/** Provider-neutral phone survey API under /api/v1 (issue 4 §2). */
export function phoneSurveyRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().post(
    "/phone-surveys",
    describeRoute({
      tags: ["Phone surveys"],
      summary: "Store the keypad answers of a post-call phone survey",
      description:
        "For telephony that plays the questions and gathers the digits itself (an Amazon Connect contact flow, a Genesys Architect flow). Registers the call as a phone interaction (externalRef = callId) and stores its answers. Idempotent by callId: sending the same call again merges the new answers into its one response (201 the first time, 200 after).",
      responses: {
        201: { description: "Stored", content: { "application/json": { schema: resolver(PhoneSurveyResult) } } },
        200: { description: "This callId was already known; answers merged", content: { "application/json": { schema: resolver(PhoneSurveyResult) } } },
        422: { description: "A team, staff member or service that does not exist or is retired" },
      },
    }),
    validate("json", PhoneSurveyInput),
    async (c) => {
      const result = await submitPhoneSurvey(ctx, c.req.valid("json"));
      return c.json(result, result.existing ? 200 : 201);
    },
  );
}
