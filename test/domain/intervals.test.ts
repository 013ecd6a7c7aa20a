import { describe, expect, test } from "vitest";
import { meanInterval, studentT975, wilson } from "../../src/domain/intervals";
import { roundTo } from "../../src/domain/round";

// Expected values worked by hand from the Wilson formula with z = 1.96
// (centre = (p + z²/2n) / (1 + z²/n), half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)).
describe("wilson", () => {
  test.each([
    { k: 0, n: 0, low: 0, high: 1 }, // no information: the whole range
    { k: 0, n: 1, low: 0, high: 0.7935 },
    { k: 1, n: 1, low: 0.2065, high: 1 },
    { k: 0, n: 10, low: 0, high: 0.2775 },
    { k: 10, n: 10, low: 0.7225, high: 1 },
    { k: 5, n: 10, low: 0.2366, high: 0.7634 },
    { k: 8, n: 10, low: 0.4902, high: 0.9433 },
    { k: 50, n: 100, low: 0.4038, high: 0.5962 },
  ])("$k of $n -> [$low, $high]", ({ k, n, low, high }) => {
    const r = wilson(k, n);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
  });

  test("bounds are exactly 0 and 1 at the extremes, not float noise", () => {
    expect(wilson(0, 7).low).toBe(0);
    expect(wilson(7, 7).high).toBe(1);
  });

  test("a custom z: 5 of 10 at z = 1 -> [0.3492, 0.6508]", () => {
    const r = wilson(5, 10, 1);
    expect(r.low).toBeCloseTo(0.3492, 4);
    expect(r.high).toBeCloseTo(0.6508, 4);
  });

  test.each([
    { k: 11, n: 10 },
    { k: -1, n: 10 },
    { k: 0, n: -1 },
    { k: NaN, n: 10 },
    { k: 1, n: Infinity },
  ])("rejects k=$k, n=$n", ({ k, n }) => {
    expect(() => wilson(k, n)).toThrow(RangeError);
  });
});

const sums = (xs: number[]) => [xs.length, xs.reduce((s, x) => s + x, 0), xs.reduce((s, x) => s + x * x, 0)] as const;

