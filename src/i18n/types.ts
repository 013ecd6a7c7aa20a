import type { Scale } from "../domain/measure-kinds";
import type { Question, QuestionKey } from "../domain/measure-registry";

/** 0, 1, … N. */
type UpTo<N extends number, Counted extends number[] = []> = Counted["length"] extends N ? [...Counted, N][number] : UpTo<N, [...Counted, Counted["length"]]>;
/** A label for every answer on the scale, min to max. */
export type ScaleLabels<S extends Scale> = Record<Exclude<UpTo<S["max"]>, Exclude<UpTo<S["min"]>, S["min"]>>, string>;
export type Scale5 = ScaleLabels<{ min: 1; max: 5 }>;
export type Scale7 = ScaleLabels<{ min: 1; max: 7 }>;

/**
 * A question's words, shaped by its registry entry: a label per answer on its scale or per
 * choice, and its text, a function of the organisation's name when the question names it.
 */
type QuestionWords<Q> = {
  text: Q extends { namesOrg: true } ? (org: string) => string : string;
  labels: Q extends { choices: readonly (infer C extends string)[] } ? Record<C, string> : Q extends { scale: infer S extends Scale } ? ScaleLabels<S> : never;
};

/**
 * The shape every language must fill. Written out (not inferred from English) so that a
 * missing or misspelt key in any language is a compile error, and so that other channels
 * (the phone survey's spoken prompts, the invitation email) can rely on it.
 *
 * Texts that carry a value are functions, so word order can differ per language.
 */
export type Messages = {
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /** The language's name in itself, for the language switcher. */
  languageName: string;
  /** One entry per question of the registry, under its key (CES names the organisation: `text(config.ORG_NAME)`). */
  questions: { [Q in Question as Q["key"]]: QuestionWords<Q> } & {
    comment: { text: string; hint: string };
  };
  page: {
    /** The <title> and main heading of the survey page. */
    title: string;
    intro: string;
    /** Shown after each question's legend: every question may be skipped. */
    optional: string;
    /** Shown when the page was opened from a face in an email (?csat=N). */
    chosen: (label: string) => string;
    submit: string;
    saveChanges: string;
    languageLabel: string;
    /** How many characters the comment may hold, e.g. "2,000". */
    charactersLeft: (max: string) => string;
  };
  /** Asking to be contacted about the answer, at the end of the survey page. */
  contact: {
    legend: string;
    /** The checkbox that reveals the fields. */
    wanted: string;
    /** The group of the two ways to reach the customer (at least one is needed). */
    how: string;
    howHint: string;
    email: string;
    phone: string;
    /** What the customer would like to talk about; shown with page.optional. */
    message: string;
    /** Shown under the fields and stored with the request exactly as shown. */
    consent: string;
  };
  thanks: {
    title: string;
    body: string;
    changeUntil: (date: string) => string;
    changeLink: string;
  };
  edit: {
    title: string;
    intro: (date: string) => string;
    /** The edit window has passed: the saved answers stay as they are. */
    closed: string;
  };
  /** One error per question, under its key: its answer was not one of the choices. */
  errors: Record<QuestionKey, string> & {
    summaryTitle: string;
    commentTooLong: (max: string) => string;
    nothingAnswered: string;
    /** Asked to be contacted, with neither an email address nor a phone number. */
    contactHow: string;
    contactEmail: string;
    contactPhone: string;
    contactMessageTooLong: (max: string) => string;
    /** The form's anti-forgery check failed (usually a page left open for days). */
    formExpiredTitle: string;
    formExpiredBody: string;
    /** A confirmation refused because it came from a program (a link checker, a script), not a person. */
    automatedTitle: string;
    automatedBody: string;
    tooManyTitle: string;
    tooManyBody: string;
    /** The database is briefly out of reach: nothing was saved, try again. */
    unavailableTitle: string;
    unavailableBody: string;
    /** An error on our side. */
    problemTitle: string;
    problemBody: string;
    /** A request that could not be read (a form cut short, a field far too long). */
    badRequestTitle: string;
    badRequestBody: string;
    /** Prefix for the <title> of a page showing errors. */
    titlePrefix: string;
  };
  link: {
    invalidTitle: string;
    invalidBody: string;
    expiredTitle: string;
    expiredBody: string;
  };
};
