import { DAY, MINUTE } from "../../clock";
import { localDate, zonedMidnight } from "../../domain/periods";

/*
 * When an email may go out. Pure functions of the time, the quiet hours and the time zone.
 */

export type QuietHours = { start: number; end: number };

/** "21:00-08:00" → minutes of the day { start: 1260, end: 480 }; equal ends mean none. */
export function parseQuietHours(spec: string): QuietHours {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(spec);
  if (!match) throw new RangeError(`quiet hours must be HH:MM-HH:MM, got ${spec}`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  return { start: h1 * 60 + m1, end: h2 * 60 + m2 };
}

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();
function minutesOfDay(t: number, timeZone: string): number {
  let f = minuteFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    minuteFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The instant a local wall-clock time happens on a date (after a DST jump, the first valid minute). */
function localInstant(date: string, minutes: number, timeZone: string): number {
  const guess = zonedMidnight(date, timeZone) + minutes * MINUTE;
  // A DST change between midnight and that time shifts the wall clock by the difference.
  const drift = minutesOfDay(guess, timeZone) - minutes;
  return drift === 0 ? guess : guess - drift * MINUTE;
}

export function inQuietHours(t: number, quiet: QuietHours, timeZone: string): boolean {
  if (quiet.start === quiet.end) return false;
  const m = minutesOfDay(t, timeZone);
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** A due time inside quiet hours moves to the end of them; any other time stays. */
export function leaveQuietHours(t: number, quiet: QuietHours, timeZone: string): number {
  if (!inQuietHours(t, quiet, timeZone)) return t;
  const date = localDate(t, timeZone);
  const m = minutesOfDay(t, timeZone);
  const endsTomorrow = quiet.start > quiet.end && m >= quiet.start;
  return localInstant(endsTomorrow ? nextDate(date) : date, quiet.end, timeZone);
}

export type ScheduleConfig = { INVITE_DELAY_MINUTES: number; QUIET_HOURS: string; TIMEZONE: string; REMINDER_AFTER_DAYS: number };

/** The invitation: a delay after the contact (never before now), then out of quiet hours. */
export function invitationDueAt(now: number, occurredAt: number, c: ScheduleConfig): number {
  const at = Math.max(now, occurredAt) + c.INVITE_DELAY_MINUTES * MINUTE;
  return leaveQuietHours(at, parseQuietHours(c.QUIET_HOURS), c.TIMEZONE);
}

/** The reminder: REMINDER_AFTER_DAYS after the invitation went, then out of quiet hours. */
export function reminderDueAt(sentAt: number, c: ScheduleConfig): number {
  return leaveQuietHours(sentAt + c.REMINDER_AFTER_DAYS * DAY, parseQuietHours(c.QUIET_HOURS), c.TIMEZONE);
}

/** How long to wait after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelay(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE);
}

/** Attempts before an email is marked failed for good (about 20 hours of backing off). */
export const MAX_ATTEMPTS = 12;

/** At most one invitation per address in this period, across all interactions. */
export const INVITATION_GAP = 14 * DAY;
