import { describe, expect, test } from "vitest";
import { meanInterval, wilson } from "../../src/domain/intervals";
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

describe("meanInterval", () => {
  test.each([
    // [1..5]: mean 3, s² = (55 − 45)/4 = 2.5, half = 1.96·√(2.5/5) = 1.38593
    { xs: [1, 2, 3, 4, 5], mean: 3, low: 1.61407, high: 4.38593 },
    // one answer: spread unknown, a point
    { xs: [4], mean: 4, low: 4, high: 4 },
    // all the same: zero spread
    { xs: [7, 7, 7], mean: 7, low: 7, high: 7 },
    // [1, 7]: s² = (50 − 32)/1 = 18, half = 1.96·√9 = 5.88; not clamped here
    { xs: [1, 7], mean: 4, low: -1.88, high: 9.88 },
    // [5, 6, 6]: s² = (97 − 289/3)/2 = 1/3, half = 1.96·√(1/9) = 0.65333
    { xs: [5, 6, 6], mean: 17 / 3, low: 17 / 3 - 0.65333, high: 17 / 3 + 0.65333 },
  ])("$xs", ({ xs, mean, low, high }) => {
    const [n, sum, sumSq] = sums(xs);
    const r = meanInterval(n, sum, sumSq);
    expect(r.mean).toBeCloseTo(mean, 5);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
  });

  test("n = 0 has no mean", () => {
    const r = meanInterval(0, 0, 0);
    expect([r.mean, r.low, r.high]).toEqual([NaN, NaN, NaN]);
  });

  test("identical non-integer values never give a NaN from a tiny negative variance", () => {
    const [n, sum, sumSq] = sums([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    const r = meanInterval(n, sum, sumSq);
    expect(r.low).toBeCloseTo(0.1, 6);
    expect(r.high).toBeCloseTo(0.1, 6);
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
