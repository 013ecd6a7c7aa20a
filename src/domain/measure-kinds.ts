/**
 * How each kind of question is counted and reported, by name: the rollup counters one answer
 * adds, the figures the counters become, and the targets those figures can be judged against.
 * The registry (measure-registry.ts) says which kind each question is; the names follow from
 * the question's key, so a new question of a known kind needs no code here.
 *
 * - topBox: % answering at the top of the scale (CSAT: 4 or 5 of 5).
 * - meanOfScale: the mean on the scale, and % answering at the top ("easy", CES: 5–7 of 7).
 * - index: the mean rescaled to 0–100, and net = % at the top − % at the bottom (CSI).
 * - yesNo: % choosing the yes choice among all choices (FCR).
 */

export type Scale = { readonly min: number; readonly max: number };

type ScaleQuestion = { readonly key: string; readonly scale: Scale; readonly topBox: number };
export type TopBoxQuestion = ScaleQuestion & { readonly kind: "topBox" };
export type MeanOfScaleQuestion = ScaleQuestion & { readonly kind: "meanOfScale" };
export type IndexQuestion = ScaleQuestion & {
  readonly kind: "index";
  readonly bottomBox: number;
  /** The prefix of the index's own counters (CSI's are idxN, idxSum, idxSumSq). */
  readonly indexCounters: string;
};
export type YesNoQuestion = { readonly key: string; readonly kind: "yesNo"; readonly choices: readonly string[]; readonly yes: string };
export type QuestionSpec = TopBoxQuestion | MeanOfScaleQuestion | IndexQuestion | YesNoQuestion;

type Snake<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${Snake<Rest>}` : S;

/** The rollup counters of a question, by kind. */
export type CountersOf<Q> = Q extends { kind: "topBox"; key: infer K extends string }
  ? `${K}N` | `${K}Pos`
  : Q extends { kind: "meanOfScale"; key: infer K extends string }
    ? `${K}N` | `${K}Sum` | `${K}SumSq` | `${K}Easy`
    : Q extends { kind: "index"; key: infer K extends string; indexCounters: infer I extends string }
      ? `${K}N` | `${K}Pos` | `${K}Neg` | `${I}N` | `${I}Sum` | `${I}SumSq`
      : Q extends { kind: "yesNo"; key: infer K extends string }
        ? `${K}N` | `${K}Yes`
        : never;

/** The figures (Scores fields) a question is reported as, by kind. */
export type FiguresOf<Q> = Q extends { kind: "topBox" | "yesNo"; key: infer K extends string }
  ? K
  : Q extends { kind: "meanOfScale"; key: infer K extends string }
    ? `${K}Mean` | `${K}Easy`
    : Q extends { kind: "index"; key: infer K extends string }
      ? `${K}Index` | `${K}Net`
      : never;

/** The target names of a question's figures: the figures in snake_case. */
export type TargetsOf<Q> = Snake<FiguresOf<Q>>;

/** What a question's answer is: a number on its scale, or one of its choices. */
export type AnswerOf<Q> = Q extends { choices: readonly (infer C)[] } ? C : number;

export function countersOf<Q extends QuestionSpec>(q: Q): CountersOf<Q>[] {
  const k = q.key;
  const names =
    q.kind === "topBox"
      ? [`${k}N`, `${k}Pos`]
      : q.kind === "meanOfScale"
        ? [`${k}N`, `${k}Sum`, `${k}SumSq`, `${k}Easy`]
        : q.kind === "index"
          ? [`${k}N`, `${k}Pos`, `${k}Neg`, `${q.indexCounters}N`, `${q.indexCounters}Sum`, `${q.indexCounters}SumSq`]
          : [`${k}N`, `${k}Yes`];
  return names as CountersOf<Q>[];
}

/** A question's figures, in the order the report lists them. */
export function figuresOf<Q extends QuestionSpec>(q: Q): FiguresOf<Q>[] {
  const k = q.key;
  const names = q.kind === "meanOfScale" ? [`${k}Mean`, `${k}Easy`] : q.kind === "index" ? [`${k}Index`, `${k}Net`] : [k];
  return names as FiguresOf<Q>[];
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A question's target names, in the order the targets list them (alphabetical within a question). */
export function targetsOf<Q extends QuestionSpec>(q: Q): TargetsOf<Q>[] {
  return figuresOf(q).map(snake).sort() as TargetsOf<Q>[];
}

/** Every answer a question accepts, in order: the scale's numbers, or the choices. */
export function answerOptions<Q extends QuestionSpec>(q: Q): AnswerOf<Q>[] {
  if (q.kind === "yesNo") return [...q.choices] as AnswerOf<Q>[];
  const { min, max } = q.scale;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i) as AnswerOf<Q>[];
}
