import { z } from "zod";
import { QUESTION_KEYS, QUESTIONS, type Question, type QuestionAnswers, type QuestionKey } from "../../domain/measure-registry";
import type { ContactRequest } from "../../services/record-response";

export const COMMENT_MAX = 2000;
export const CONTACT_MESSAGE_MAX = 500;
/** The longest address SMTP can carry (RFC 5321). */
const EMAIL_MAX = 254;
/** Room for 20 digits with a separator between each. */
const PHONE_MAX = 40;

/**
 * A question's answer: on a scale, a whole number written plainly ("7", not "07" or "7.0"),
 * min..max; else one of its choices. Optional: a skipped question has none.
 */
function answer(q: Question): z.ZodOptional<z.ZodType<NonNullable<QuestionAnswers[QuestionKey]>>> {
  if (q.kind === "yesNo") return z.enum(q.choices).optional();
  const { min, max } = q.scale;
  return z
    .string()
    .regex(/^(0|[1-9]\d{0,2})$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional();
}

type AnswerShape = { [K in QuestionKey]: z.ZodOptional<z.ZodType<NonNullable<QuestionAnswers[K]>>> };

/**
 * Control characters no keyboard types: NUL, escape sequences that recolour or clear a terminal
 * when an export is viewed there, and the rest of C0 and DEL. Tabs and line breaks stay.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text from a textarea. Browsers send its line breaks as CRLF but count them as one character
 * against maxlength, so they are normalised before the length check.
 */
const typedText = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(CONTROL, ""))
    .pipe(z.string().max(max));

/** Text from a one-line input: no control characters, and runs of spacing as one space. */
const oneLine = (s: string) => s.replace(CONTROL, "").replace(/\s+/g, " ").trim();

/**
 * Phones set to Arabic or Persian type these digits; the number is kept in ASCII digits.
 * Both runs start at a multiple of 16, so the low four bits are the digit's value.
 */
const asciiDigits = (s: string) => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));

/**
 * A UK or international number, loosely: an optional leading +, then digits with spaces,
 * brackets or hyphens as people write them, and 7 to 20 digits in all.
 */
const PhoneNumber = z
  .string()
  .max(PHONE_MAX)
  .regex(/^\+?[0-9 ()-]+$/)
  .refine((s) => {
    const digits = s.replace(/[^0-9]/g, "").length;
    return digits >= 7 && digits <= 20;
  });

/**
 * The survey form as posted by the page: the registry's questions, then the comment. Every
 * question may be skipped; a blank value is the same as no value.
 */
export const SurveyForm = z.object({
  ...(Object.fromEntries(QUESTIONS.map((q) => [q.key, answer(q)])) as AnswerShape),
  comment: typedText(COMMENT_MAX).optional(),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

/**
 * The fields of a request to be contacted, read only when its box is ticked: unticked, they
 * are left over from a change of mind and mean nothing. Blank is the same as not given.
 */
export const ContactForm = z.object({
  contactEmail: z
    .string()
    .transform(oneLine)
    .pipe(z.union([z.literal(""), z.email().max(EMAIL_MAX)]))
    .optional(),
  contactPhone: z
    .string()
    .transform((s) => asciiDigits(oneLine(s)))
    .pipe(z.union([z.literal(""), PhoneNumber]))
    .optional(),
  contactMessage: typedText(CONTACT_MESSAGE_MAX).optional(),
});
export type ContactForm = z.infer<typeof ContactForm>;

const ANSWER_FIELDS = [...QUESTION_KEYS, "comment"] as const;
const CONTACT_FIELDS = ["contactEmail", "contactPhone", "contactMessage"] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** Where an error is shown: a question, a contact field, or the contact group (neither way given). */
export type SurveyField = AnswerField | ContactField | "contactHow";

/** The value of the "contact me" checkbox when ticked. */
export const CONTACT_WANTED = "yes";

/** What the form holds, valid or not, so an invalid page can be shown again as it was sent. */
export type FormValues = Partial<Record<AnswerField | ContactField, string>> & { contact?: typeof CONTACT_WANTED };

export type Answers = QuestionAnswers & { comment: string | null };

/** A request to be contacted as the form gives it; the route adds the consent wording it showed. */
export type ContactDetails = Omit<ContactRequest, "consentText">;

export type ParsedForm =
  | { ok: true; answers: Answers; contact: ContactDetails | null; values: FormValues }
  /** `nothing` is set when the questions were valid but all left blank. */
  | { ok: false; fields: SurveyField[]; nothing: boolean; values: FormValues };

/** Reads a posted urlencoded body (read as text: cheaper than parseBody) into form values. */
export function formValues(params: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const f of [...ANSWER_FIELDS, ...CONTACT_FIELDS]) {
    const v = params.get(f);
    if (v !== null && v !== "") values[f] = v;
  }
  if (params.get("contact") === CONTACT_WANTED) values.contact = CONTACT_WANTED;
  return values;
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The one path from posted values to answers, a contact request and per-field errors. */
export function parseSurveyForm(values: FormValues): ParsedForm {
  const fields: SurveyField[] = [];
  let answers: Answers | undefined;
  const survey = SurveyForm.safeParse(values);
  if (survey.success) {
    const d = survey.data;
    const given = Object.fromEntries(QUESTION_KEYS.map((k) => [k, d[k] ?? null])) as QuestionAnswers;
    answers = { ...given, comment: orNull(d.comment) };
  } else {
    fields.push(...ANSWER_FIELDS.filter((f) => survey.error.issues.some((i) => i.path[0] === f)));
  }
  let contact: ContactDetails | null = null;
  if (values.contact === CONTACT_WANTED) {
    const asked = ContactForm.safeParse(values);
    if (asked.success) {
      const d = asked.data;
      contact = { email: orNull(d.contactEmail), phone: orNull(d.contactPhone), message: orNull(d.contactMessage) };
      if (contact.email === null && contact.phone === null) fields.push("contactHow");
    } else {
      fields.push(...CONTACT_FIELDS.filter((f) => asked.error.issues.some((i) => i.path[0] === f)));
    }
  }
  const nothing = answers !== undefined && QUESTION_KEYS.every((k) => answers[k] === null) && answers.comment === null;
  if (!answers || nothing || fields.length) return { ok: false, fields, nothing, values };
  return { ok: true, answers, contact, values };
}
