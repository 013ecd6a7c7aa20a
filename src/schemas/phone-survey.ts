import { z } from "zod";
import { QUESTIONS, type Question, type QuestionAnswers, type QuestionKey } from "../domain/measure-registry";
import { LANGUAGES } from "../domain/languages";
import { en } from "../i18n/en";
import { Code, Language, Timestamp } from "./common";

/**
 * A keypad answer as telephony hands it over: the digit pressed, as a string ("4") or a
 * number (4). An empty string is a question the caller skipped (contact flows store "" when
 * nobody pressed a key). Anything else, or a digit off the scale, is refused with the field.
 */
const keypad = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^[0-9]?$/, `expected one keypad digit from ${min} to ${max}`)], {
      error: `expected one keypad digit from ${min} to ${max}`,
    })
    .transform((v) => (v === "" ? undefined : Number(v)))
    .pipe(
      z.number().int(`expected a whole number from ${min} to ${max}`).min(min, `expected ${min} to ${max}`).max(max, `expected ${min} to ${max}`).optional(),
    );

/**
 * A question's answer, optional: a digit on its scale, or its choices by keypad (FCR: 1 yes, 2 partly,
 * 3 no) or by word. Described with the English labels of the ends or of each choice.
 */
function keypadAnswer(q: Question) {
  const labels: Record<string | number, string> = en.questions[q.key].labels;
  const word = (v: string | number) => labels[v]!.toLowerCase();
  if (q.kind !== "yesNo") {
    const { min, max } = q.scale;
    return keypad(min, max)
      .optional()
      .describe(`${min} ${word(min)} … ${max} ${word(max)}`);
  }
  const { choices } = q;
  const numbered = choices.map((c, i) => `${i + 1} (${c})`);
  return z
    .union([z.enum(choices), keypad(1, choices.length).transform((n) => (n === undefined ? undefined : choices[n - 1]!))], {
      error: `expected ${numbered.slice(0, -1).join(", ")} or ${numbered.at(-1)}`,
    })
    .describe(`${choices.map((c, i) => `${i + 1} = ${word(c)}`).join(", ")} (or the word)`)
    .optional();
}

type KeypadShape = { [K in QuestionKey]: z.ZodOptional<z.ZodType<NonNullable<QuestionAnswers[K]> | undefined, unknown>> };

/*
 * Telephony sends what its flow holds, not what a schema would like: a flow variable nobody set
 * arrives as "", the caller's locale as a BCP-47 tag ("en-GB"), and a flow may pass along fields
 * of its own. None of these should cost the call's answers, so this endpoint alone takes ""
 * for a field left out, a tag for its language, and ignores fields it does not know (zod's
 * plain object strips them).
 */

/** An optional field where "" means left out. */
const optionalField = <T extends z.ZodType>(schema: T) => z.union([z.literal("").transform(() => undefined), schema]).optional();

/** "en", "en-GB", "cy_GB": the language subtag alone counts; absent or "" is English. */
const phoneLanguage = z
  .string()
  .max(35)
  .optional()
  .transform((tag) => (tag ? tag.split(/[-_]/)[0]!.toLowerCase() : "en"))
  .pipe(Language)
  .describe(`The caller's language: ${LANGUAGES.join(", ")}, or a BCP-47 tag for one (en-GB, cy-GB); absent or "" is en`);

export const PhoneSurveyAnswers = z
  .object(Object.fromEntries(QUESTIONS.map((q) => [q.key, keypadAnswer(q)])) as unknown as KeypadShape)
  .describe('The digits pressed; "" is a skipped question; other fields are ignored');

export const PhoneSurveyInput = z
  .object({
    /** The telephony's id of the call (Amazon Connect ContactId, Genesys conversation id). */
    callId: z.string().min(1).max(200).describe("The telephony's call id; the same id again updates the same response"),
    team: Code,
    staff: optionalField(Code).describe('The staff member\'s code; "" is the same as leaving it out'),
    service: optionalField(Code).describe('The service\'s code; "" is the same as leaving it out'),
    occurredAt: Timestamp,
    language: phoneLanguage,
    answers: PhoneSurveyAnswers.default({}),
    comment: optionalField(z.string().max(2000)).describe("A transcribed comment; personal data in it is masked before it is stored"),
  })
  .describe("Fields this endpoint does not know are ignored, so a flow may send variables of its own");
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
