/**
 * The measures (README, "The measures": one definition everywhere) as pure functions.
 *
 * A response becomes a Tally of additive counters; the database rollup sums tallies per group
 * and period (and subtracts the old tally when an answer changes); scoreTally turns any sum of
 * tallies into the figures every screen, export and report shows.
 */
import { meanInterval, wilson, Z95 } from "./intervals";
import type { IndexQuestion, Scale } from "./measure-kinds";
import {
  FCR_VALUES,
  QUESTIONS,
  questionCounters,
  SCALES,
  type Fcr,
  type Question,
  type QuestionAnswers,
  type QuestionCounter,
  type QuestionFigure,
} from "./measure-registry";
import { roundTo } from "./round";

export { FCR_VALUES, SCALES, type Fcr };

/** One response's answers (QuestionAnswers: null means skipped); commentSentiment is in [-1, 1]. */
export type Answers = QuestionAnswers & {
  commentSentiment: number | null;
  /** Whether the customer left a comment (counted for each theme's share of comments). */
  commented?: boolean;
  /** Whether the answer is to a survey token (its interaction was sent one): the response rate counts only these. */
  tokened?: boolean;
};

/**
 * The counters beside the questions' (whose names follow from each question's kind):
 * - commented: responses that came with a comment, the denominator of each theme's share of comments;
 * - knownContacts, knownRepeated, knownRequests: repeat contact (repeat-contact.ts), counted per
 *   interaction like issued: contacts by a known customer about a named service, those a later
 *   contact repeated, and those repeating none (each chain of repeats is one request);
 * - answered: responses to a survey token, the response rate's numerator;
 * - sentimentN, sentimentPos, sentimentNeg: comments with a sentiment score, and of them the
 *   positive (c > 0) and the negative (c < 0).
 */
const OTHER_COUNTERS = ["commented", "knownContacts", "knownRepeated", "knownRequests", "answered", "sentimentN", "sentimentPos", "sentimentNeg"] as const;

export type TallyField = "issued" | "responses" | QuestionCounter | (typeof OTHER_COUNTERS)[number];
export type Tally = Record<TallyField, number>;

/**
 * The rollup table was made with the first four questions' counters before the others; a
 * question added since appends its counters, so no existing column moves.
 */
const FIRST_QUESTIONS = 4;

/** The counters in a fixed order; the rollup table has the same names in snake_case. */
export const TALLY_FIELDS: readonly TallyField[] = [
  "issued",
  "responses",
  ...questionCounters(QUESTIONS.slice(0, FIRST_QUESTIONS)),
  ...OTHER_COUNTERS,
  ...questionCounters(QUESTIONS.slice(FIRST_QUESTIONS)),
];

function mapTally(f: (field: TallyField) => number): Tally {
  const t = {} as Tally;
  for (const field of TALLY_FIELDS) t[field] = f(field);
  return t;
}

export function emptyTally(): Tally {
  return mapTally(() => 0);
}

export function addTallies(a: Tally, b: Tally): Tally {
  return mapTally((f) => a[f] + b[f]);
}

/** Takes a response back out of the rollup when its answers change. 0 - x, so 0 stays +0. */
export function negateTally(t: Tally): Tally {
  return mapTally((f) => 0 - t[f]);
}

