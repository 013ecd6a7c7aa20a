import type { Db } from "../../database";
import { emptyTally, scoreTally, type Scores } from "../../../domain/measures";
import { isPartialPeriod, periodLabel, periodStartsBetween } from "../../../domain/periods";
import { groupNames, summaryTallies } from "../summary";
import type { ScopeFilter } from "./scope";
import type { TrendSplit } from "../../../domain/vocabulary";

/**
 * One series per department, team, service or channel with a point for every period in range (an empty period
 * is an empty point, not a gap that joins its neighbours), each point carrying all the scores.
 */
export async function trendsQuery(db: Db, f: ScopeFilter, split: TrendSplit, minCount: number) {
  const [{ start, rows }, names] = await Promise.all([summaryTallies(db, { ...f, groupBy: split }), groupNames(db, split)]);
  const opts = { minCount, perTheme: f.themeId !== undefined };
  const starts = periodStartsBetween(start, f.to, f.period, f.yearStart);
  const byGroup = new Map<string, Map<string, Scores>>();
  for (const r of rows) {
    const key = String(r.key);
    if (!byGroup.has(key)) byGroup.set(key, new Map());
    byGroup.get(key)!.set(r.periodStart, scoreTally(r.tally, opts));
  }
  const empty = scoreTally(emptyTally(), opts);
  return {
    period: f.period,
    from: f.from,
    to: f.to,
    split,
    minCount,
    periods: starts.map((s) => ({ periodStart: s, label: periodLabel(s, f.period, f.yearStart), partial: isPartialPeriod(s, f.period, f.today, f.yearStart) })),
    series: [...byGroup.entries()]
      .map(([key, points]) => ({ group: names(key), points: starts.map((s) => points.get(s) ?? empty) }))
      .sort((a, b) => a.group.name.localeCompare(b.group.name)),
  };
}
export type Trends = Awaited<ReturnType<typeof trendsQuery>>;
