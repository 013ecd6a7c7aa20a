import { SCALES, type Scores } from "./measures";
import { roundTo } from "./round";
import type { TargetMeasure } from "./targets";

/**
 * The measures as every screen, report and export names them, in the order they are shown:
 * the Scores field each reads, the words people use, the unit and decimals it is shown with,
 * the scale its answers are on (none for a rate), how it is reported, and the target it is
 * judged against (whose amber margin is in targets.ts). The counting itself is
 * measures.ts's tallyOfResponse and scoreTally.
 */
export const HEADLINE_MEASURES = [
  { key: "csat", label: "Satisfaction (CSAT)", unit: "%", decimals: 1, target: "csat", scale: SCALES.csat, reported: "% satisfied (4 or 5 out of 5)" },
  {
    key: "cesMean",
    label: "Ease (CES)",
    unit: "/7",
    decimals: 2,
    target: "ces_mean",
    scale: SCALES.ces,
    reported: "mean on a scale of 1 to 7; higher is easier",
  },
  {
    key: "csiIndex",
    label: "How it felt (CSI)",
    unit: "",
    decimals: 1,
    target: "csi_index",
    scale: SCALES.csi,
    reported: "index from 0 to 100, of answered CSI",
  },
  { key: "fcr", label: "Resolved first time (FCR)", unit: "%", decimals: 1, target: "fcr", scale: null, reported: "% resolved at the first contact" },
  {
    key: "responseRate",
    label: "Response rate",
    unit: "%",
    decimals: 1,
    target: "response_rate",
    scale: null,
    reported: "% of survey links sent that were answered",
  },
] as const satisfies readonly {
  key: keyof Scores;
  label: string;
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
