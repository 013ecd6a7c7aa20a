import type { Scores } from "../../../domain/measures";
import type { TargetMeasure } from "../../../domain/targets";

/** The figures the dashboard headlines, in order; each names its Scores field and target measure. */
export const HEADLINE_MEASURES = [
  { key: "csat", label: "CSAT", unit: "%", target: "csat", decimals: 1 },
  { key: "cesMean", label: "CES", unit: "/7", target: "ces_mean", decimals: 2 },
  { key: "csiIndex", label: "CSI", unit: "", target: "csi_index", decimals: 1 },
  { key: "fcr", label: "FCR", unit: "%", target: "fcr", decimals: 1 },
  { key: "responseRate", label: "Response rate", unit: "%", target: "response_rate", decimals: 1 },
] as const satisfies readonly { key: keyof Scores; label: string; unit: string; target: TargetMeasure; decimals: number }[];

export type MeasureKey = (typeof HEADLINE_MEASURES)[number]["key"];
export const MEASURE_KEYS = HEADLINE_MEASURES.map((m) => m.key) as [MeasureKey, ...MeasureKey[]];

/** Difference between two shown figures, at the figure's own precision; null if either is hidden. */
export function change(now: number | null, before: number | null, decimals: number): number | null {
  if (now === null || before === null) return null;
  const f = 10 ** decimals;
  return Math.round((now - before) * f) / f;
}
