import { ACTION_CATEGORIES, categoryText, type CategoryLabels } from "../../../../src/domain/actions";

/*
 * The tracker's URL and words, pure (no signals, no window): shared by its model and pages, and
 * tested without a browser.
 */

/** The tracker's filters as the URL spells them (the page's own: it has no date range). */
export const TRACKER_FILTERS = ["category", "owner", "theme", "team"] as const;

const CATEGORY_VALUES = ["1", "2", "3", "4", "none"] as const;
const oneOf = <T extends string>(v: string | undefined, choices: readonly T[]): T | undefined => choices.find((c) => c === v);

/** The API's query from the URL's; values the server would refuse are left out. */
export function trackerQuery(q: Record<string, string>) {
  return { category: oneOf(q.category, CATEGORY_VALUES), owner: q.owner || undefined, theme: q.theme || undefined, team: q.team || undefined };
}

/** The CSV of the tracker as filtered. */
export function trackerCsvHref(q: Record<string, string>): string {
  const s = new URLSearchParams(Object.entries(trackerQuery(q)).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return `/dashboard/api/actions/export/tracker.csv${s ? `?${s}` : ""}`;
}

/** The choices of the category filter, in the organisation's words. */
export function categoryChoices(labels: CategoryLabels) {
  return [
    { value: "", label: "Any" },
    ...ACTION_CATEGORIES.map((c) => ({ value: String(c), label: categoryText(c, labels) })),
    { value: "none", label: "Not yet assessed" },
  ];
}

/** The local date today, as the browser sees it: a review's default date. */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** Text cut at a word near `max` characters, for lists; the whole text is on the action's page. */
export function clip(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 30)).trimEnd()}…`;
}

type Reviewed = { reviews: readonly { date: string }[] };

/** An action's previous (0) or latest (1) review: the printed tracker's two columns. */
export function reviewSlot<R extends { date: string }>(a: { reviews: readonly R[] }, which: 0 | 1): R | null {
  const r = a.reviews;
  if (which === 1) return r.at(-1) ?? null;
  return r.length >= 2 ? r.at(-2)! : null;
}

/**
 * The date heading each of the two columns when every action reviewed in it shares it (a
 * committee's review rounds, as in the seed's table), else null and each cell says its own.
 */
export function sharedReviewDates(items: readonly Reviewed[]): [string | null, string | null] {
  const shared = (which: 0 | 1) => {
    const dates = new Set(items.flatMap((a) => reviewSlot(a, which)?.date ?? []));
    return dates.size === 1 ? [...dates][0]! : null;
  };
  return [shared(0), shared(1)];
}
