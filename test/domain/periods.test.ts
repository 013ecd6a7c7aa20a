import { describe, expect, test } from "vitest";
import {
  countedRange,
  isPartialPeriod,
  periodEndOfDate,
  isValidIsoDate,
  localDate,
  nextPeriodStart,
  periodLabel,
  periodStartOf,
  periodStartOfDate,
  periodStartsBetween,
  previousPeriodStart,
  zonedMidnight,
  type Period,
} from "../../src/domain/periods";

const at = (iso: string) => Date.parse(iso);

describe("isValidIsoDate", () => {
  test.each(["2025-01-31", "2024-02-29", "2000-02-29", "2025-12-31", "0001-01-01"])("%s is valid", (s) => {
    expect(isValidIsoDate(s)).toBe(true);
  });
  test.each([
    "2025-02-29", // not a leap year
    "1900-02-29", // century, not divisible by 400
    "2025-02-30",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-1-5",
    "20250105",
    "2025-01-05T00:00",
    " 2025-01-05",
    "",
    "abcd-ef-gh",
  ])("%j is not", (s) => {
    expect(isValidIsoDate(s)).toBe(false);
  });
});

describe("localDate", () => {
  test.each([
    { instant: "2025-01-15T23:30:00Z", zone: "Europe/London", date: "2025-01-15" }, // GMT
    { instant: "2025-03-31T23:30:00Z", zone: "Europe/London", date: "2025-04-01" }, // BST: already April
    { instant: "2025-06-30T23:30:00Z", zone: "Europe/London", date: "2025-07-01" },
    { instant: "2025-06-30T23:30:00Z", zone: "UTC", date: "2025-06-30" },
    { instant: "2025-01-01T04:00:00Z", zone: "America/New_York", date: "2024-12-31" },
    { instant: "2025-06-30T14:30:00Z", zone: "Australia/Sydney", date: "2025-07-01" },
    { instant: "2025-01-01T18:29:59Z", zone: "Asia/Kolkata", date: "2025-01-01" }, // +05:30
    { instant: "2025-01-01T18:30:00Z", zone: "Asia/Kolkata", date: "2025-01-02" },
  ])("$instant in $zone is $date", ({ instant, zone, date }) => {
    expect(localDate(at(instant), zone)).toBe(date);
  });

  test("an unknown zone is an error, not a silent UTC", () => {
    expect(() => localDate(0, "Europe/Londn")).toThrow(RangeError);
  });
});

describe("periodStartOfDate", () => {
  test.each<{ date: string; period: Period; start: string }>([
    { date: "2025-01-15", period: "week", start: "2025-01-13" }, // Wednesday -> Monday
    { date: "2025-01-13", period: "week", start: "2025-01-13" }, // Monday itself
    { date: "2025-01-19", period: "week", start: "2025-01-13" }, // Sunday ends the ISO week
    { date: "2025-01-01", period: "week", start: "2024-12-30" }, // across the year end
    { date: "2024-03-01", period: "week", start: "2024-02-26" }, // across 29 February
    { date: "2025-02-28", period: "month", start: "2025-02-01" },
    { date: "2024-02-29", period: "month", start: "2024-02-01" },
    { date: "2025-01-01", period: "quarter", start: "2025-01-01" },
    { date: "2025-03-31", period: "quarter", start: "2025-01-01" },
    { date: "2025-04-01", period: "quarter", start: "2025-04-01" },
    { date: "2025-08-15", period: "quarter", start: "2025-07-01" },
    { date: "2025-12-31", period: "quarter", start: "2025-10-01" },
  ])("$period of $date starts $start", ({ date, period, start }) => {
    expect(periodStartOfDate(date, period, 4)).toBe(start);
  });

  test.each(["2025-02-30", "2025-1-5", ""])("rejects %j", (date) => {
    expect(() => periodStartOfDate(date, "month", 4)).toThrow(RangeError);
  });
});

