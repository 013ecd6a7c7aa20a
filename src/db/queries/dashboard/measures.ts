import type { Scores } from "../../../domain/measures";
import type { TargetMeasure } from "../../../domain/targets";

/** The figures the dashboard headlines, in order; each names its Scores field and target measure. */
export const HEADLINE_MEASURES = [
  { key: "csat", label: "Satisfaction (CSAT)", unit: "%", target: "csat", decimals: 1 },
  { key: "cesMean", label: "Ease (CES)", unit: "/7", target: "ces_mean", decimals: 2 },
  { key: "csiIndex", label: "How it felt (CSI)", unit: "", target: "csi_index", decimals: 1 },
  { key: "fcr", label: "Resolved first time (FCR)", unit: "%", target: "fcr", decimals: 1 },
  { key: "responseRate", label: "Response rate", unit: "%", target: "response_rate", decimals: 1 },
] as const satisfies readonly { key: keyof Scores; label: string; unit: string; target: TargetMeasure; decimals: number }[];

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
  const f = 10 ** decimals;
  return Math.round((now - before) * f) / f;
}
