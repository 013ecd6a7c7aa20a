import { computed, type ReadonlySignal } from "@preact/signals";

export type SortDir = "asc" | "desc";
export type SortKey = "name" | "responses" | "csat" | "cesMean" | "csiIndex" | "fcr" | "responseRate";

type Sortable = { group: { name: string }; scores: { responses: number } & Record<Exclude<SortKey, "name" | "responses">, { value: number | null }> };

/**
 * Orders rows of the teams table. Hidden figures (too few responses) always sort last, in
 * either direction, so a small team never tops a "best" or "worst" list on no evidence.
 */
export function sortRows<R extends Sortable>(rows: readonly R[], key: SortKey, dir: SortDir): R[] {
  const sign = dir === "asc" ? 1 : -1;
  const sortValue = (r: R): number | string | null => (key === "name" ? r.group.name : key === "responses" ? r.scores.responses : r.scores[key].value);
  return [...rows].sort((a, b) => {
    const x = sortValue(a);
    const y = sortValue(b);
    if (x === null && y === null) return a.group.name.localeCompare(b.group.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : Number(x) - Number(y);
    return c === 0 ? a.group.name.localeCompare(b.group.name) : sign * c;
  });
}

export const SORT_KEYS: readonly SortKey[] = ["name", "responses", "csat", "cesMean", "csiIndex", "fcr", "responseRate"];

export function parseSort(query: Record<string, string>): { key: SortKey; dir: SortDir } {
  const key = (SORT_KEYS as readonly string[]).includes(query.sort ?? "") ? (query.sort as SortKey) : "name";
  const dir: SortDir = query.dir === "desc" ? "desc" : query.dir === "asc" ? "asc" : key === "name" ? "asc" : "desc";
  return { key, dir };
}

/** Clicking the sorted column flips it; another column starts with the natural direction. */
export function nextSort(current: { key: SortKey; dir: SortDir }, key: SortKey): { key: SortKey; dir: SortDir } {
  if (current.key === key) return { key, dir: current.dir === "asc" ? "desc" : "asc" };
  return { key, dir: key === "name" ? "asc" : "desc" };
}

export function sortedSignal<R extends Sortable>(rows: ReadonlySignal<readonly R[]>, sort: ReadonlySignal<{ key: SortKey; dir: SortDir }>) {
  return computed(() => sortRows(rows.value, sort.value.key, sort.value.dir));
}
