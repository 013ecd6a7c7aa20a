import { computed, signal } from "@preact/signals";
import type { MeasureKey } from "../../../src/domain/measure-registry";
import { PERIODS, type Period } from "../../../src/domain/periods";
import { api, ok, setCsrfToken, type Me, type Options } from "../api";
import { createUrlModel } from "./url";

/**
 * The signed-in user, the filter choices and the URL: the state every page shares. Each page's
 * own reads and actions are in its model (models/<page>.ts).
 */
export const url = createUrlModel();
export const me = signal<Me | null>(null);
export const options = signal<Options | null>(null);
export const startupError = signal<string | null>(null);
export const isAdmin = computed(() => me.value?.role === "admin");
/**
 * The amber margin each headline measure is judged with (the CES mean's is configured), as the
 * Overview last read them; empty until it has. The Teams page's badges put them in words.
 */
export const measureMargins = signal<ReadonlyMap<MeasureKey, number>>(new Map());

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
export function oneOf<T extends string>(v: string | undefined, choices: readonly T[]): T | undefined {
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
