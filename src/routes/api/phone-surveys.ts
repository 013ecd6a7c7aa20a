import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { PhoneSurveyInput, PhoneSurveyResult } from "../../schemas/phone-survey";
import { submitPhoneSurvey } from "../../services/phone/submit-phone-survey";
import { validate } from "../../validation";
import { COMMON_ERRORS, json, unprocessable } from "./openapi-docs";

const RESULT_EXAMPLE: PhoneSurveyResult = { callId: "5d7c1f2a-9e3b-4c1d-8f00-1234567890ab", interactionId: 812, responseId: 455, existing: false };

/** The phone survey for telephony other than Twilio, under /api/v1: the digits a caller pressed, posted by that system. */
export function phoneSurveyRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().post(
    "/phone-surveys",
    describeRoute({
      tags: ["Phone surveys"],
      summary: "Store the keypad answers of a post-call phone survey",
      description:
        'For telephony that plays the questions and gathers the digits itself (an Amazon Connect contact flow, a Genesys Architect flow). Registers the call as a phone interaction (externalRef = callId) and stores its answers. Idempotent by callId: sending the same call again merges the new answers into its one response (201 the first time, 200 after). Takes what telephony sends: `""` for an optional field is the field left out (a flow variable nobody set), a language tag such as `en-GB` counts as its language, and fields this endpoint does not know are ignored.',
      responses: {
        201: { description: "Stored", content: json(PhoneSurveyResult, RESULT_EXAMPLE) },
        200: { description: "This callId was already known; answers merged", content: json(PhoneSurveyResult, { ...RESULT_EXAMPLE, existing: true }) },
        ...COMMON_ERRORS,
        ...unprocessable("A team, staff member or service that does not exist or is retired"),
      },
    }),
    validate("json", PhoneSurveyInput),
    async (c) => {
      const result = await submitPhoneSurvey(ctx, c.req.valid("json"));
      return c.json(result, result.existing ? 200 : 201);
    },
  );
}
