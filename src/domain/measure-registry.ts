import {
  answerOptions,
  countersOf,
  figuresOf,
  targetsOf,
  type AnswerOf,
  type CountersOf,
  type FiguresOf,
  type QuestionSpec,
  type TargetsOf,
} from "./measure-kinds";
import type { Scores } from "./measures";
import { roundTo } from "./round";
import type { TargetMeasure } from "./targets";

export const FCR_VALUES = ["yes", "partly", "no"] as const;
export type Fcr = (typeof FCR_VALUES)[number];

/**
 * The questions every channel asks, in the order they are asked: the answer's name (the
 * responses column, the form field, the export and import column, the phone prompt), its
 * kind (measure-kinds.ts: how it is counted and reported), and its scale or choices. Their
 * words are in the catalogues (src/i18n), under the same key. A new question adds an entry
 * here, its words, and a migration for its responses column and rollup counters.
 */
export const QUESTIONS = [
  /** Drawn as faces on the survey page, and the one answer the signature strip gives. */
  { key: "csat", kind: "topBox", scale: { min: 1, max: 5 }, topBox: 4, faces: true },
  /** Its text names the organisation. */
  { key: "ces", kind: "meanOfScale", scale: { min: 1, max: 7 }, topBox: 5, namesOrg: true },
  { key: "csi", kind: "index", scale: { min: 1, max: 5 }, topBox: 4, bottomBox: 2, indexCounters: "idx" },
  { key: "fcr", kind: "yesNo", choices: FCR_VALUES, yes: "yes" },
] as const satisfies readonly (QuestionSpec & { faces?: boolean; namesOrg?: boolean })[];

export type Question = (typeof QUESTIONS)[number];
export type QuestionKey = Question["key"];
export type QuestionOf<K extends QuestionKey> = Extract<Question, { key: K }>;
type KeysOf<T extends readonly { key: string }[]> = { readonly [I in keyof T]: T[I]["key"] };
/** The questions' keys as a tuple, so a list such as the export's columns can spread them and stay exact. */
export const QUESTION_KEYS = QUESTIONS.map((q) => q.key) as unknown as KeysOf<typeof QUESTIONS>;

export function isQuestionKey(s: string): s is QuestionKey {
  return (QUESTION_KEYS as readonly string[]).includes(s);
}

export function questionOf<K extends QuestionKey>(key: K): QuestionOf<K> {
  return QUESTIONS.find((q) => q.key === key) as QuestionOf<K>;
}

/** One response's answers to the questions; null means skipped. */
export type QuestionAnswers = { [Q in Question as Q["key"]]: AnswerOf<Q> | null };
export type AnswerValue<K extends QuestionKey> = AnswerOf<QuestionOf<K>>;

/** The rollup counters the questions add, the figures they are reported as, and their targets. */
export type QuestionCounter = CountersOf<Question>;
export type QuestionFigure = FiguresOf<Question>;
export type QuestionTarget = TargetsOf<Question>;
export const QUESTION_FIGURES: readonly QuestionFigure[] = QUESTIONS.flatMap((q) => figuresOf<Question>(q));
export const QUESTION_TARGETS: readonly QuestionTarget[] = QUESTIONS.flatMap((q) => targetsOf<Question>(q));
export const questionCounters = (questions: readonly Question[]): QuestionCounter[] => questions.flatMap((q) => countersOf<Question>(q));

type ScaleQuestion = Extract<Question, { scale: unknown }>;
/** The scales of the scale questions, by key. */
export const SCALES = Object.fromEntries(QUESTIONS.flatMap((q) => ("scale" in q ? [[q.key, q.scale]] : []))) as {
  [Q in ScaleQuestion as Q["key"]]: Q["scale"];
};

/**
 * Answers stored as small numbers (the import keeps a million rows in byte arrays): 0 for
 * skipped, else the answer's place among the question's options counted from 1 (on a scale
 * from 1, the answer itself).
 */
export function answerCode(key: QuestionKey, value: QuestionAnswers[QuestionKey]): number {
  return value === null ? 0 : (answerOptions(questionOf(key)) as readonly unknown[]).indexOf(value) + 1;
}

export function answerOfCode<K extends QuestionKey>(key: K, code: number): AnswerValue<K> | null {
  return code === 0 ? null : ((answerOptions(questionOf(key)) as readonly unknown[])[code - 1] as AnswerValue<K>);
}

/**
 * The headline measures as every screen, report and export names them, in the order they are
 * shown: the Scores field each reads, the words people use (in full and as a column heading),
 * the unit and decimals it is shown with,
 * the scale its answers are on (none for a rate), how it is reported, and the target it is
 * judged against (whose amber margin is in targets.ts). The counting itself is
 * measures.ts's tallyOfResponse and scoreTally, by each question's kind.
 */
export const HEADLINE_MEASURES = [
  {
    key: "csat",
    label: "Satisfaction (CSAT)",
    short: "CSAT",
    unit: "%",
    decimals: 1,
    target: "csat",
    scale: SCALES.csat,
    reported: "% satisfied (4 or 5 out of 5)",
  },
  {
    key: "cesMean",
    label: "Ease (CES)",
    short: "CES",
    unit: "/7",
    decimals: 2,
    target: "ces_mean",
    scale: SCALES.ces,
    reported: "mean on a scale of 1 to 7; higher is easier",
  },
  {
    key: "csiIndex",
    label: "How it felt (CSI)",
    short: "CSI",
    unit: "",
    decimals: 1,
    target: "csi_index",
    scale: SCALES.csi,
    reported: "index from 0 to 100, of answered CSI",
  },
  {
    key: "fcr",
    label: "Resolved first time (FCR)",
    short: "FCR",
    unit: "%",
    decimals: 1,
    target: "fcr",
    scale: null,
    reported: "% resolved at the first contact",
  },
  {
    key: "responseRate",
    label: "Response rate",
    short: "Response rate",
    unit: "%",
    decimals: 1,
    target: "response_rate",
    scale: null,
    reported: "% of survey links sent that were answered",
  },
] as const satisfies readonly {
  key: keyof Scores;
  label: string;
  /** A column heading short enough for a table. */
  short: string;
  unit: string;
  decimals: number;
  target: TargetMeasure;
  scale: { min: number; max: number } | null;
  reported: string;
}[];

export type MeasureKey = (typeof HEADLINE_MEASURES)[number]["key"];
export const MEASURE_KEYS = HEADLINE_MEASURES.map((m) => m.key) as [MeasureKey, ...MeasureKey[]];

type Shown = { n: number; value: number | null };

/**
 * Whether two figures can be compared, and by how much they differ: only when each rests on at
 * least the minimum number of answers for that measure and the current range is over. A change
 * worked out from a handful of answers, or from a month that is half gone, says nothing.
 */
export function comparison(now: Shown, before: Shown, decimals: number, minCount: number, partial: boolean) {
  if (partial) return { status: "partial" as const, change: null };
  if (now.n < minCount || before.n < minCount || now.value === null || before.value === null) return { status: "tooFew" as const, change: null };
  return { status: "ok" as const, change: change(now.value, before.value, decimals) };
}
export type Comparison = ReturnType<typeof comparison>;

/** Difference between two shown figures, at the figure's own precision; null if either is hidden. */
export function change(now: number | null, before: number | null, decimals: number): number | null {
  if (now === null || before === null) return null;
  return roundTo(now - before, decimals);
}
