import { toCsv } from "../../domain/csv";
import type { TrackerList } from "./read-tracker";

export const TRACKER_CSV_COLUMNS = [
  "Reference",
  "Recommendation",
  "Source",
  "Responsibility",
  "Owner",
  "Anticipated completion",
  "Themes",
  "Teams",
  "Departments",
  "Review date",
  "Evidence of progress",
  "Category",
  "Assessment",
] as const;

/**
 * The tracker as a spreadsheet: one row per review, oldest first within each action, the
 * action's own columns repeated, so it can be sorted and filtered; an action not yet reviewed
 * has one row with the review columns empty. The same formula guard as every export.
 */
export function trackerCsv(list: TrackerList): string {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join("; ");
  const rows = list.items.flatMap((a) => {
    const head = [a.ref, a.text, a.source, a.responsibility, a.owner?.email ?? null, a.dueDate, names(a.themes), names(a.teams), names(a.departments)];
    if (a.reviews.length === 0) return [[...head, null, null, null, null]];
    return a.reviews.map((r) => [...head, r.date, r.evidence, r.category, r.label]);
  });
  return toCsv(TRACKER_CSV_COLUMNS, rows);
}
