/**
 * Working days for follow-up cases' due dates: weekends and the public holidays of one of the
 * UK's calendars (or Jersey's), from date-holidays, a maintained library: holiday dates move
 * (Easter, substitute days, one-off bank holidays) and a hand-typed list goes stale.
 * Dates are the organisation's local calendar dates, YYYY-MM-DD.
 */
import Holidays from "date-holidays";

export const WORKING_DAY_CALENDARS = ["england-and-wales", "scotland", "northern-ireland", "jersey", "none"] as const;
export type WorkingDayCalendar = (typeof WORKING_DAY_CALENDARS)[number];

const REGIONS: Record<Exclude<WorkingDayCalendar, "none">, [country: string, state?: string]> = {
  "england-and-wales": ["GB", "ENG"],
  scotland: ["GB", "SCT"],
  "northern-ireland": ["GB", "NIR"],
  jersey: ["JE"],
};

const holidaysByYear = new Map<string, ReadonlySet<string>>();

/** The public holidays (days off for public bodies, not observances) of one year. */
function publicHolidays(calendar: WorkingDayCalendar, year: number): ReadonlySet<string> {
  if (calendar === "none") return new Set();
  const key = `${calendar}:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    const [country, state] = REGIONS[calendar];
    const library = state ? new Holidays(country, state) : new Holidays(country);
    days = new Set(
      library
        .getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(key, days);
  }
  return days;
}

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const nextDay = (date: string) => fromUtc(toUtc(date) + DAY_MS);

export function isWorkingDay(date: string, calendar: WorkingDayCalendar): boolean {
  const weekday = new Date(toUtc(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(calendar, Number(date.slice(0, 4))).has(date);
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(date: string, calendar: WorkingDayCalendar): string {
  let d = date;
  while (!isWorkingDay(d, calendar)) d = nextDay(d);
  return d;
}

/**
 * The `days`-th working day after `date`, counted from the day after (5 working days from
 * Thursday 24 December 2026 in England and Wales is Tuesday 5 January 2027). 0 days is the
 * same working day: `date`, or the next working day when `date` is not one.
 */
export function addWorkingDays(date: string, days: number, calendar: WorkingDayCalendar): string {
  if (days <= 0) return workingDayOnOrAfter(date, calendar);
  let d = date;
  for (let left = days; left > 0; ) {
    d = nextDay(d);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/**
 * Working days from `from` to `to`: those after `from`, up to and including `to` (0 when `to`
 * is not after `from`). A case's age in working days; how late an overdue case is.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingDayCalendar): number {
  let n = 0;
  for (let d = nextDay(from); d <= to; d = nextDay(d)) if (isWorkingDay(d, calendar)) n++;
  return n;
}

export type DueDateRules = { calendar: WorkingDayCalendar; acknowledgeDays: number; respondDays: number };

/** A case's due dates from the local date it opened: urgent cases are due the same working day. */
export function caseDueDates(openedOn: string, urgent: boolean, rules: DueDateRules): { acknowledgeBy: string; respondBy: string } {
  if (urgent) {
    const sameDay = workingDayOnOrAfter(openedOn, rules.calendar);
    return { acknowledgeBy: sameDay, respondBy: sameDay };
  }
  return {
    acknowledgeBy: addWorkingDays(openedOn, rules.acknowledgeDays, rules.calendar),
    respondBy: addWorkingDays(openedOn, rules.respondDays, rules.calendar),
  };
}
