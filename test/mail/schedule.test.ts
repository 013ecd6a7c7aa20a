import { describe, expect, test } from "vitest";
import { inQuietHours, invitationDueAt, leaveQuietHours, parseQuietHours, reminderDueAt, retryDelay } from "../../src/services/mail/schedule";

const london = "Europe/London";
const quiet = parseQuietHours("21:00-08:00");
const cfg = { INVITE_DELAY_MINUTES: 10, QUIET_HOURS: "21:00-08:00", TIMEZONE: london, REMINDER_AFTER_DAYS: 3 };
const iso = (t: number) => new Date(t).toISOString();

describe("quiet hours", () => {
  test.each([
    // winter (GMT = UTC)
    ["2026-01-12T20:59:00Z", "2026-01-12T20:59:00.000Z"],
    ["2026-01-12T21:00:00Z", "2026-01-13T08:00:00.000Z"],
    ["2026-01-12T23:30:00Z", "2026-01-13T08:00:00.000Z"],
    ["2026-01-13T03:00:00Z", "2026-01-13T08:00:00.000Z"],
    ["2026-01-13T08:00:00Z", "2026-01-13T08:00:00.000Z"],
    // summer (BST = UTC+1): 21:30 local is 20:30Z; the end is 08:00 local = 07:00Z
    ["2026-07-01T20:30:00Z", "2026-07-02T07:00:00.000Z"],
    ["2026-07-01T19:59:00Z", "2026-07-01T19:59:00.000Z"],
    // the night the clocks go forward (29 March 2026, 01:00 GMT → 02:00 BST)
    ["2026-03-28T22:00:00Z", "2026-03-29T07:00:00.000Z"],
    // the night the clocks go back (25 October 2026)
    ["2026-10-24T21:00:00Z", "2026-10-25T08:00:00.000Z"],
  ])("a due time of %s moves to %s", (due, expected) => {
    expect(iso(leaveQuietHours(new Date(due).getTime(), quiet, london))).toBe(expected);
  });

  test("a daytime window (12:00-14:00) and no window at all", () => {
    const lunch = parseQuietHours("12:00-14:00");
    expect(iso(leaveQuietHours(Date.parse("2026-01-12T12:30:00Z"), lunch, london))).toBe("2026-01-12T14:00:00.000Z");
    expect(inQuietHours(Date.parse("2026-01-12T14:00:00Z"), lunch, london)).toBe(false);
    expect(inQuietHours(Date.parse("2026-01-12T03:00:00Z"), parseQuietHours("00:00-00:00"), london)).toBe(false);
  });

  test("other time zones: 21:00-08:00 in New York", () => {
    // 02:00Z on 13 Jan is 21:00 in New York (UTC−5): quiet until 08:00 there, 13:00Z.
    expect(iso(leaveQuietHours(Date.parse("2026-01-13T02:00:00Z"), quiet, "America/New_York"))).toBe("2026-01-13T13:00:00.000Z");
  });
});

describe("due times", () => {
  test("the invitation goes ten minutes after the contact, never in the past", () => {
    const now = Date.parse("2026-03-02T10:00:00Z");
    expect(iso(invitationDueAt(now, now - 3_600_000, cfg))).toBe("2026-03-02T10:10:00.000Z");
    expect(iso(invitationDueAt(now, now, cfg))).toBe("2026-03-02T10:10:00.000Z");
  });
  test("a contact at 20:55 is invited at 08:00 the next morning", () => {
    const t = Date.parse("2026-03-02T20:55:00Z");
    expect(iso(invitationDueAt(t, t, cfg))).toBe("2026-03-03T08:00:00.000Z");
  });
  test("the reminder goes three days later, out of quiet hours", () => {
    expect(iso(reminderDueAt(Date.parse("2026-03-02T10:10:00Z"), cfg))).toBe("2026-03-05T10:10:00.000Z");
    expect(iso(reminderDueAt(Date.parse("2026-03-02T22:10:00Z"), cfg))).toBe("2026-03-06T08:00:00.000Z");
  });
  test.each([
    [1, 60_000],
    [2, 120_000],
    [5, 960_000],
    [20, 6 * 3_600_000],
  ])("retry delay after %i failures is %i ms", (n, ms) => {
    expect(retryDelay(n)).toBe(ms);
  });
});
