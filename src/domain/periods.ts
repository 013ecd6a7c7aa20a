/**
 * Reporting periods in the organisation's time zone. A response at 23:30 on 31 March in London
 * belongs to March (and Q1) even though it is already 1 April somewhere else, so every period
 * is worked out from the local calendar date, using Intl (no date library).
 *
 * Calendar dates are "YYYY-MM-DD" strings: they compare and sort as text, and they are what
 * the rollup table stores as period_start. Date arithmetic is done on UTC days, which have no
 * DST, so it is exact.
 */

export const PERIODS = ["week", "month", "quarter", "year"] as const;
export type Period = (typeof PERIODS)[number];

/**
 * The month (1–12) a financial year starts in: 4 for UK councils and most public bodies
 * (April to March). Quarters and years are the financial year's: with April, Q1 is April to
 * June and "2026/27 Q3" is October to December 2026. With 1, they are calendar quarters.
 */
export type YearStart = number;

/** What the report counters are bucketed by: local dates in the zone, and the financial year's quarters. */
export type ReportCalendar = { timeZone: string; yearStart: YearStart };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Ymd = { y: number; m: number; d: number };

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** True for a real calendar date in "YYYY-MM-DD" form: "2025-02-30" and "2025-2-3" are not. */
export function isValidIsoDate(s: string): boolean {
  const match = ISO_DATE.exec(s);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function parse(date: string): Ymd {
  if (!isValidIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split("-").map(Number);
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const format = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMs({ y, m, d }: Ymd): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getTime();
}

function fromUtcMs(ms: number): Ymd {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function addDays(ymd: Ymd, days: number): Ymd {
  return fromUtcMs(utcMs(ymd) + days * DAY_MS);
}

/** Month arithmetic on the first of a month only, so there is no "31 February" to resolve. */
function addMonths({ y, m }: Ymd, months: number): Ymd {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1, d: 1 };
}

/** Months from the start of the financial year to the date's month (0–11). */
function monthsIntoYear(ymd: Ymd, yearStart: YearStart): number {
  if (!Number.isInteger(yearStart) || yearStart < 1 || yearStart > 12) throw new RangeError(`financial year start must be a month 1–12, got ${yearStart}`);
  return (ymd.m - yearStart + 12) % 12;
}

function startOf(ymd: Ymd, period: Period, yearStart: YearStart): Ymd {
  switch (period) {
    case "week": {
      // ISO weeks start on Monday; getUTCDay() counts from Sunday = 0.
      const weekday = new Date(utcMs(ymd)).getUTCDay();
      return addDays(ymd, -((weekday + 6) % 7));
    }
    case "month":
      return { y: ymd.y, m: ymd.m, d: 1 };
    case "quarter":
      return addMonths(ymd, -(monthsIntoYear(ymd, yearStart) % 3));
    case "year":
      return addMonths(ymd, -monthsIntoYear(ymd, yearStart));
  }
}

function step(start: Ymd, period: Period, count: number): Ymd {
  switch (period) {
    case "week":
      return addDays(start, 7 * count);
    case "month":
      return addMonths(start, count);
    case "quarter":
      return addMonths(start, 3 * count);
    case "year":
      return addMonths(start, 12 * count);
  }
}

// Building a DateTimeFormat is far slower than using one, and the rollup calls this per response.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The one cached wall-clock formatter per zone (also used by the CSV import's time parsing). */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what we want: a typo must not fall back to UTC.
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function localParts(epochMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(epochMs)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { y: parts.year, m: parts.month, d: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The calendar date ("YYYY-MM-DD") in the time zone at that instant. */
export function localDate(epochMs: number, timeZone: string): string {
  return format(localParts(epochMs, timeZone));
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const wholeSeconds = Math.floor(epochMs / 1000) * 1000;
  return utcMs(p) + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 - wholeSeconds;
}

/**
 * The first instant of that local date in the zone (usually 00:00; where a DST jump skips
 * midnight, as in some American zones, the moment the day begins).
 *
 * Local midnight is the UTC midnight of the same date minus the zone's offset, but the offset
 * can change within the day. Offsets lie within ±14 h, so local midnight lies within ±14 h of
 * UTC midnight; the offsets at both ends of that window give the candidates, and the earliest
 * candidate that really is on the date is the start of the day.
 */
export function zonedMidnight(date: string, timeZone: string): number {
  const utcMidnight = utcMs(parse(date));
  const window = 14 * 3_600_000;
  const offsets = new Set([offsetAt(utcMidnight - window, timeZone), offsetAt(utcMidnight, timeZone), offsetAt(utcMidnight + window, timeZone)]);
  const candidates = [...offsets].map((o) => utcMidnight - o).sort((a, b) => a - b);
  const start = candidates.find((t) => localDate(t, timeZone) === date);
  if (start === undefined) throw new RangeError(`no local midnight found for ${date} in ${timeZone}`);
  return start;
}

/** The first day of the period containing the date (ISO week: Monday). */
export function periodStartOfDate(date: string, period: Period, yearStart: YearStart): string {
  return format(startOf(parse(date), period, yearStart));
}

/** The first day of the period containing the instant, in the zone's local calendar. */
export function periodStartOf(epochMs: number, period: Period, timeZone: string, yearStart: YearStart): string {
  return periodStartOfDate(localDate(epochMs, timeZone), period, yearStart);
}

/** The first day of the period after the one containing the date. */
export function nextPeriodStart(start: string, period: Period, yearStart: YearStart): string {
  return format(step(startOf(parse(start), period, yearStart), period, 1));
}

/** The first day of the period before the one containing the date ("trend against the previous period"). */
export function previousPeriodStart(start: string, period: Period, yearStart: YearStart): string {
  return format(step(startOf(parse(start), period, yearStart), period, -1));
}

/** The last day of the period containing the date. */
export function periodEndOfDate(date: string, period: Period, yearStart: YearStart): string {
  return format(addDays(step(startOf(parse(date), period, yearStart), period, 1), -1));
}

/** The day before (or after, for a positive count) a date. */
export function shiftDate(date: string, days: number): string {
  return format(addDays(parse(date), days));
}

/**
 * Whether the period containing `start` is not over on `today` (a local date): its figures
 * are still growing, so it is drawn and labelled as partial and never compared as complete.
 */
export function isPartialPeriod(start: string, period: Period, today: string, yearStart: YearStart): boolean {
  return nextPeriodStart(start, period, yearStart) > today;
}

/**
 * The dates a report over [from, to] really counts: whole periods, so from the start of
 * `from`'s period to the end of `to`'s, but no later than today (nothing after it is counted
 * yet). A range wholly in the future keeps its period's end.
 */
export function countedRange(from: string, to: string, period: Period, yearStart: YearStart, today: string): { from: string; to: string } {
  const first = periodStartOfDate(from, period, yearStart);
  const end = periodEndOfDate(to, period, yearStart);
  return { from: first, to: end > today && today >= first ? today : end };
}

/**
 * The starts of every period that overlaps [from, to] (both inclusive), oldest first; so a chart
 * shows an empty week as an empty week rather than skipping it. Empty when from > to.
 */
export function periodStartsBetween(from: string, to: string, period: Period, yearStart: YearStart): string[] {
  const last = format(parse(to));
  const starts: string[] = [];
  if (format(parse(from)) > last) return starts;
  for (let s = startOf(parse(from), period, yearStart); format(s) <= last; s = step(s, period, 1)) {
    starts.push(format(s));
  }
  return starts;
}

/** A financial year by the calendar years it spans: "2026/27", or "2026" when it starts in January. */
function yearLabel(first: Ymd): string {
  return first.m === 1 ? pad(first.y, 4) : `${pad(first.y, 4)}/${pad((first.y + 1) % 100)}`;
}

/**
 * "2025-W03" (ISO week-numbering year), "2025-01", a financial quarter "2026/27 Q3" (the third
 * quarter of the year from April 2026: October to December 2026), a financial year "2026/27".
 */
export function periodLabel(start: string, period: Period, yearStart: YearStart): string {
  const ymd = startOf(parse(start), period, yearStart);
  switch (period) {
    case "week": {
      // The ISO week belongs to the year its Thursday falls in; week 1 holds the first Thursday.
      const thursday = addDays(ymd, 3);
      const dayOfYear = (utcMs(thursday) - utcMs({ y: thursday.y, m: 1, d: 1 })) / DAY_MS;
      return `${pad(thursday.y, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
    }
    case "month":
      return `${pad(ymd.y, 4)}-${pad(ymd.m)}`;
    case "quarter": {
      const year = startOf(ymd, "year", yearStart);
      return `${yearLabel(year)} Q${monthsIntoYear(ymd, yearStart) / 3 + 1}`;
    }
    case "year":
      return yearLabel(ymd);
  }
}

/**
 * localDate, memoised per quarter hour: every zone's offset and DST change falls on a quarter
 * hour, so all instants of one quarter hour share a date unless it straddles local midnight,
 * which checking both its ends catches (those are not memoised). Intl's time-zone formatting
 * is the costly part of placing an answer in its periods. Bounded: forgets all past `limit`.
 */
export function localDateMemo(timeZone: string, limit = 200_000): (epochMs: number) => string {
  const QUARTER = 900_000;
  const memo = new Map<number, string | null>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / QUARTER);
    let day = memo.get(bucket);
    if (day === undefined) {
      if (memo.size >= limit) memo.clear();
      const first = localDate(bucket * QUARTER, timeZone);
      day = first === localDate(bucket * QUARTER + QUARTER - 1, timeZone) ? first : null;
      memo.set(bucket, day);
    }
    return day ?? localDate(epochMs, timeZone);
  };
}
