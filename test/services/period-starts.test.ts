import { expect, test } from "vitest";
import { periodStartOfDate } from "../../src/domain/periods";
import { PERIODS, periodStartsOfDate } from "../../src/services/rollup";

test("the memoised period starts equal the ones worked out from the date, every day of five years, twice over", () => {
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 5 * 366; i++) {
      const date = day(i);
      expect(periodStartsOfDate(date)).toEqual(PERIODS.map((p) => periodStartOfDate(date, p)));
    }
  }
  expect(periodStartsOfDate("2026-11-23")).toEqual(["2026-11-23", "2026-11-01", "2026-10-01"]);
  expect(periodStartsOfDate("2026-01-01")).toEqual(["2025-12-29", "2026-01-01", "2026-01-01"]);
});
