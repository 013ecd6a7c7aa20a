/** How figures read on screen: one place, so "too few responses" is never a 0%. */
export type FigureLike = { n: number; value: number | null; low: number | null; high: number | null; tooFew: boolean };

export const TOO_FEW = "too few responses";

export function formatValue(f: FigureLike, unit: string): string {
  if (f.value === null) return f.tooFew ? TOO_FEW : "no answers";
  return `${f.value}${unit === "%" ? "%" : ""}`;
}

export function formatInterval(f: FigureLike, unit: string): string {
  if (f.value === null || f.low === null || f.high === null) return `n = ${f.n}`;
  const u = unit === "%" ? "%" : "";
  return `95% interval ${f.low}${u}–${f.high}${u}, n = ${f.n}`;
}

/** For table cells: "43.7–55%, n 300" (the table says these are 95% intervals). */
export function formatShortInterval(f: FigureLike, unit: string): string {
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

export const STATUS_TEXT = { green: "Meets target", amber: "Within 5 points of target", red: "Below target" } as const;

export const CHANNEL_NAMES: Record<string, string> = {
  phone: "Phone",
  email: "Email",
  face_to_face: "Face to face",
  web_chat: "Web chat",
  letter: "Letter",
};

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
