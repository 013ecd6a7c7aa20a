import { periodStartOfDate, periodStartsBetween, previousPeriodStart, shiftDate, type Period, type YearStart } from "../../../domain/periods";

/** The day before a calendar date. */
export const dayBefore = (date: string): string => shiftDate(date, -1);

/** The same number of whole periods immediately before [from, to]: "change against the previous period". */
export function previousRange(from: string, to: string, period: Period, yearStart: YearStart): { from: string; to: string } {
  const start = periodStartOfDate(from, period, yearStart);
  const count = periodStartsBetween(start, to, period, yearStart).length;
  let prev = start;
  for (let i = 0; i < count; i++) prev = previousPeriodStart(prev, period, yearStart);
  return { from: prev, to: dayBefore(start) };
}
