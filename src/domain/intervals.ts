/**
 * Confidence intervals for the figures on the dashboard. Pure arithmetic on counts and sums,
 * so the SQL rollup can hand over its counters and every screen, export and report gets the
 * same interval.
 */

/** 97.5th percentile of the standard normal distribution: a two-sided 95% interval. */
export const Z95 = 1.96;

/**
 * Wilson score interval for k successes out of n, as proportions in [0, 1].
 *
 * Wilson rather than the textbook p ± z·√(p(1−p)/n) because the latter collapses to a zero-width
 * interval at 0% and 100% and leaves [0, 1] for small n, exactly the groups a manager looks at.
 *
 * For n = 0 there is no information, so the interval is the whole range {low: 0, high: 1};
 * callers that must show "too few responses" check n themselves (scoreTally does).
 */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } {
  if (!Number.isFinite(k) || !Number.isFinite(n) || n < 0 || k < 0 || k > n) {
    throw new RangeError(`wilson: need 0 <= k <= n, got k=${k}, n=${n}`);
  }
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the bound is exactly 0 or 1 in theory; pin it so float noise
  // (1e-17, 0.9999999999999999) never reaches a label.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * Normal interval for a mean, from the running sums the rollup keeps (n, Σx, Σx²), using the
 * sample standard deviation (n − 1).
 *
 * With n < 2 the spread is unknown, so low = high = mean (n = 0 gives NaN throughout: there is
 * no mean of nothing; scoreTally never shows it). Nothing is clamped here: the caller knows the
 * scale (1–7, 0–100) and clamps to it.
 */
export function meanInterval(
  n: number,
  sum: number,
  sumSq: number,
  z = Z95,
): { mean: number; low: number; high: number } {
  if (n <= 0) return { mean: NaN, low: NaN, high: NaN };
  const mean = sum / n;
  if (n < 2) return { mean, low: mean, high: mean };
  // Σx² − (Σx)²/n can come out a hair below zero when every answer is the same.
  const variance = Math.max(0, (sumSq - (sum * sum) / n) / (n - 1));
  const half = z * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}