describe("periodStartOf (an instant in a zone)", () => {
  test.each<{ instant: string; zone: string; period: Period; start: string }>([
    // 23:30 UTC on 31 March is 00:30 on Tuesday 1 April in London: April, Q2, the week of Monday 31 March
    { instant: "2025-03-31T23:30:00Z", zone: "Europe/London", period: "month", start: "2025-04-01" },
    { instant: "2025-03-31T23:30:00Z", zone: "Europe/London", period: "quarter", start: "2025-04-01" },
    { instant: "2025-03-31T23:30:00Z", zone: "Europe/London", period: "week", start: "2025-03-31" },
    { instant: "2025-03-31T23:30:00Z", zone: "UTC", period: "month", start: "2025-03-01" },
    // 23:30 UTC on Sunday is Monday in Berlin: a new week there, not in UTC
    { instant: "2025-01-19T23:30:00Z", zone: "Europe/Berlin", period: "week", start: "2025-01-20" },
    { instant: "2025-01-19T23:30:00Z", zone: "UTC", period: "week", start: "2025-01-13" },
  ])("$instant in $zone: $period starts $start", ({ instant, zone, period, start }) => {
    expect(periodStartOf(at(instant), period, zone, 4)).toBe(start);
  });
});

describe("next and previous period", () => {
  test.each<{ date: string; period: Period; next: string; previous: string }>([
    { date: "2025-01-13", period: "week", next: "2025-01-20", previous: "2025-01-06" },
    { date: "2024-12-30", period: "week", next: "2025-01-06", previous: "2024-12-23" },
    { date: "2025-01-01", period: "month", next: "2025-02-01", previous: "2024-12-01" },
    { date: "2025-12-01", period: "month", next: "2026-01-01", previous: "2025-11-01" },
    { date: "2025-10-01", period: "quarter", next: "2026-01-01", previous: "2025-07-01" },
    { date: "2025-01-01", period: "quarter", next: "2025-04-01", previous: "2024-10-01" },
    // a date that is not a start is taken as its period
    { date: "2025-01-31", period: "month", next: "2025-02-01", previous: "2024-12-01" },
    { date: "2025-01-15", period: "week", next: "2025-01-20", previous: "2025-01-06" },
  ])("$period of $date: next $next, previous $previous", ({ date, period, next, previous }) => {
    expect(nextPeriodStart(date, period, 4)).toBe(next);
    expect(previousPeriodStart(date, period, 4)).toBe(previous);
  });
});

describe("periodStartsBetween", () => {
  test.each<{ from: string; to: string; period: Period; starts: string[] }>([
    { from: "2025-01-15", to: "2025-03-02", period: "month", starts: ["2025-01-01", "2025-02-01", "2025-03-01"] },
    { from: "2025-01-01", to: "2025-01-13", period: "week", starts: ["2024-12-30", "2025-01-06", "2025-01-13"] },
    { from: "2025-01-06", to: "2025-01-12", period: "week", starts: ["2025-01-06"] },
    { from: "2024-11-30", to: "2025-04-01", period: "quarter", starts: ["2024-10-01", "2025-01-01", "2025-04-01"] },
    { from: "2025-05-05", to: "2025-05-05", period: "month", starts: ["2025-05-01"] },
    { from: "2025-05-05", to: "2025-05-04", period: "month", starts: [] },
  ])("$period from $from to $to", ({ from, to, period, starts }) => {
    expect(periodStartsBetween(from, to, period, 4)).toEqual(starts);
  });
});

