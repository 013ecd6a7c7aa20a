import { computed, createModel, effect } from "@preact/signals";
import { api, ok } from "../api";
import { measureMargins, options, period, shared, url } from "./app";
import { createLoader } from "./loader";

/**
 * The Overview: the headline measures, the follow-up service standard and the urgent cases.
 * Its measures count the last complete period when the URL names no dates.
 */
export const OverviewModel = createModel(() => {
  const overview = createLoader(
    () => shared.value,
    (q) => ok(api.overview.$get({ query: q })),
  );
  /**
   * The Overview's filters for its other reads: with no dates in the URL, the range its measures
   * count (the last complete period), which is not the other views' default.
   */
  const scope = computed(() => {
    const q = shared.value;
    const range = q.from || q.to ? undefined : options.value?.overviewRanges[period.value];
    return range ? { ...q, from: range.from, to: range.to } : q;
  });
  /** The follow-up service standard (SLA compliance of cases opened in the range). */
  const sla = createLoader(
    () => scope.value,
    (q) => ok(api.sla.$get({ query: q })),
  );
  /**
   * Safeguarding concerns nobody has acknowledged yet, in the viewer's scope: they head the
   * Overview until someone does, whatever the filters say (so nothing in the URL is an input).
   */
  const urgentCases = createLoader(
    () => null,
    () => ok(api["follow-ups"].$get({ query: { priority: "urgent", status: "open" } })),
  );
  overview.start();
  sla.start();
  urgentCases.start();
  // The measures' amber margins, for the Teams page's badges.
  effect(() => {
    const d = overview.data.value;
    if (d) measureMargins.value = new Map(d.measures.map((m) => [m.key, m.margin]));
  });
  return {
    overview,
    sla,
    urgentCases,
    /** The SLA figures of the overview's filters, per team and period, as a CSV download. */
    slaCsvHref: computed(() => {
      const s = new URLSearchParams(scope.value).toString();
      return `/dashboard/api/export/sla.csv${s ? `?${s}` : ""}`;
    }),
    /** Goes to the Follow-up page with the shared filters and its own keys, as the menu does. */
    openFollowUp: (extra: Record<string, string>) => url.navigate("follow-up", extra),
  };
});
export type OverviewModel = InstanceType<typeof OverviewModel>;
