import { computed, createModel } from "@preact/signals";
import { TREND_SPLITS, type TrendSplit } from "../../../src/domain/vocabulary";
import { api, ok } from "../api";
import { shared, url } from "./app";
import { createLoader } from "./loader";

export type { TrendSplit };

/** The split named in the URL, or departments. */
export function trendSplit(value: string | undefined): TrendSplit {
  return (TREND_SPLITS as readonly string[]).includes(value ?? "") ? (value as TrendSplit) : "department";
}

/** Trends: the headline measures over time, split by one grouping, one line highlighted. */
export const TrendsModel = createModel(() => {
  const split = computed(() => trendSplit(url.query.value.split));
  const trends = createLoader(
    () => ({ ...shared.value, split: split.value }),
    (q) => ok(api.trends.$get({ query: q })),
  );
  trends.start();
  return {
    trends,
    split,
    /** The highlighted series' key; it is not an input of the read, so changing it fetches nothing. */
    highlight: computed(() => url.query.value.highlight),
    /** Another split names other series: the highlight goes. */
    setSplit: (s: TrendSplit) => url.setParams({ split: s === "department" ? null : s, highlight: null }),
    setHighlight: (key: string | null) => url.setParam("highlight", key),
  };
});
export type TrendsModel = InstanceType<typeof TrendsModel>;
