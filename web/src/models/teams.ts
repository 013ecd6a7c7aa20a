import { computed, createModel } from "@preact/signals";
import type { MeasureKey } from "../../../src/domain/measure-registry";
import { api, ok } from "../api";
import { measureMargins, shared, url } from "./app";
import { createLoader } from "./loader";
import { nextSort, parseSort, type SortKey } from "./sort";

/** Amber on the 0–100 scales: within 5 points below the target. */
const POINTS_MARGIN = 5;

/** Teams: the measures per department and team, sortable, and one team's staff on demand. */
export const TeamsModel = createModel(() => {
  const teams = createLoader(
    () => shared.value,
    (q) => ok(api.teams.$get({ query: q })),
  );
  /** The team whose staff are shown (the URL's "drill"), if any. */
  const drill = computed(() => url.query.value.drill);
  const staff = createLoader(
    () => ({ team: drill.value, q: shared.value }),
    async ({ team, q }) => (team ? ok(api.teams[":team"].staff.$get({ param: { team }, query: q })) : null),
  );
  teams.start();
  staff.start();
  const sort = computed(() => parseSort(url.query.value));
  return {
    teams,
    staff,
    drill,
    sort,
    /**
     * The amber margin each measure is judged with, for the badges' words. The teams table's rows
     * carry colours only; the Overview's measures carry their margins, so they are used once the
     * Overview has been loaded. Before that, the points margin of the 0–100 scales, and no number
     * for a mean on its own scale.
     */
    margins: computed(() => {
      const known = measureMargins.value;
      return (key: MeasureKey, unit: string): number | null => known.get(key) ?? (unit.startsWith("/") ? null : POINTS_MARGIN);
    }),
    sortBy: (key: SortKey) => {
      const next = nextSort(sort.value, key);
      url.setParams({ sort: next.key, dir: next.dir });
    },
    showStaff: (team: string | null) => url.setParam("drill", team),
  };
});
export type TeamsModel = InstanceType<typeof TeamsModel>;
