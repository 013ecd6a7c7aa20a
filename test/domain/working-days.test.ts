import { describe, expect, test } from "vitest";
import { addWorkingDays, caseDueDates, isWorkingDay, workingDayOnOrAfter, workingDaysBetween, type DueDateRules } from "../../src/domain/working-days";

/*
 * The calendar behind the cases below. 2026: Christmas Day is a Friday, Boxing Day a Saturday (substitute Monday 28
 * December). 2027: New Year's Day is a Friday and 2 January a Saturday (Scotland's substitute
 * Monday 4 January); Easter Sunday is 28 March, so Good Friday is 26 March and Easter Monday 29 March.
 */

describe("isWorkingDay", () => {
  test.each([
    { date: "2026-12-24", calendar: "england-and-wales", working: true }, // Thursday, Christmas Eve is not a holiday
    { date: "2026-12-25", calendar: "england-and-wales", working: false },
    { date: "2026-12-28", calendar: "england-and-wales", working: false }, // Boxing Day's substitute
    { date: "2027-01-01", calendar: "england-and-wales", working: false },
    { date: "2027-01-02", calendar: "england-and-wales", working: false }, // Saturday
    { date: "2027-01-04", calendar: "england-and-wales", working: true },
    { date: "2027-03-26", calendar: "england-and-wales", working: false }, // Good Friday
    { date: "2027-03-29", calendar: "england-and-wales", working: false }, // Easter Monday
    { date: "2027-03-29", calendar: "scotland", working: true }, // no Easter Monday in Scotland
    { date: "2027-03-29", calendar: "northern-ireland", working: false },
    { date: "2026-01-02", calendar: "scotland", working: false }, // 2 January, a Friday
    { date: "2026-01-02", calendar: "england-and-wales", working: true },
    { date: "2027-01-04", calendar: "scotland", working: false }, // 2 January's substitute
    { date: "2026-11-30", calendar: "scotland", working: false }, // St Andrew's Day, a Monday
    { date: "2026-11-30", calendar: "england-and-wales", working: true },
    { date: "2025-12-01", calendar: "scotland", working: false }, // St Andrew's Day 2025 fell on a Sunday
    { date: "2026-03-17", calendar: "northern-ireland", working: false }, // St Patrick's Day
    { date: "2025-05-09", calendar: "jersey", working: false }, // Liberation Day, a Friday
    { date: "2025-05-09", calendar: "england-and-wales", working: true },
    { date: "2026-12-25", calendar: "none", working: true }, // no holidays at all
    { date: "2026-12-26", calendar: "none", working: false }, // but weekends still
  ] as const)("$date in $calendar: $working", ({ date, calendar, working }) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });
});

describe("addWorkingDays", () => {
  test.each([
    // The example in the code: Thursday 24 December 2026, five working days: 29, 30, 31 December, 4 and 5 January.
    { from: "2026-12-24", days: 5, calendar: "england-and-wales", due: "2027-01-05" },
    // Scotland also stops on Monday 4 January (2 January's substitute).
    { from: "2026-12-24", days: 5, calendar: "scotland", due: "2027-01-06" },
    // Weekends only: 25, 28, 29, 30, 31 December.
    { from: "2026-12-24", days: 5, calendar: "none", due: "2026-12-31" },
    // Easter 2027: from Thursday 25 March, the next working day is Tuesday 30 March in England and
    // Wales, Monday 29 March in Scotland.
    { from: "2027-03-25", days: 1, calendar: "england-and-wales", due: "2027-03-30" },
    { from: "2027-03-25", days: 1, calendar: "scotland", due: "2027-03-29" },
    // Counted from the day after, so a Friday plus one is the Monday.
    { from: "2026-03-06", days: 1, calendar: "england-and-wales", due: "2026-03-09" },
    // Jersey's Liberation Day, Friday 9 May 2025: Thursday plus one is Monday 12 May.
    { from: "2025-05-08", days: 1, calendar: "jersey", due: "2025-05-12" },
    { from: "2025-05-08", days: 1, calendar: "england-and-wales", due: "2025-05-09" },
    // 0 days is the same working day, or the next one.
    { from: "2026-03-04", days: 0, calendar: "england-and-wales", due: "2026-03-04" },
    { from: "2026-12-25", days: 0, calendar: "england-and-wales", due: "2026-12-29" },
  ] as const)("$from + $days in $calendar = $due", ({ from, days, calendar, due }) => {
    expect(addWorkingDays(from, days, calendar)).toBe(due);
  });

  test("across a year's end, each year's holidays are used", () => {
    // 15 working days from 24 December 2026: 29, 30, 31 Dec; 4–8, 11–15 Jan; 18, 19 Jan.
    expect(addWorkingDays("2026-12-24", 15, "england-and-wales")).toBe("2027-01-19");
  });
});