describe("zonedMidnight", () => {
  test.each([
    { date: "2025-01-15", zone: "Europe/London", instant: "2025-01-15T00:00:00Z" },
    { date: "2025-07-01", zone: "Europe/London", instant: "2025-06-30T23:00:00Z" },
    // clocks go forward at 01:00 GMT on 30 March 2025: that midnight is still GMT
    { date: "2025-03-30", zone: "Europe/London", instant: "2025-03-30T00:00:00Z" },
    { date: "2025-03-31", zone: "Europe/London", instant: "2025-03-30T23:00:00Z" },
    // clocks go back at 02:00 BST on 26 October 2025: that midnight is still BST
    { date: "2025-10-26", zone: "Europe/London", instant: "2025-10-25T23:00:00Z" },
    { date: "2025-10-27", zone: "Europe/London", instant: "2025-10-27T00:00:00Z" },
    { date: "2025-03-09", zone: "America/New_York", instant: "2025-03-09T05:00:00Z" },
    { date: "2025-01-01", zone: "Asia/Kolkata", instant: "2024-12-31T18:30:00Z" },
    { date: "2025-01-01", zone: "Pacific/Kiritimati", instant: "2024-12-31T10:00:00Z" }, // UTC+14
    // São Paulo's clocks jumped from 00:00 to 01:00 on 4 November 2018: the day began at 01:00 (−02)
    { date: "2018-11-04", zone: "America/Sao_Paulo", instant: "2018-11-04T03:00:00Z" },
  ])("$date in $zone starts at $instant", ({ date, zone, instant }) => {
    expect(zonedMidnight(date, zone)).toBe(at(instant));
  });

  test.each([
    ["2025-03-30", "Europe/London"],
    ["2025-10-26", "Europe/London"],
    ["2025-11-02", "America/New_York"],
    ["2025-04-06", "Australia/Sydney"],
    ["2025-10-05", "Australia/Sydney"],
    ["2024-02-29", "UTC"],
  ])("%s in %s is the first instant of its local date", (date, zone) => {
    const t = zonedMidnight(date, zone);
    expect(localDate(t, zone)).toBe(date);
    expect(localDate(t - 1, zone) < date).toBe(true);
  });

  test("a date a zone skipped has no midnight (Samoa skipped 30 December 2011)", () => {
    expect(() => zonedMidnight("2011-12-30", "Pacific/Apia")).toThrow(RangeError);
  });
});

describe("periodLabel", () => {
  test.each<{ start: string; period: Period; label: string }>([
    { start: "2025-01-13", period: "week", label: "2025-W03" },
    { start: "2025-01-15", period: "week", label: "2025-W03" }, // any day of the week
    { start: "2024-12-30", period: "week", label: "2025-W01" }, // ISO year of its Thursday
    { start: "2020-12-28", period: "week", label: "2020-W53" },
    { start: "2021-01-04", period: "week", label: "2021-W01" },
    { start: "2026-12-28", period: "week", label: "2026-W53" },
    { start: "2025-01-01", period: "month", label: "2025-01" },
    { start: "2025-12-01", period: "month", label: "2025-12" },
    // Financial quarters of a year from April: January to March is the year's fourth.
    { start: "2025-01-01", period: "quarter", label: "2024/25 Q4" },
    { start: "2025-07-01", period: "quarter", label: "2025/26 Q2" },
    { start: "2025-11-20", period: "quarter", label: "2025/26 Q3" },
    { start: "2026-10-01", period: "quarter", label: "2026/27 Q3" },
    { start: "2026-04-01", period: "year", label: "2026/27" },
    { start: "2027-03-31", period: "year", label: "2026/27" },
    { start: "1999-06-01", period: "year", label: "1999/00" },
  ])("$period $start -> $label", ({ start, period, label }) => {
    expect(periodLabel(start, period, 4)).toBe(label);
  });
});

