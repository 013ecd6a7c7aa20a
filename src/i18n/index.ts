/**
 * The message catalogue: every word the customer sees or hears, in every language the survey
 * speaks. The survey page, the phone survey's prompts and the invitation email all read from
 * here, so a question is worded the same on every channel.
 *
 *   messages("cy").questions.csat.text          the CSAT question
 *   messages("cy").questions.csat.labels[5]     "Bodlon iawn"
 *   messages("cy").questions.ces.text(orgName)  CES names the organisation
 */
import { RTL_LANGUAGES, type Language } from "../domain/languages";
import type { QuestionKey } from "../domain/measure-registry";
import { ar } from "./ar";
import { cy } from "./cy";
import { en } from "./en";
import { pl } from "./pl";
import { pt } from "./pt";
import type { Messages } from "./types";

export { LANGUAGES, isLanguage, languageFromAcceptHeader, type Language } from "../domain/languages";
export type { Messages, Scale5, Scale7 } from "./types";

// A Record over Language: adding a language to LANGUAGES without a catalogue fails to compile.
const CATALOGUE: Record<Language, Messages> = { en, cy, pl, pt, ar };

export function messages(lang: Language): Messages {
  return CATALOGUE[lang];
}

export function textDirection(lang: Language): "ltr" | "rtl" {
  return RTL_LANGUAGES.includes(lang) ? "rtl" : "ltr";
}

/** A question's text as a plain string (CES needs the organisation's name). */
export function questionText(lang: Language, measure: QuestionKey, org: string): string {
  const text: string | ((org: string) => string) = messages(lang).questions[measure].text;
  return typeof text === "function" ? text(org) : text;
}

/** Formats a moment as a date in the language's own words, e.g. "9 March 2026", "9 Mawrth 2026". */
// Building an Intl formatter costs far more than using one; pages format on every view.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatDate(lang: Language, at: number, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(messages(lang).locale, { day: "numeric", month: "long", year: "numeric", timeZone })));
  return f.format(at);
}

/** Formats a whole number with the language's grouping, e.g. "2,000" or "2 000". */
export function formatNumber(lang: Language, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(messages(lang).locale)));
  return f.format(n);
}