// Two-sided 95% critical values of Student's t from a published table (e.g. NIST/SEMATECH
// e-Handbook 1.3.6.7.2, upper 0.025 column), to the table's three decimals.
describe("studentT975", () => {
  test.each([
    { df: 1, t: 12.706 },
    { df: 2, t: 4.303 },
    { df: 5, t: 2.571 },
    { df: 10, t: 2.228 },
    { df: 30, t: 2.042 },
    { df: 100, t: 1.984 },
  ])("df $df -> $t", ({ df, t }) => {
    expect(roundTo(studentT975(df), 3)).toBe(t);
  });

  test("df 1 and 2 match their closed forms, tan(0.475π) and √(2/(0.05·1.95) − 2)", () => {
    expect(studentT975(1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 10);
    expect(studentT975(2)).toBeCloseTo(Math.sqrt(2 / (0.05 * 1.95) - 2), 10);
  });

  test("tends to the normal 1.959964 and falls as df grows", () => {
    expect(studentT975(Infinity)).toBeCloseTo(1.959964, 6);
    expect(studentT975(100000)).toBeCloseTo(1.959964, 4);
    const ts = [1, 2, 3, 5, 10, 30, 100, 1000].map(studentT975);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeLessThan(ts[i - 1]!);
  });

  test.each([0, -1, 1.5, NaN])("rejects df = %s", (df) => {
    expect(() => studentT975(df)).toThrow(RangeError);
  });
});

const CES = { min: 1, max: 7 };
const INDEX = { min: 0, max: 100 };

// The interval is worked on the answers padded with one pseudo-answer at each end of the scale
// (m = n + 2 values): centre = (Σx + min + max)/m, s² = (Σx² + min² + max² − m·centre²)/(m − 1),
// half = t(n − 1) · √(s²/m), cut to the scale. The mean itself is Σx/n.
describe("meanInterval", () => {
  test.each([
    // CES [3, 4, 5, 5, 6, 7]: Σx = 30, Σx² = 160, mean 5. Padded with 1 and 7: m = 8, Σ = 38,
    // Σ² = 210, centre 4.75, s² = (210 − 38²/8)/7 = (210 − 180.5)/7 = 4.214286,
    // √(s²/8) = 0.725800, t(5) = 2.570582, half = 1.865728 -> [2.884272, 6.615728].
    { xs: [3, 4, 5, 5, 6, 7], bounds: CES, mean: 5, low: 2.884272, high: 6.615728 },
    // CSI index [0, 25, 50, 50, 75, 75, 75, 100, 100, 100]: Σx = 650, Σx² = 52500, mean 65.
    // Padded with 0 and 100: m = 12, Σ = 750, Σ² = 62500, centre 62.5,
    // s² = (62500 − 750²/12)/11 = 15625/11 = 1420.4545, √(s²/12) = 10.879853,
    // t(9) = 2.262157, half = 24.611939 -> [37.888061, 87.111939].
    { xs: [0, 25, 50, 50, 75, 75, 75, 100, 100, 100], bounds: INDEX, mean: 65, low: 37.888061, high: 87.111939 },
    // CES all 7, n = 3: m = 5, Σ = 29, Σ² = 197, centre 5.8, s² = (197 − 29²/5)/4 = 7.2,
    // √(7.2/5) = 1.2, t(2) = 4.302653, half = 5.163183 -> [0.636817, 10.963183], cut to [1, 7].
    { xs: [7, 7, 7], bounds: CES, mean: 7, low: 1, high: 7 },
    // CES all 7, n = 10: m = 12, Σ = 78, Σ² = 540, centre 6.5, s² = (540 − 78²/12)/11 = 3,
    // √(3/12) = 0.5, t(9) = 2.262157, half = 1.131079 -> [5.368921, 7.631079], cut to 7.
    // (The Wilson interval for 10 of 10 on the same range: 1 + 6 · 0.7225 = 5.335.)
    { xs: Array(10).fill(7), bounds: CES, mean: 7, low: 5.368921, high: 7 },
    // CES all 7, n = 30: m = 32, Σ = 218, Σ² = 1520, centre 6.8125,
    // s² = (1520 − 218²/32)/31 = 34.875/31 = 1.125, √(1.125/32) = 0.1875, t(29) = 2.045230,
    // half = 0.383481 -> [6.429019, 7.196481], cut to 7.
    { xs: Array(30).fill(7), bounds: CES, mean: 7, low: 6.429019, high: 7 },
    // CES all 1, n = 30: the mirror image, centre 1.1875 -> [1, 1.570981].
    { xs: Array(30).fill(1), bounds: CES, mean: 1, low: 1, high: 1.570981 },
    // CSI index all 100, n = 30: the CES all-7 case scaled by 100/6: centre 96.875,
    // √(s²/m) = 3.125, half = 6.391343 -> [90.483657, 100].
    { xs: Array(30).fill(100), bounds: INDEX, mean: 100, low: 90.483657, high: 100 },
    // [5, 6, 6]: m = 5, Σ = 25, Σ² = 147, centre 5, s² = (147 − 125)/4 = 5.5,
    // √(5.5/5) = 1.048809, t(2) = 4.302653, half = 4.512660: wider than the scale.
    { xs: [5, 6, 6], bounds: CES, mean: 17 / 3, low: 1, high: 7 },
    // One answer: no degrees of freedom, so nothing is known about the spread: the whole scale.
    { xs: [4], bounds: CES, mean: 4, low: 1, high: 7 },
    { xs: [100], bounds: INDEX, mean: 100, low: 0, high: 100 },
  ])("$xs on [$bounds.min, $bounds.max]", ({ xs, bounds, mean, low, high }) => {
    const [n, sum, sumSq] = sums(xs);
    const r = meanInterval(n, sum, sumSq, bounds);
    expect(r.mean).toBeCloseTo(mean, 6);
    expect(r.low).toBeCloseTo(low, 5);
    expect(r.high).toBeCloseTo(high, 5);
  });

  test.each([
    { xs: [7, 7, 7], bounds: CES },
    { xs: Array(30).fill(7), bounds: CES },
    { xs: [1, 1, 1], bounds: CES },
    { xs: Array(30).fill(1), bounds: CES },
    { xs: Array(200).fill(4), bounds: CES },
    { xs: [6], bounds: CES },
    { xs: [0, 0], bounds: INDEX },
    { xs: Array(1000).fill(100), bounds: INDEX },
  ])("agreeing answers $xs.length × $xs.0 give a non-zero width inside the scale", ({ xs, bounds }) => {
    const [n, sum, sumSq] = sums(xs);
    const r = meanInterval(n, sum, sumSq, bounds);
    expect(r.high - r.low).toBeGreaterThan(0);
    expect(r.low).toBeGreaterThanOrEqual(bounds.min);
    expect(r.high).toBeLessThanOrEqual(bounds.max);
    expect(r.low).toBeLessThanOrEqual(r.mean);
    expect(r.high).toBeGreaterThanOrEqual(r.mean);
  });

  test("the interval narrows as agreeing answers accumulate", () => {
    const widths = [3, 10, 30, 100, 1000].map((n) => {
      const r = meanInterval(n, 7 * n, 49 * n, CES);
      return r.high - r.low;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]!);
  });

  test("with many answers it approaches the plain t interval", () => {
    // 1000 answers, half 5 and half 6: mean 5.5, s² = 0.25·1000/999; plain half =
    // 1.962339 · √(0.250250/1000) = 0.031043.
    const xs = [...Array(500).fill(5), ...Array(500).fill(6)];
    const [n, sum, sumSq] = sums(xs);
    const r = meanInterval(n, sum, sumSq, CES);
    expect(r.low).toBeCloseTo(5.5 - 0.031043, 2);
    expect(r.high).toBeCloseTo(5.5 + 0.031043, 2);
  });

  test("n = 0 has no mean", () => {
    const r = meanInterval(0, 0, 0, CES);
    expect([r.mean, r.low, r.high]).toEqual([NaN, NaN, NaN]);
  });

  test("rejects a scale with no range", () => {
    expect(() => meanInterval(3, 21, 147, { min: 7, max: 7 })).toThrow(RangeError);
  });

  test("identical non-integer values never give a NaN", () => {
    const [n, sum, sumSq] = sums([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    const r = meanInterval(n, sum, sumSq, { min: 0, max: 1 });
    expect(Number.isNaN(r.low) || Number.isNaN(r.high)).toBe(false);
    expect(r.low).toBeLessThan(0.1);
    expect(r.high).toBeGreaterThan(0.1);
  });
});

describe("roundTo", () => {
  test.each([
    { x: 1.005, d: 2, out: 1.01 }, // Math.round(1.005 * 100) / 100 would give 1
    { x: 2.675, d: 2, out: 2.68 },
    { x: 1.45, d: 1, out: 1.5 },
    { x: 66.66666, d: 1, out: 66.7 },
    { x: 6.25, d: 1, out: 6.3 },
    { x: -12.25, d: 1, out: -12.3 }, // half away from zero, mirroring positives
    { x: 0.05, d: 1, out: 0.1 },
    { x: 100, d: 1, out: 100 },
    { x: 12.5, d: 0, out: 13 },
  ])("roundTo($x, $d) = $out", ({ x, d, out }) => {
    expect(roundTo(x, d)).toBe(out);
  });

  test("never -0", () => {
    expect(Object.is(roundTo(-0.04, 1), 0)).toBe(true);
  });
});