describe("workingDayOnOrAfter", () => {
  test.each([
    { date: "2026-03-04", calendar: "england-and-wales", day: "2026-03-04" },
    { date: "2026-03-07", calendar: "england-and-wales", day: "2026-03-09" }, // Saturday
    { date: "2027-03-26", calendar: "england-and-wales", day: "2027-03-30" }, // Good Friday
    { date: "2027-03-26", calendar: "scotland", day: "2027-03-29" },
  ] as const)("$date in $calendar -> $day", ({ date, calendar, day }) => {
    expect(workingDayOnOrAfter(date, calendar)).toBe(day);
  });
});

describe("workingDaysBetween", () => {
  test.each([
    { from: "2026-12-24", to: "2027-01-05", calendar: "england-and-wales", n: 5 }, // the mirror of addWorkingDays
    { from: "2026-12-24", to: "2027-01-05", calendar: "scotland", n: 4 },
    { from: "2026-12-24", to: "2027-01-05", calendar: "none", n: 8 },
    { from: "2026-03-06", to: "2026-03-09", calendar: "england-and-wales", n: 1 }, // Friday to Monday
    { from: "2026-03-09", to: "2026-03-09", calendar: "england-and-wales", n: 0 },
    { from: "2026-03-09", to: "2026-03-02", calendar: "england-and-wales", n: 0 }, // backwards
    { from: "2026-03-07", to: "2026-03-08", calendar: "england-and-wales", n: 0 }, // a weekend
  ] as const)("$from to $to in $calendar: $n", ({ from, to, calendar, n }) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(n);
  });

  test.each(["england-and-wales", "scotland", "northern-ireland", "jersey", "none"] as const)("undoes addWorkingDays over a year in %s", (calendar) => {
    for (let days = 1; days <= 260; days += 37) expect(workingDaysBetween("2026-12-24", addWorkingDays("2026-12-24", days, calendar), calendar)).toBe(days);
  });
});

describe("caseDueDates", () => {
  const rules = (calendar: DueDateRules["calendar"]): DueDateRules => ({ calendar, acknowledgeDays: 5, respondDays: 15 });

  test("a normal case: 5 and 15 working days from the day after it opened", () => {
    expect(caseDueDates("2026-12-24", false, rules("england-and-wales"))).toEqual({ acknowledgeBy: "2027-01-05", respondBy: "2027-01-19" });
  });

  test.each([
    { opened: "2026-12-24", calendar: "england-and-wales", due: "2026-12-24" }, // a working day: that day
    { opened: "2026-12-25", calendar: "england-and-wales", due: "2026-12-29" }, // Christmas: the next working day
    { opened: "2026-12-25", calendar: "none", due: "2026-12-25" },
    { opened: "2026-11-30", calendar: "scotland", due: "2026-12-01" }, // St Andrew's Day
    { opened: "2026-03-07", calendar: "jersey", due: "2026-03-09" }, // Saturday
  ] as const)("urgent, opened $opened in $calendar: both due $due", ({ opened, calendar, due }) => {
    expect(caseDueDates(opened, true, rules(calendar))).toEqual({ acknowledgeBy: due, respondBy: due });
  });

  test("the numbers of days come from the rules", () => {
    expect(caseDueDates("2026-03-02", false, { calendar: "england-and-wales", acknowledgeDays: 2, respondDays: 10 })).toEqual({
      acknowledgeBy: "2026-03-04",
      respondBy: "2026-03-16",
    });
  });
});
