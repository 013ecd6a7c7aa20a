/**
 * The recommendations and actions tracker, as councils keep it ("Progress Update – Customer
 * First"): each review gives an action dated evidence of progress and an assessment in one of
 * four categories. The labels of the categories are the organisation's to word; the numbers
 * are what is stored and compared.
 */

export const ACTION_CATEGORIES = [1, 2, 3, 4] as const;
export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

export const DEFAULT_CATEGORY_LABELS: Readonly<Record<ActionCategory, string>> = {
  1: "Achieved fully",
  2: "On track",
  3: "Slipped",
  4: "Not achieved",
};

export type CategoryLabels = Record<ActionCategory, string>;

/** What an action can address; the API names them in the plural (themes, teams, departments). */
export const ACTION_LINK_KINDS = ["theme", "team", "department"] as const;
export type ActionLinkKind = (typeof ACTION_LINK_KINDS)[number];

export const isActionCategory = (n: unknown): n is ActionCategory => typeof n === "number" && (ACTION_CATEGORIES as readonly number[]).includes(n);

/** A stored category (written only through the validated input, so always 1–4). */
export function asCategory(n: number): ActionCategory {
  if (!isActionCategory(n)) throw new RangeError(`not an assessment category: ${n}`);
  return n;
}

/** The organisation's labels over the defaults; a stored label for another number is ignored. */
export function categoryLabels(stored: readonly { category: number; label: string }[]): CategoryLabels {
  const labels: CategoryLabels = { ...DEFAULT_CATEGORY_LABELS };
  for (const s of stored) if (isActionCategory(s.category)) labels[s.category] = s.label;
  return labels;
}

/** "2 – On track", as the seed's table writes an assessment: the number stays, whatever the wording. */
export function categoryText(category: ActionCategory, labels: CategoryLabels): string {
  return `${category} – ${labels[category]}`;
}

/** References in the order people count them: "CF-2" before "CF-10", whatever the letter case. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}

/** A review of an action: its date (YYYY-MM-DD) and assessment. `id` orders entries made for the same date. */
export type Assessment = { id: number; date: string; category: ActionCategory };

const later = (a: Assessment, b: Assessment) => a.date > b.date || (a.date === b.date && a.id > b.id);

/**
 * The assessment that stands on `asOf` (inclusive; any date when not given): the one with the
 * latest review date, and of two for the same date, the one entered last (a correction).
 */
export function latestAssessment<A extends Assessment>(entries: readonly A[], asOf?: string): A | null {
  let best: A | null = null;
  for (const e of entries) {
    if (asOf !== undefined && e.date > asOf) continue;
    if (best === null || later(e, best)) best = e;
  }
  return best;
}

/** Oldest review first, as the seed's columns run; entries of one date in the order made. */
export function inReviewOrder<A extends Assessment>(entries: readonly A[]): A[] {
  return [...entries].sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1));
}

export type CategoryChange = { from: ActionCategory | null; to: ActionCategory };

/**
 * How an action's assessment moved between the end of one period and the end of the next: the
 * category standing on `before` against the one standing on `asOf`. A first assessment counts
 * as a change (from null); an action with no assessment by `asOf`, or the same category at both
 * ends, has none. Reviews in between that went and came back do not count: the report compares
 * where an action stood at the two quarter ends.
 */
export function categoryChange(entries: readonly Assessment[], before: string, asOf: string): CategoryChange | null {
  const now = latestAssessment(entries, asOf);
  if (now === null) return null;
  const then = latestAssessment(entries, before);
  if (then !== null && then.category === now.category) return null;
  return { from: then?.category ?? null, to: now.category };
}

export type CategoryCounts = Record<ActionCategory, number> & { none: number };

/** How many actions stand in each category; `none` for those not yet assessed. */
export function countByCategory(latest: readonly (ActionCategory | null)[]): CategoryCounts {
  const counts: CategoryCounts = { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 };
  for (const c of latest) {
    if (c === null) counts.none++;
    else counts[c]++;
  }
  return counts;
}

/**
 * Past its anticipated completion date without being assessed as achieved fully: what a
 * committee asks about first. An action with no date is never overdue.
 */
export function isOverdue(dueDate: string | null, latest: ActionCategory | null, today: string): boolean {
  return dueDate !== null && dueDate < today && latest !== 1;
}
