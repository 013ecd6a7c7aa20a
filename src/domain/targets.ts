/**
 * Targets as PRODUCT.md shows them: green when the figure meets the target, amber when it is
 * within a few points below it, red when further below. Pure, so the overview, the teams table
 * and the quarterly report colour a figure the same way.
 */

export const TARGET_MEASURES = ["csat", "ces_easy", "ces_mean", "csi_index", "csi_net", "fcr", "response_rate"] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

export type TargetStatus = "green" | "amber" | "red";

/** "Within 5 points" on the 0–100 scales; CES mean is on 1–7, so its amber band is scaled to match (5% of 6). */
export const AMBER_MARGIN: Record<TargetMeasure, number> = {
  csat: 5,
  ces_easy: 5,
  ces_mean: 0.3,
  csi_index: 5,
  csi_net: 5,
  fcr: 5,
  response_rate: 5,
};

/** null when there is no figure to judge (too few responses) or no target. */
export function targetStatus(value: number | null, target: number | null | undefined, measure: TargetMeasure): TargetStatus | null {
  if (value === null || target === null || target === undefined) return null;
  if (value >= target) return "green";
  // Rounded figures: compare with a hair of tolerance so 80.0 against 85 is exactly "within 5".
  return target - value <= AMBER_MARGIN[measure] + 1e-9 ? "amber" : "red";
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
