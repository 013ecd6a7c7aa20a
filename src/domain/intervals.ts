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

/** The range a mean's answers can take: CES 1–7, the CSI index 0–100. */
export type Bounds = { min: number; max: number };

/**
 * 95% interval for the mean of answers on a bounded scale, from the running sums the rollup
 * keeps (n, Σx, Σx²), always inside [min, max] and never of zero width.
 *
 * A plain Student-t interval fails exactly where a manager looks: when every answer agrees
 * (all 7s) or there is one answer, the sample spread is 0 and the interval collapses to a
 * point, and for groups that mostly answer at the top of the scale it covers the true mean far
 * less than 95% of the time, because the spread it sees is smaller than the one it misses.
 * So, as Agresti and Coull do for a proportion (add a success and a failure), the spread is
 * taken from the answers plus one pseudo-answer at each end of the scale: n + 2 values,
 * Σx + min + max, Σx² + min² + max². The interval is that padded sample's mean
 * ± t · s / √(n + 2), with t the 97.5th percentile of Student's t on n − 1 degrees of freedom:
 * the pseudo-answers make the spread never zero but are no evidence about it, so they add no
 * degrees of freedom. The padding pulls the interval's centre towards the middle of the scale
 * by O(1/n) (the reported mean is still Σx / n) and is lost in the answers' own spread once n
 * is in the tens. When every answer agrees it lands close to the Wilson interval of the mean
 * as a proportion of the scale's range, and in simulations of skewed 1–7 groups it kept
 * coverage at or above 95% where the plain t interval fell well short.
 *
 * n = 1 has no degrees of freedom, so the interval is the whole scale: one answer says nothing
 * about how far the mean might be from it. n = 0 gives NaN throughout: there is no mean of
 * nothing; scoreTally never shows it.
 */
export function meanInterval(n: number, sum: number, sumSq: number, { min, max }: Bounds): { mean: number; low: number; high: number } {
  if (!(min < max)) throw new RangeError(`meanInterval: need min < max, got [${min}, ${max}]`);
  if (n <= 0) return { mean: NaN, low: NaN, high: NaN };
  const mean = sum / n;
  if (n < 2) return { mean, low: min, high: max };
  const m = n + 2;
  const padSum = sum + min + max;
  const padSumSq = sumSq + min * min + max * max;
  const centre = padSum / m;
  // Σx² − (Σx)²/m can come out a hair below zero only in theory here (the padding keeps the
  // spread positive), but the guard costs nothing.
  const variance = Math.max(0, (padSumSq - (padSum * padSum) / m) / (m - 1));
  const half = studentT975(n - 1) * Math.sqrt(variance / m);
  return { mean, low: Math.max(min, centre - half), high: Math.min(max, centre + half) };
}

/**
 * The 97.5th percentile of Student's t with df degrees of freedom (df ≥ 1; Infinity gives the
 * normal 1.959964), exact to about 1e-12: the two-sided tail P(|T| > t) is the regularized
 * incomplete beta I_x(df/2, 1/2) at x = df / (df + t²), so x is found by bisection where that
 * tail is 0.05 and t = √(df (1 − x) / x). Cached: a dashboard asks for the same few df again
 * and again.
 */
export function studentT975(df: number): number {
  if (df === Infinity) return NORMAL_975;
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`studentT975: need an integer df >= 1, got ${df}`);
  const cached = t975Cache.get(df);
  if (cached !== undefined) return cached;
  // I_x(a, 1/2) rises from 0 at x = 0 to 1 at x = 1; 60 halvings leave an interval of 1e-18.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const x = (lo + hi) / 2;
    if (regularizedBeta(x, df / 2, 0.5) < 0.05) lo = x;
    else hi = x;
  }
  const x = (lo + hi) / 2;
  const t = Math.sqrt((df * (1 - x)) / x);
  t975Cache.set(df, t);
  return t;
}

const NORMAL_975 = 1.959963984540054;
const t975Cache = new Map<number, number>();

/** ln Γ(x) for x > 0: Lanczos (g = 7, 9 terms), relative error about 1e-15. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0]!;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * The regularized incomplete beta I_x(a, b), by its continued fraction (modified Lentz, as in
 * Numerical Recipes' betacf), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the
 * fraction converges slowly.
 */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    // The even step, then the odd step, of the fraction's terms.
    for (const num of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + num * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}
