import { addToCounters } from "../db/counters";
import type { Db } from "../db/database";
import { REPORT_ROLLUP, ROLLUP_COLUMNS } from "../db/rollup-table";
import { TALLY_FIELDS, type Tally } from "../domain/measures";
import { localDateMemo, periodStartOfDate, type Period, type ReportCalendar, type YearStart } from "../domain/periods";

/** The periods the rollup keeps; a year is summed from its months when read. */
export const PERIODS: readonly Period[] = ["week", "month", "quarter"];

const startsByDate = new Map<string, readonly string[]>();

/**
 * The start of the week, month and quarter (PERIODS' order) containing a local date, memoised:
 * answers and imports name a few hundred distinct days, and working a start out from the date
 * string each time cost more than the upsert it feeds (4.5 s of an 11 s import in the profile).
 */
export function periodStartsOfDate(date: string, yearStart: YearStart): readonly string[] {
  const key = yearStart === 4 ? date : `${date}|${yearStart}`;
  let starts = startsByDate.get(key);
  if (!starts) {
    if (startsByDate.size >= 20_000) startsByDate.clear();
    startsByDate.set(key, (starts = PERIODS.map((period) => periodStartOfDate(date, period, yearStart))));
  }
  return starts;
}

export { ROLLUP_COLUMNS };

export type RollupKey = {
  occurredAt: number;
  teamId: number;
  staffId: number | null;
  serviceId: number | null;
  channel: string;
};

const localDates = new Map<string, (epochMs: number) => string>();
function localDateIn(timeZone: string): (epochMs: number) => string {
  let f = localDates.get(timeZone);
  if (!f) localDates.set(timeZone, (f = localDateMemo(timeZone)));
  return f;
}

/**
 * Adds a tally (which may be negative, to take an old answer back) to every period's row of
 * the group, for all responses (theme 0) and for each theme the response is tagged with.
 * Must run inside the caller's transaction, so counters and answers change together (inside a
 * group commit the additions are summed and written at its end, still before the commit).
 */
export function applyToRollup(tx: Db, key: RollupKey, themeIds: readonly number[], tally: Tally, calendar: ReportCalendar): void {
  const values = TALLY_FIELDS.map((f) => tally[f]);
  const starts = periodStartsOfDate(localDateIn(calendar.timeZone)(key.occurredAt), calendar.yearStart);
  for (let p = 0; p < PERIODS.length; p++) {
    const period = PERIODS[p]!;
    const start = starts[p]!;
    for (const themeId of [0, ...themeIds]) {
      // Theme rows count responses only: tokens are issued to interactions, not to themes.
      const row = themeId === 0 ? values : values.map((v, i) => (TALLY_FIELDS[i] === "issued" ? 0 : v));
      addToCounters(tx, REPORT_ROLLUP, [period, themeId, start, key.teamId, key.staffId ?? 0, key.serviceId ?? 0, key.channel], row);
    }
  }
}
