/**
 * Targets as the dashboard shows them: green when the figure meets the target, amber when it is
 * within a few points below it, red when further below. Pure, so the overview, the teams table
 * and the quarterly report colour a figure the same way.
 */
import { QUESTION_TARGETS, QUESTIONS, type QuestionTarget } from "./measure-registry";

/** Each question's figures in snake_case (measure-kinds.ts), then the response rate. */
export type TargetMeasure = QuestionTarget | "response_rate";
export const TARGET_MEASURES: readonly TargetMeasure[] = [...QUESTION_TARGETS, "response_rate"];

export type TargetStatus = "green" | "amber" | "red";

/** Amber below a target, in the measure's own unit: points on the 0–100 scales. */
const POINTS_MARGIN = 5;
/** Amber below a mean's target: this share of its scale's range. */
const MEAN_MARGIN_OF_RANGE = 0.05;

/**
 * How far below its target each measure may be and still be amber, in its own unit: 5 points
 * for the percentages and indices, and for the mean of a scale 5% of the scale's range; for
 * the CES mean (1–7) that is the configured margin (CES_AMBER_MARGIN, 0.3 by default: 5% of 6).
 */
export function amberMargins(cesMeanMargin: number): Readonly<Record<TargetMeasure, number>> {
  const margins = Object.fromEntries(TARGET_MEASURES.map((m) => [m, POINTS_MARGIN])) as Record<TargetMeasure, number>;
  for (const q of QUESTIONS) {
    if (q.kind !== "meanOfScale") continue;
    const range = q.scale.max - q.scale.min;
    margins[`${q.key}_mean`] = q.key === "ces" ? cesMeanMargin : MEAN_MARGIN_OF_RANGE * range;
  }
  return margins;
}

/** The targets in force and the amber margins they are judged with. */
export type Targets = { rows: readonly TargetRow[]; margins: Readonly<Record<TargetMeasure, number>> };

/** null when there is no figure to judge (too few responses) or no target. */
export function targetStatus(value: number | null, target: number | null | undefined, margin: number): TargetStatus | null {
  if (value === null || target === null || target === undefined) return null;
  if (value >= target) return "green";
  // Rounded figures: compare with a hair of tolerance so 80.0 against 85 is exactly "within 5".
  return target - value <= margin + 1e-9 ? "amber" : "red";
}

export type TargetScope = { departmentId?: number | null; teamId?: number | null };

/** A figure against the most specific target that applies to its group: the target, the colour, and the amber margin in the figure's unit. */
export function judgeFigure(targets: Targets, measure: TargetMeasure, scope: TargetScope, value: number | null) {
  const target = applicableTarget(targets.rows, measure, scope);
  const margin = targets.margins[measure];
  return { target, status: targetStatus(value, target, margin), margin };
}

export type TargetRow = { measure: string; departmentId: number | null; teamId: number | null; value: number };

/**
 * The target that applies to a group: a team's own target beats its department's, which beats
 * the organisation-wide one (no department, no team).
 */
export function applicableTarget(
  targets: readonly TargetRow[],
  measure: TargetMeasure,
  scope: { departmentId?: number | null; teamId?: number | null } = {},
): number | null {
  const forMeasure = targets.filter((t) => t.measure === measure);
  const team = scope.teamId != null ? forMeasure.find((t) => t.teamId === scope.teamId) : undefined;
  if (team) return team.value;
  const dept = scope.departmentId != null ? forMeasure.find((t) => t.departmentId === scope.departmentId && t.teamId === null) : undefined;
  if (dept) return dept.value;
  return forMeasure.find((t) => t.departmentId === null && t.teamId === null)?.value ?? null;
}
