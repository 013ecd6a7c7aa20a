import { nextPeriodStart, periodStartOfDate, periodStartsBetween, previousPeriodStart, type Period, type YearStart } from "../../../domain/periods";

/** The day before a calendar date (UTC day arithmetic on a date string has no DST). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The same number of whole periods immediately before [from, to]: "change against the previous period". */
export function previousRange(from: string, to: string, period: Period, yearStart: YearStart): { from: string; to: string } {
  const start = periodStartOfDate(from, period, yearStart);
  const count = periodStartsBetween(start, to, period, yearStart).length;
  let prev = start;
  for (let i = 0; i < count; i++) prev = previousPeriodStart(prev, period, yearStart);
  return { from: prev, to: dayBefore(start) };
}

/** The last day of the period starting at `start`. */
export function periodEnd(start: string, period: Period, yearStart: YearStart): string {
  return dayBefore(nextPeriodStart(start, period, yearStart));
}
