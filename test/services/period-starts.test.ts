import { expect, test } from "vitest";
import { periodStartOfDate } from "../../src/domain/periods";
import { PERIODS, periodStartsOfDate } from "../../src/services/rollup";

test("the memoised period starts equal the ones worked out from the date, every day of five years, twice over", () => {
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 5 * 366; i++) {
      const date = day(i);
      for (const yearStart of [4, 9]) expect(periodStartsOfDate(date, yearStart)).toEqual(PERIODS.map((p) => periodStartOfDate(date, p, yearStart)));
    }
  }
  expect(periodStartsOfDate("2026-11-23", 4)).toEqual(["2026-11-23", "2026-11-01", "2026-10-01"]);
  expect(periodStartsOfDate("2026-01-01", 4)).toEqual(["2025-12-29", "2026-01-01", "2026-01-01"]);
  // A financial year from September: quarters start in September, December, March and June.
  expect(periodStartsOfDate("2026-01-01", 9)).toEqual(["2025-12-29", "2026-01-01", "2025-12-01"]);
});
