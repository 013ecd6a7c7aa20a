import { sql } from "drizzle-orm";
import type { Db } from "../../database";
import { hasRollupFeature } from "../../rollup-features";
import { bySqlDialect, rows } from "../../sql";
import { roundTo } from "../../../domain/round";
import { addTallies, emptyTally, scoreTally, type Tally } from "../../../domain/measures";
import { isPartialPeriod, zonedMidnight } from "../../../domain/periods";
import { comparison } from "../../../domain/measure-registry";
import { allOf } from "../group-where";
import { groupNames, summaryTallies } from "../summary";
import type { ScopeFilter } from "./scope";
import { dayBefore, previousRange } from "./range";
import { nextDay, scopeWhere } from "./where";

async function themeTotals(db: Db, f: ScopeFilter): Promise<{ start: string; totals: Map<number, Tally> }> {
  const { start, rows } = await summaryTallies(db, { ...f, groupBy: "theme" });
  const totals = new Map<number, Tally>();
  for (const r of rows) totals.set(Number(r.key), addTallies(totals.get(Number(r.key)) ?? emptyTally(), r.tally));
  return { start, totals };
}

/**
 * Responses that came with a comment, in range, per department: the denominator of "share of
 * comments". Counted by the `commented` flag, not by the text: retention deletes comments after
 * a year but keeps their theme tags (the numerator), so counting texts made every share older
 * than the retention period unknown, and "how it moved" against the previous year meaningless.
 *
 * From the rollup's `commented` counter when it is complete (milliseconds, and over the same
 * whole periods as the theme counts); on a database that had responses before migration 0008
 * and has not been through `rollup rebuild` since, from the responses (a second on 10M).
 */
async function commentCounts(db: Db, f: ScopeFilter, start: string, timeZone: string): Promise<Map<number, number>> {
  if (await hasRollupFeature(db, "commented")) {
    const counts = new Map<number, number>();
    for (const r of (await summaryTallies(db, { ...f, departmentId: undefined, groupBy: "department" })).rows) {
      counts.set(Number(r.key), (counts.get(Number(r.key)) ?? 0) + r.tally.commented);
    }
    return counts;
  }
  // On SQLite, the partial covering index holds exactly the commented responses; left to
  // itself the planner walks the team index and reads every response row (1.9 s against
  // 0.15 s on 1M). `commented` is an integer flag on both databases, not a boolean.
  const commented = bySqlDialect(db, { sqlite: sql`responses r indexed by responses_commented`, postgres: sql`responses r` });
  const where = [
    sql`r.commented = 1`,
    sql`r.occurred_at >= ${zonedMidnight(start, timeZone)}`,
    sql`r.occurred_at < ${zonedMidnight(nextDay(f.to), timeZone)}`,
    ...scopeWhere({ ...f, departmentId: undefined }),
  ];
  const found = await rows<{ dept: number; n: number }>(
    db,
    sql`select t.department_id as "dept", count(*) as "n" from ${commented} join teams t on t.id = r.team_id
      where ${allOf(where)}
      group by t.department_id`,
  );
  return new Map(found.map((r) => [r.dept, r.n]));
}

const share = (k: number, n: number) => (n === 0 ? null : roundTo((100 * k) / n, 1));

/**
 * Share of comments per theme and each theme's scores; then per department the three themes
 * with the largest share and how that share moved against the previous stretch of time.
 */
export async function themesQuery(db: Db, f: ScopeFilter, minCount: number, timeZone: string, departmentIds: readonly number[]) {
  const prevRange = previousRange(f.from, f.to, f.period, f.yearStart);
  // A share's move is shown only between ranges that are over and hold enough comments each.
  const partial = isPartialPeriod(f.to, f.period, f.today, f.yearStart);
  const [names, deptNames, cur] = await Promise.all([groupNames(db, "theme"), groupNames(db, "department"), themeTotals(db, f)]);
  const [counts, prevCounts] = await Promise.all([
    commentCounts(db, f, cur.start, timeZone),
    commentCounts(db, { ...f, ...prevRange }, prevRange.from, timeZone),
  ]);
  const inScope = (m: Map<number, number>) => (f.departmentId !== undefined ? (m.get(f.departmentId) ?? 0) : [...m.values()].reduce((a, b) => a + b, 0));
  const comments = inScope(counts);
  const themes = [...cur.totals.entries()]
    .map(([id, tally]) => ({ theme: names(id), comments: tally.responses, share: share(tally.responses, comments), scores: scoreTally(tally, { minCount }) }))
    .sort((a, b) => b.comments - a.comments);

  const departments = await Promise.all(
    departmentIds.map(async (departmentId) => {
      const [now, before] = await Promise.all([themeTotals(db, { ...f, departmentId }), themeTotals(db, { ...f, ...prevRange, departmentId })]);
      const n = counts.get(departmentId) ?? 0;
      const nBefore = prevCounts.get(departmentId) ?? 0;
      const top = [...now.totals.entries()]
        .sort((a, b) => b[1].responses - a[1].responses)
        .slice(0, 3)
        .map(([id, tally]) => {
          const nowShare = share(tally.responses, n);
          const beforeShare = share(before.totals.get(id)?.responses ?? 0, nBefore);
          const compared = comparison({ n, value: nowShare }, { n: nBefore, value: beforeShare }, 1, minCount, partial);
          const moved = compared.change;
          return {
            theme: names(id),
            comments: tally.responses,
            share: nowShare,
            previousShare: beforeShare,
            change: moved,
            comparison: compared.status,
            direction: moved === null ? null : moved > 0 ? ("up" as const) : moved < 0 ? ("down" as const) : ("same" as const),
          };
        });
      return { department: deptNames(departmentId), comments: n, top };
    }),
  );
  return {
    period: f.period,
    from: cur.start,
    to: f.to,
    partial,
    minCount,
    previous: { from: prevRange.from, to: dayBefore(cur.start) },
    comments,
    themes,
    departments,
  };
}
export type ThemesReport = Awaited<ReturnType<typeof themesQuery>>;
