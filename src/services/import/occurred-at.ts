import { isValidIsoDate, localDate, zoneFormatter } from "../../domain/periods";

/*
 * When a historic contact happened. Two forms are accepted:
 *   2025-03-01T10:15:00+01:00, 2025-03-01T09:15:00Z, 2025-03-01 10:15+0100   an instant with its offset
 *   2025-03-01 10:15, 2025-03-01T10:15:30                                    wall-clock time in TIMEZONE
 * Seconds and fractions are optional. A wall-clock time the clocks skip (01:30 on the spring
 * change in London) is refused; one they repeat (01:30 on the autumn change) is taken as the
 * first of the two, summer time, since a file cannot say which was meant.
 *
 * A million rows would call Intl a million times; instead each local date's midnight and
 * length is worked out once, and a time on a day without a clock change is midnight plus
 * the minutes.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ParsedTime = { ok: true; epochMs: number } | { ok: false; message: string };

export type TimeParser = (text: string) => ParsedTime;

/** A parser for one time zone, caching each local day it meets. */
export function occurredAtParser(timeZone: string): TimeParser {
  const days = new Map<string, { midnight: number; length: number }>();
  const day = (date: string, y: number, m: number, d: number) => {
    let info = days.get(date);
    if (!info) {
      const midnight = localMidnight(Date.UTC(y, m - 1, d), timeZone);
      info = { midnight, length: localMidnight(Date.UTC(y, m - 1, d + 1), timeZone) - midnight };
      days.set(date, info);
    }
    return info;
  };

  return (text) => {
    const m = PATTERN.exec(text);
    if (!m)
      return { ok: false, message: "expected an ISO 8601 date-time such as 2025-03-01T10:15:00+00:00, or 2025-03-01 10:15 in the organisation's time zone" };
    const [, ys, mos, ds, hs, mis, ss, frac, offset] = m;
    const date = `${ys}-${mos}-${ds}`;
    if (!isValidIsoDate(date)) return { ok: false, message: `${date} is not a real date` };
    const hour = Number(hs);
    const minute = Number(mis);
    const second = ss === undefined ? 0 : Number(ss);
    if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `${hs}:${mis}${ss ? `:${ss}` : ""} is not a time of day` };
    const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
    const y = Number(ys);
    const mo = Number(mos);
    const d = Number(ds);
    const wall = ((hour * 60 + minute) * 60 + second) * 1000 + ms;
    if (offset !== undefined) {
      const offsetMs = offsetMillis(offset);
      if (offsetMs === null) return { ok: false, message: `${offset} is not a UTC offset` };
      return { ok: true, epochMs: Date.UTC(y, mo - 1, d) + wall - offsetMs };
    }
    const info = day(date, y, mo, d);
    if (info.length === DAY) return { ok: true, epochMs: info.midnight + wall };
    // A day with a clock change: find the instant whose local clock reads this time.
    const epochMs = fromWallClock(Date.UTC(y, mo - 1, d) + wall, timeZone);
    if (epochMs === null) return { ok: false, message: `${text.trim()} does not exist in ${timeZone} (the clocks went forward)` };
    return { ok: true, epochMs };
  };
}

function offsetMillis(offset: string): number | null {
  if (offset.toUpperCase() === "Z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 14 || minutes > 59) return null;
  return (offset[0] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** The local wall clock at an instant, as if it were UTC (epoch ms). */
function wallClockAt(epochMs: number, timeZone: string): number {
  const f = zoneFormatter(timeZone);
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(epochMs)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (((epochMs % 1000) + 1000) % 1000);
}

/**
 * The earliest instant whose local clock reads `wall` (a wall-clock time written as UTC ms),
 * or null when the clocks skip it. Offsets lie within ±14 h and change at most once or twice
 * a day, so the offsets a day either side give every candidate.
 */
function fromWallClock(wall: number, timeZone: string): number | null {
  const offsets = new Set([wall - DAY, wall, wall + DAY].map((t) => wallClockAt(t, timeZone) - t));
  const candidates = [...offsets].map((o) => wall - o).filter((t) => wallClockAt(t, timeZone) === wall);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The first instant of a local date given as its UTC midnight (where 00:00 is skipped, the day's first instant). */
function localMidnight(utcMidnight: number, timeZone: string): number {
  const exact = fromWallClock(utcMidnight, timeZone);
  if (exact !== null) return exact;
  const date = new Date(utcMidnight).toISOString().slice(0, 10);
  for (let t = utcMidnight - 14 * HOUR; t < utcMidnight + 14 * HOUR; t += 15 * 60_000) {
    if (localDate(t, timeZone) === date) return t;
  }
  throw new RangeError(`no start of ${date} in ${timeZone}`);
}