describe("financial years", () => {
  test.each<{ date: string; period: Period; yearStart: number; start: string; label: string }>([
    // From April (UK councils): Q1 April–June; the year April to March.
    { date: "2026-04-01", period: "quarter", yearStart: 4, start: "2026-04-01", label: "2026/27 Q1" },
    { date: "2027-02-14", period: "quarter", yearStart: 4, start: "2027-01-01", label: "2026/27 Q4" },
    { date: "2027-02-14", period: "year", yearStart: 4, start: "2026-04-01", label: "2026/27" },
    { date: "2026-03-31", period: "year", yearStart: 4, start: "2025-04-01", label: "2025/26" },
    // From January: calendar quarters and years.
    { date: "2026-08-15", period: "quarter", yearStart: 1, start: "2026-07-01", label: "2026 Q3" },
    { date: "2026-08-15", period: "year", yearStart: 1, start: "2026-01-01", label: "2026" },
    // From September: quarters that are not calendar ones, and a year across New Year.
    { date: "2026-09-01", period: "quarter", yearStart: 9, start: "2026-09-01", label: "2026/27 Q1" },
    { date: "2026-12-31", period: "quarter", yearStart: 9, start: "2026-12-01", label: "2026/27 Q2" },
    { date: "2027-01-10", period: "quarter", yearStart: 9, start: "2026-12-01", label: "2026/27 Q2" },
    { date: "2026-08-31", period: "quarter", yearStart: 9, start: "2026-06-01", label: "2025/26 Q4" },
    { date: "2027-08-31", period: "year", yearStart: 9, start: "2026-09-01", label: "2026/27" },
  ])("$period of $date from month $yearStart starts $start ($label)", ({ date, period, yearStart, start, label }) => {
    expect(periodStartOfDate(date, period, yearStart)).toBe(start);
    expect(periodLabel(start, period, yearStart)).toBe(label);
  });

  test("a year is twelve months and its end the day before the next", () => {
    expect(nextPeriodStart("2026-05-01", "year", 4)).toBe("2027-04-01");
    expect(previousPeriodStart("2026-05-01", "year", 4)).toBe("2025-04-01");
    expect(periodEndOfDate("2026-05-01", "year", 4)).toBe("2027-03-31");
    expect(periodEndOfDate("2024-02-10", "quarter", 12)).toBe("2024-02-29");
  });

  test.each([0, 13, 4.5])("a financial year start of %s is refused", (yearStart) => {
    expect(() => periodStartOfDate("2026-05-01", "quarter", yearStart)).toThrow(RangeError);
  });
});

describe("partial periods and the dates counted", () => {
  test("the period holding today is partial; the one before is not", () => {
    expect(isPartialPeriod("2026-11-01", "month", "2026-11-30", 4)).toBe(true);
    expect(isPartialPeriod("2026-10-01", "month", "2026-11-30", 4)).toBe(false);
    expect(isPartialPeriod("2026-10-01", "quarter", "2026-12-31", 4)).toBe(true);
    expect(isPartialPeriod("2026-10-01", "quarter", "2027-01-01", 4)).toBe(false);
  });

  test.each([
    // Widened to whole periods, but never past today.
    { from: "2026-10-15", to: "2026-10-20", period: "month" as Period, today: "2026-11-30", counted: { from: "2026-10-01", to: "2026-10-31" } },
    { from: "2026-10-15", to: "2026-11-02", period: "month" as Period, today: "2026-11-30", counted: { from: "2026-10-01", to: "2026-11-30" } },
    { from: "2026-05-15", to: "2026-11-02", period: "year" as Period, today: "2026-11-30", counted: { from: "2026-04-01", to: "2026-11-30" } },
    { from: "2025-05-15", to: "2025-06-02", period: "quarter" as Period, today: "2026-11-30", counted: { from: "2025-04-01", to: "2025-06-30" } },
    // A range wholly in the future keeps its period's end.
    { from: "2027-05-15", to: "2027-05-20", period: "month" as Period, today: "2026-11-30", counted: { from: "2027-05-01", to: "2027-05-31" } },
  ])("$period $from to $to on $today counts $counted.from to $counted.to", ({ from, to, period, today, counted }) => {
    expect(countedRange(from, to, period, 4, today)).toEqual(counted);
  });
});
