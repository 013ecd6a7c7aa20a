import { z } from "zod";
import { FCR_VALUES } from "../domain/measures";
import { Code, Language, Timestamp } from "./common";

/**
 * A keypad answer as telephony hands it over: the digit pressed, as a string ("4") or a
 * number (4). An empty string is a question the caller skipped (contact flows store "" when
 * nobody pressed a key). Anything else, or a digit off the scale, is refused with the field.
 */
const keypad = (max: number) =>
  z
    .union([z.number(), z.string().regex(/^[0-9]?$/, `expected one keypad digit from 1 to ${max}`)], {
      error: `expected one keypad digit from 1 to ${max}`,
    })
    .transform((v) => (v === "" ? undefined : Number(v)))
    .pipe(
      z
        .number()
        .int(`expected a whole number from 1 to ${max}`)
        .min(1, `expected 1 to ${max}`)
        .max(max, `expected 1 to ${max}`)
        .optional(),
    );

/** FCR by keypad (1 yes, 2 partly, 3 no) or by word. */
const fcrAnswer = z
  .union([z.enum(FCR_VALUES), keypad(3).transform((n) => (n === undefined ? undefined : FCR_VALUES[n - 1]!))], {
    error: "expected 1 (yes), 2 (partly) or 3 (no)",
  })
  .describe("1 = yes, 2 = partly, 3 = no (or the word)");

export const PhoneSurveyAnswers = z.strictObject({
  csat: keypad(5).optional().describe("1 very dissatisfied … 5 very satisfied"),
  ces: keypad(7).optional().describe("1 strongly disagree … 7 strongly agree"),
  csi: keypad(5).optional().describe("1 very unhappy … 5 very happy"),
  fcr: fcrAnswer.optional(),
});

export const PhoneSurveyInput = z.strictObject({
  /** The telephony's id of the call (Amazon Connect ContactId, Genesys conversation id). */
  callId: z.string().min(1).max(200).describe("The telephony's call id; the same id again updates the same response"),
  team: Code,
  staff: Code.optional(),
  service: Code.optional(),
  occurredAt: Timestamp,
  language: Language.default("en"),
  answers: PhoneSurveyAnswers.default({}),
  comment: z.string().max(2000).optional().describe("A transcribed comment; personal data in it is masked before it is stored"),
});
export type PhoneSurveyInput = z.infer<typeof PhoneSurveyInput>;

export const PhoneSurveyResult = z.object({
  callId: z.string(),
  interactionId: z.number().int(),
  /** null when the caller answered nothing: the survey still counts as issued. */
  responseId: z.number().int().nullable(),
  /** true when this call id was already known (the answers were merged into its response). */
  existing: z.boolean(),
});
export type PhoneSurveyResult = z.infer<typeof PhoneSurveyResult>;
