/**
 * CSV for the dashboard's exports, shared by the report reader (the responses export) and the
 * browser (every table), so both guard the same way. A cell starting with = + - @ (or a tab or carriage
 * return) would be run as a formula by Excel or Sheets; it is prefixed with ' so it shows as
 * text. Comments are written by the public, so this matters.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r\0]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return csvLine(header) + rows.map(csvLine).join("");
}
