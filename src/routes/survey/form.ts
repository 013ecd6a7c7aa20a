import { z } from "zod";
import { FCR_VALUES, type Fcr } from "../../domain/measures";

export const COMMENT_MAX = 2000;

/** A scale answer: a single digit 1..max, or nothing (a skipped question). */
const choice = (max: number) =>
  z
    .string()
    .regex(new RegExp(`^[1-${max}]$`))
    .transform(Number)
    .optional();

/**
 * Control characters no keyboard types: NUL, escape sequences that recolour or clear a terminal
 * when an export is viewed there, and the rest of C0 and DEL. Tabs and line breaks stay.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The survey form as posted by the page. Every question may be skipped; a blank value is
 * the same as no value. Browsers send textarea line breaks as CRLF but count them as one
 * character against maxlength, so they are normalised before the length check.
 */
export const SurveyForm = z.object({
  csat: choice(5),
  ces: choice(7),
  csi: choice(5),
  fcr: z.enum(FCR_VALUES).optional(),
  comment: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(CONTROL, ""))
    .pipe(z.string().max(COMMENT_MAX))
    .optional(),
});
export type SurveyForm = z.infer<typeof SurveyForm>;

export type SurveyField = "csat" | "ces" | "csi" | "fcr" | "comment";
const FIELDS: readonly SurveyField[] = ["csat", "ces", "csi", "fcr", "comment"];

/** What the form holds, valid or not, so an invalid page can be shown again as it was sent. */
export type FormValues = { csat?: string; ces?: string; csi?: string; fcr?: string; comment?: string };

export type Answers = { csat: number | null; ces: number | null; csi: number | null; fcr: Fcr | null; comment: string | null };

export type ParsedForm =
  | { ok: true; answers: Answers; values: FormValues }
  /** `nothing` is set when the form was valid but empty. */
  | { ok: false; fields: SurveyField[]; nothing: boolean; values: FormValues };

/** Reads a posted urlencoded body (read as text: cheaper than parseBody) into form values. */
export function formValues(params: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const f of FIELDS) {
    const v = params.get(f);
    if (v !== null && v !== "") values[f] = v;
  }
  return values;
}

/** The one path from posted values to answers or per-field errors. */
export function parseSurveyForm(values: FormValues): ParsedForm {
  const result = SurveyForm.safeParse(values);
  if (!result.success) {
    const fields = FIELDS.filter((f) => result.error.issues.some((i) => i.path[0] === f));
    return { ok: false, fields, nothing: false, values };
  }
  const d = result.data;
  const comment = d.comment?.trim() ? d.comment.trim() : null;
  const answers: Answers = { csat: d.csat ?? null, ces: d.ces ?? null, csi: d.csi ?? null, fcr: d.fcr ?? null, comment };
  if (answers.csat === null && answers.ces === null && answers.csi === null && answers.fcr === null && comment === null) {
    return { ok: false, fields: [], nothing: true, values };
  }
  return { ok: true, answers, values };
}
