/**
 * Rounds half away from zero to a number of decimals, so 1.005 -> 1.01 and -12.25 -> -12.3
 * (a negative net score rounds like its positive mirror). Plain Math.round(x * 100) / 100 gets
 * 1.005 wrong because 1.005 * 100 is 100.49999999999999; toPrecision(12) removes that noise
 * first. Never returns -0, which would print as "-0".
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(x) * factor).toPrecision(12));
  const rounded = (Math.sign(x) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded;
}
