import { CHANNEL_NAMES as SERVER_CHANNEL_NAMES } from "../../../src/domain/vocabulary";

/**
 * How figures read on screen: one place, so "too few responses" is never a 0%. A measure's
 * figure says why it has no value in `status` ("notApplicable": the response rate of a theme);
 * other figures use the same field for their target colour.
 */
export type FigureLike = { n: number; value: number | null; low: number | null; high: number | null; tooFew: boolean; status?: string | null };

export const TOO_FEW = "too few responses";
export const NOT_APPLICABLE = "not applicable";

export function formatValue(f: FigureLike, unit: string): string {
  if (f.value === null) return f.status === "notApplicable" ? NOT_APPLICABLE : f.tooFew ? TOO_FEW : "no answers";
  return `${f.value}${unit === "%" ? "%" : ""}`;
}

export function formatInterval(f: FigureLike, unit: string): string {
  if (f.status === "notApplicable") return "";
  if (f.value === null || f.low === null || f.high === null) return `n = ${f.n}`;
  const u = unit === "%" ? "%" : "";
  return `95% interval ${f.low}${u}–${f.high}${u}, n = ${f.n}`;
}

/** For table cells: "43.7–55%, n 300" (the table says these are 95% intervals). */
export function formatShortInterval(f: FigureLike, unit: string): string {
  if (f.status === "notApplicable") return "";
  if (f.value === null || f.low === null || f.high === null) return `n ${f.n}`;
  return `${f.low}–${f.high}${unit === "%" ? "%" : ""}, n ${f.n}`;
}

export function formatChange(change: number | null, unit: string): string {
  if (change === null) return "no comparison";
  if (change === 0) return "no change";
  const size = Math.abs(change);
  const u = unit === "%" ? (size === 1 ? " point" : " points") : "";
  return `${change > 0 ? "up" : "down"} ${size}${u}`;
}

/** ▲, ▼ or nothing, beside the words of formatChange (the arrow alone says nothing to a screen reader). */
export function changeArrow(change: number | null): string {
  return change === null || change === 0 ? "" : change > 0 ? "▲" : "▼";
}

/**
 * A distance in a figure's own unit: "5 points" on the 0–100 scales (percentages and the CSI
 * index), a bare "0.3" on a mean's scale such as CES's 1–7 (unit "/7").
 */
export function formatMargin(margin: number, unit: string): string {
  return unit.startsWith("/") ? String(margin) : `${margin} ${margin === 1 ? "point" : "points"}`;
}

/**
 * The words of a target colour. Amber names the margin the figure was judged with, which the
 * server sends; without it (a table whose rows carry no margin) it says so rather than guess.
 */
export function statusText(status: "green" | "amber" | "red", margin?: number | null, unit = "%"): string {
  if (status === "green") return "Meets target";
  if (status === "red") return "Below target";
  return margin === undefined || margin === null ? "Within margin of target" : `Within ${formatMargin(margin, unit)} of target`;
}

/** A period's label in a table, marked when the period is not over yet: "2026-11 (partial)". */
export function periodText(p: { label: string; partial: boolean }): string {
  return p.partial ? `${p.label} (partial)` : p.label;
}

/** Two local dates as one stretch, without repeating what they share: "1–31 Oct 2026", "1 Apr 2026 – 31 Mar 2027". */
export function formatRange(from: string, to: string): string {
  if (from === to) return formatDay(from, true);
  const [fy, fm] = from.split("-");
  const [ty, tm] = to.split("-");
  if (fy !== ty) return `${formatDay(from, true)} – ${formatDay(to, true)}`;
  if (fm !== tm) return `${formatDay(from)} – ${formatDay(to, true)}`;
  return `${Number(from.slice(8))}–${formatDay(to, true)}`;
}

/** A language's English name from its code ("pl" → "Polish"); the code itself if the browser has no name for it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en-GB"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Each channel as people say it (one list, the server's). */
export const CHANNEL_NAMES: Record<string, string> = SERVER_CHANNEL_NAMES;

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/**
 * A local date (YYYY-MM-DD, a due date) as "3 Dec", or "3 Dec 2026" with the year. Read in UTC,
 * so the day shown is the stored day whatever the browser's time zone.
 */
export function formatDay(day: string, withYear = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: withYear ? "numeric" : undefined, timeZone: "UTC" });
}

/** An instant as "3 Dec 2026, 14:05", in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** "1 working day", "4 working days". */
export function workingDays(n: number): string {
  return `${n} working ${n === 1 ? "day" : "days"}`;
}