// The edge validates answers with zod; an out-of-scale value reaching the domain is a bug, and
// counting it would silently skew every figure it is summed into, so it throws.
function checkAnswer(q: Question, v: unknown): void {
  if (v === null) return;
  if (q.kind === "yesNo") {
    if (!(q.choices as readonly unknown[]).includes(v)) throw new RangeError(`${q.key} must be ${q.choices.join("/")}, got ${v}`);
    return;
  }
  const { min, max } = q.scale;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${q.key} must be an integer from ${min} to ${max}, got ${v}`);
  }
}

function checkAnswers(a: Answers): void {
  for (const q of QUESTIONS) checkAnswer(q, a[q.key]);
  const c = a.commentSentiment;
  if (c !== null && !(c >= -1 && c <= 1)) throw new RangeError(`commentSentiment must be in [-1, 1], got ${c}`);
}

/** An index question's answer on its 0–100 index: (answer − min) rescaled, so CSI's is (csi − 1) × 25. */
function indexValue(q: IndexQuestion, v: number): number {
  return ((v - q.scale.min) * 100) / (q.scale.max - q.scale.min);
}

/**
 * The response's value on the CSI index (0–100): (csi − 1) × 25 when CSI was answered, else
 * null. A comment's sentiment never stands in for a skipped answer: it is another instrument
 * (it agreed with answered CSI at a correlation of 0.35 in the demo data) that reads only some
 * languages, so it is its own figure, "comment sentiment".
 */
export function csiIndexValue(a: Answers): number | null {
  const csi = QUESTIONS.find((q) => q.key === "csi")!;
  return a.csi === null ? null : indexValue(csi, a.csi);
}

/** A question's counters, written by name: the names are its kind's (measure-kinds.ts). */
type Counters = Record<string, number>;

/** Adds one answer (checked, never null) to the counters its question's kind keeps. */
function countAnswer(t: Counters, q: Question, v: number | string): void {
  const k = q.key;
  t[`${k}N`] = 1;
  switch (q.kind) {
    case "topBox":
      t[`${k}Pos`] = Number(v) >= q.topBox ? 1 : 0;
      return;
    case "meanOfScale":
      t[`${k}Sum`] = Number(v);
      t[`${k}SumSq`] = Number(v) * Number(v);
      t[`${k}Easy`] = Number(v) >= q.topBox ? 1 : 0;
      return;
    case "index": {
      t[`${k}Pos`] = Number(v) >= q.topBox ? 1 : 0;
      t[`${k}Neg`] = Number(v) <= q.bottomBox ? 1 : 0;
      const idx = indexValue(q, Number(v));
      t[`${q.indexCounters}N`] = 1;
      t[`${q.indexCounters}Sum`] = idx;
      t[`${q.indexCounters}SumSq`] = idx * idx;
      return;
    }
    case "yesNo":
      t[`${k}Yes`] = v === q.yes ? 1 : 0;
  }
}

/** One response as counters (responses = 1; tokens are counted when issued, not here). */
export function tallyOfResponse(a: Answers): Tally {
  checkAnswers(a);
  const t = emptyTally();
  t.responses = 1;
  for (const q of QUESTIONS) {
    const v = a[q.key];
    if (v !== null) countAnswer(t, q, v);
  }
  if (a.commented) t.commented = 1;
  if (a.tokened) t.answered = 1;
  const c = a.commentSentiment;
  if (c !== null) {
    t.sentimentN = 1;
    t.sentimentPos = c > 0 ? 1 : 0;
    t.sentimentNeg = c < 0 ? 1 : 0;
  }
  return t;
}

/**
 * Why a figure has a value or not: `ok`; `tooFew`, fewer answers than the minimum (n is kept);
 * `notApplicable`, the figure has no meaning for the group (a response rate per theme: tokens
 * are sent for contacts, not for themes).
 */
export type FigureStatus = "ok" | "tooFew" | "notApplicable";

/** Every figure carries its n and its status; value/low/high are null unless the status is ok. */
type Figure = { n: number; value: number | null; low: number | null; high: number | null; tooFew: boolean; status: FigureStatus };
/** Percentages 0–100, 1 decimal, Wilson 95% interval. */
export type Proportion = Figure;
/** CES mean on 1–7 (2 decimals) or CSI index on 0–100 (1 decimal), Student-t 95% interval. */
export type Mean = Figure;
/** Net sentiment: % answering 4–5 minus % answering 1–2, in [-100, 100], 1 decimal. */
export type Net = Figure;
/** A count per count (contacts per request), 2 decimals, interval from the inverse proportion's. */
export type Ratio = Figure;

export type Scores = {
  responses: number;
  issued: number;
  /** Responses to a survey token (the response rate's numerator), and those without one, such as imported history, counted apart. */
  answered: number;
  withoutToken: number;
} & Record<QuestionFigure, Figure> & {
    responseRate: Proportion;
    /** Observed FCR: the share of contacts by a known customer that no repeat contact followed. */
    fcrObserved: Proportion;
    /** NI 14, avoidable contact: contacts per request (2 decimals), n = the contacts. */
    contactsPerRequest: Ratio;
    /** Comment sentiment, n = comments scored: the share positive, the share negative, and net (positive minus negative). */
    sentimentPositive: Proportion;
    sentimentNegative: Proportion;
    sentimentNet: Net;
  };

/**
 * perTheme: the tally is a theme's, which counts responses only; the response rate and the
 * repeat-contact figures are not applicable to it.
 */
export type ScoreOptions = { minCount: number; perTheme?: boolean };

function hidden(n: number, tooFew: boolean): Figure {
  return { n, value: null, low: null, high: null, tooFew, status: tooFew ? "tooFew" : "notApplicable" };
}

const NOT_APPLICABLE: Figure = Object.freeze({ n: 0, value: null, low: null, high: null, tooFew: false, status: "notApplicable" as const });

function proportion(k: number, n: number, minCount: number): Proportion {
  const tooFew = n < minCount;
  if (tooFew || n === 0) return hidden(n, tooFew);
  const { low, high } = wilson(k, n);
  return { n, value: roundTo((100 * k) / n, 1), low: roundTo(100 * low, 1), high: roundTo(100 * high, 1), tooFew, status: "ok" };
}

function mean(n: number, sum: number, sumSq: number, minCount: number, scale: Scale, decimals: number): Mean {
  const tooFew = n < minCount;
  if (tooFew || n === 0) return hidden(n, tooFew);
  // meanInterval keeps the interval inside the scale; only rounding is left.
  const m = meanInterval(n, sum, sumSq, scale);
  const round = (x: number) => roundTo(x, decimals);
  return { n, value: round(m.mean), low: round(m.low), high: round(m.high), tooFew, status: "ok" };
}

/**
 * Contacts per request = contacts ÷ requests, where every request is one of the contacts, so
 * it is 1 ÷ p for p = requests ÷ contacts: its interval is Wilson's for p, inverted. No value
 * when there is no request at all (every contact repeats one from before the range).
 */
function perRequest(contacts: number, requests: number, minCount: number): Ratio {
  const tooFew = contacts < minCount;
  if (tooFew || contacts === 0 || requests === 0) return hidden(contacts, tooFew);
  const { low, high } = wilson(requests, contacts);
  return { n: contacts, value: roundTo(contacts / requests, 2), low: roundTo(1 / high, 2), high: roundTo(1 / low, 2), tooFew, status: "ok" };
}

/**
 * Net sentiment d = p⁺ − p⁻ with the normal interval for a difference of two proportions of the
 * same multinomial sample: Var(d) = (p⁺ + p⁻ − d²) / n (the two shares are negatively
 * correlated, so their variances do not simply add).
 */
function net(pos: number, neg: number, n: number, minCount: number): Net {
  const tooFew = n < minCount;
  if (tooFew || n === 0) return hidden(n, tooFew);
  const pPos = pos / n;
  const pNeg = neg / n;
  const d = pPos - pNeg;
  const half = Z95 * Math.sqrt(Math.max(0, pPos + pNeg - d * d) / n);
  const pct = (x: number) => roundTo(100 * Math.min(1, Math.max(-1, x)), 1);
  return { n, value: pct(d), low: pct(d - half), high: pct(d + half), tooFew, status: "ok" };
}

/** A question's figures from the summed counters, by its kind, in the order the report lists them. */
function questionFigures(t: Tally, q: Question, minCount: number): [string, Figure][] {
  const c = t as Readonly<Counters>;
  const k = q.key;
  switch (q.kind) {
    case "topBox":
      return [[k, proportion(c[`${k}Pos`]!, c[`${k}N`]!, minCount)]];
    case "meanOfScale":
      return [
        [`${k}Mean`, mean(c[`${k}N`]!, c[`${k}Sum`]!, c[`${k}SumSq`]!, minCount, q.scale, 2)],
        [`${k}Easy`, proportion(c[`${k}Easy`]!, c[`${k}N`]!, minCount)],
      ];
    case "index": {
      const i = q.indexCounters;
      return [
        [`${k}Index`, mean(c[`${i}N`]!, c[`${i}Sum`]!, c[`${i}SumSq`]!, minCount, { min: 0, max: 100 }, 1)],
        [`${k}Net`, net(c[`${k}Pos`]!, c[`${k}Neg`]!, c[`${k}N`]!, minCount)],
      ];
    }
    case "yesNo":
      return [[k, proportion(c[`${k}Yes`]!, c[`${k}N`]!, minCount)]];
  }
}

/**
 * All the figures for one group's summed tally. A measure with fewer answers than
 * opts.minCount keeps its n but shows no value ("too few responses"), never 0% or 100%.
 *
 * The response rate is answers to survey tokens ÷ tokens issued (n = the tokens, and the
 * minimum applies to them). Answers without a token (imported history, the signature strip)
 * are on neither side: they are `withoutToken`.
 */
export function scoreTally(t: Tally, opts: ScoreOptions): Scores {
  const { minCount } = opts;
  const perTheme = opts.perTheme === true;
  // Answers counted against tokens issued in another group's row (never, as both are counted
  // on the interaction) would make a rate above 100%; it is not applicable rather than wrong.
  const responseRate = perTheme || t.answered > t.issued ? NOT_APPLICABLE : proportion(t.answered, t.issued, minCount);
  const questions = Object.fromEntries(QUESTIONS.flatMap((q) => questionFigures(t, q, minCount))) as Record<QuestionFigure, Figure>;
  return {
    responses: t.responses,
    issued: t.issued,
    answered: t.answered,
    withoutToken: t.responses - t.answered,
    ...questions,
    responseRate,
    fcrObserved: perTheme ? NOT_APPLICABLE : proportion(t.knownContacts - t.knownRepeated, t.knownContacts, minCount),
    contactsPerRequest: perTheme ? NOT_APPLICABLE : perRequest(t.knownContacts, t.knownRequests, minCount),
    sentimentPositive: proportion(t.sentimentPos, t.sentimentN, minCount),
    sentimentNegative: proportion(t.sentimentNeg, t.sentimentN, minCount),
    sentimentNet: net(t.sentimentPos, t.sentimentNeg, t.sentimentN, minCount),
  };
}
