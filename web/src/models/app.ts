import { computed, signal } from "@preact/signals";
import { PERIODS, type Period } from "../../../src/domain/periods";
import { api, ok, setCsrfToken, type Me, type Options } from "../api";
import { createLoader } from "./loader";
import { createUrlModel } from "./url";
import { SENTIMENTS, TREND_SPLITS, type TrendSplit } from "../../../src/domain/vocabulary";

/** The signed-in user, the filter choices and the URL: the state every page shares. */
export const url = createUrlModel();
export const me = signal<Me | null>(null);
export const options = signal<Options | null>(null);
export const startupError = signal<string | null>(null);
export const isAdmin = computed(() => me.value?.role === "admin");

export async function boot(): Promise<void> {
  try {
    const who = await ok(api.me.$get());
    setCsrfToken(who.csrfToken);
    me.value = who;
    options.value = await ok(api.options.$get());
  } catch (e) {
    startupError.value = e instanceof Error ? e.message : String(e);
  }
}

export async function signOut(): Promise<void> {
  await ok(api.logout.$post());
  window.location.assign("/dashboard/login");
}

/** Narrows a URL value to one of the API's choices; anything else is left out (the server would refuse it). */
function oneOf<T extends string>(v: string | undefined, choices: readonly T[]): T | undefined {
  return choices.find((c) => c === v);
}

/** The shared filters plus the page-specific keys a loader needs, as the API's query. */
export const shared = url.shared;

/** The period the URL names, or the server's default, month. */
export const period = computed<Period>(() => oneOf(url.query.value.period, PERIODS) ?? "month");

/**
 * The range a view counts when the URL names no dates: the Overview's last complete period
 * ("lastComplete"), or the last few periods up to today of the views over time ("recent").
 */
export type RangeDefault = "lastComplete" | "recent";

type DateRange = { from: string; to: string };

/** What the date boxes show: the URL's dates, else the range the server counts without them. */
export function datesShown(which: RangeDefault): { from: string | undefined; to: string | undefined } {
  const q = url.query.value;
  const o = options.value;
  const fallback: DateRange | undefined = o ? (which === "lastComplete" ? o.overviewRanges : o.defaultRanges)[period.value] : undefined;
  return { from: q.from ?? fallback?.from, to: q.to ?? fallback?.to };
}

/**
 * Sets one date box. The other goes into the URL as it was shown, so the figures count the
 * two dates on screen rather than the server's default for a missing one; an end before the
 * new start becomes today (or the start, if later), as the server would take it.
 */
export function setDate(which: RangeDefault, key: "from" | "to", value: string): void {
  const shown = datesShown(which);
  if (!value) {
    url.setParam(key, null);
    return;
  }
  if (key === "to") {
    url.setParams({ to: value, from: shown.from && shown.from <= value ? shown.from : value });
    return;
  }
  // The views over time reach up to today: their default range ends on it.
  const today = options.value?.defaultRanges[period.value].to;
  const end = shown.to && shown.to >= value ? shown.to : today && today > value ? today : value;
  url.setParams({ from: value, to: end });
}

export const overview = createLoader(
  () => shared.value,
  (q) => ok(api.overview.$get({ query: q })),
);
/**
 * The Overview's filters for its other reads: with no dates in the URL, the range its measures
 * count (the last complete period), which is not the other views' default.
 */
const overviewScope = computed(() => {
  const q = shared.value;
  const range = q.from || q.to ? undefined : options.value?.overviewRanges[period.value];
  return range ? { ...q, from: range.from, to: range.to } : q;
});
/** The follow-up service standard (SLA compliance of cases opened in the range) for the overview. */
export const sla = createLoader(
  () => overviewScope.value,
  (q) => ok(api.sla.$get({ query: q })),
);
/**
 * Safeguarding concerns nobody has acknowledged yet, in the viewer's scope: they head the
 * Overview until someone does, whatever the filters say.
 */
export const urgentCases = createLoader(
  () => url.page.value,
  () => ok(api["follow-ups"].$get({ query: { priority: "urgent", status: "open" } })),
);
export const trends = createLoader(
  () => ({ ...shared.value, split: trendSplit(url.query.value.split) }),
  (q) => ok(api.trends.$get({ query: q })),
);
export const teams = createLoader(
  () => shared.value,
  (q) => ok(api.teams.$get({ query: q })),
);
export const staff = createLoader(
  () => ({ team: url.query.value.drill, q: shared.value }),
  async ({ team, q }) => (team ? ok(api.teams[":team"].staff.$get({ param: { team }, query: q })) : null),
);
export const themes = createLoader(
  () => shared.value,
  (q) => ok(api.themes.$get({ query: q })),
);
export const comments = createLoader(
  () => {
    const p = url.query.value;
    return { ...shared.value, theme: p.theme, score: p.score, sentiment: oneOf(p.sentiment, SENTIMENTS), q: p.q, page: p.page };
  },
  (q) => ok(api.comments.$get({ query: q })),
);
export const report = createLoader(
  () => ({ ...shared.value, quarter: url.query.value.quarter }),
  (q) => ok(api.report.quarterly.$get({ query: q })),
);
// Follow-up cases have page models of their own (models/follow-ups.ts).
export const settings = createLoader(
  () => isAdmin.value,
  (admin) => (admin ? ok(api.settings.$get()) : Promise.resolve(null)),
);

/** Administrators only: the email outbox and the suspected automated clicks for the chosen days. */
export const delivery = createLoader(
  () => ({ admin: isAdmin.value, from: url.query.value.from, to: url.query.value.to }),
  ({ admin, from, to }) => (admin ? ok(api.settings.delivery.$get({ query: { from, to } })) : Promise.resolve(null)),
);

export function exportHref(): string {
  const s = new URLSearchParams(shared.value).toString();
  return `/dashboard/api/export/responses.csv${s ? `?${s}` : ""}`;
}

/** The SLA figures of the overview's filters, per team and period, as a CSV download. */
export function slaCsvHref(): string {
  const s = new URLSearchParams(overviewScope.value).toString();
  return `/dashboard/api/export/sla.csv${s ? `?${s}` : ""}`;
}

export type { TrendSplit };

/** The split named in the URL, or departments. */
export function trendSplit(value: string | undefined): TrendSplit {
  return (TREND_SPLITS as readonly string[]).includes(value ?? "") ? (value as TrendSplit) : "department";
}
