import type { Db } from "../../client";
import { addTallies, emptyTally, scoreTally, type Tally } from "../../../domain/measures";
import { periodLabel, periodStartOfDate, previousPeriodStart } from "../../../domain/periods";
import { applicableTarget, targetStatus, type TargetRow } from "../../../domain/targets";
import { groupNames, summaryTallies } from "../summary";
import { change, HEADLINE_MEASURES } from "./measures";
import type { ScopeFilter } from "./overview";
import { periodEnd } from "./range";

function sumBy(db: Db, f: ScopeFilter, groupBy: "department" | "channel" | "theme"): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of summaryTallies(db, { ...f, groupBy }).rows) out.set(String(r.key), addTallies(out.get(String(r.key)) ?? emptyTally(), r.tally));
  return out;
}

/**
 * The quarterly performance report: per department the headline measures, their change against
 * the previous quarter, each target met or missed, the top themes and the volumes by channel.
 */
export function quarterlyQuery(db: Db, f: Omit<ScopeFilter, "period" | "from" | "to">, quarterDate: string, minCount: number, targets: readonly TargetRow[], departmentIds: readonly number[]) {
  const start = periodStartOfDate(quarterDate, "quarter");
  const prevStart = previousPeriodStart(start, "quarter");
  const cur: ScopeFilter = { ...f, period: "quarter", from: start, to: periodEnd(start, "quarter") };
  const prev: ScopeFilter = { ...f, period: "quarter", from: prevStart, to: periodEnd(prevStart, "quarter") };
  const deptNames = groupNames(db, "department");
  const themeNames = groupNames(db, "theme");
  const channelNames = groupNames(db, "channel");
  const now = sumBy(db, cur, "department");
  const before = sumBy(db, prev, "department");

  const departments = departmentIds.map((departmentId) => {
    const scores = scoreTally(now.get(String(departmentId)) ?? emptyTally(), { minCount });
    const prevScores = scoreTally(before.get(String(departmentId)) ?? emptyTally(), { minCount });
    const scoped: ScopeFilter = { ...cur, departmentId };
    const themes = [...sumBy(db, scoped, "theme").entries()]
      .sort((a, b) => b[1].responses - a[1].responses)
      .slice(0, 3)
      .map(([id, t]) => ({ theme: themeNames(id), comments: t.responses }));
    const channels = [...sumBy(db, scoped, "channel").entries()].map(([ch, t]) => ({ channel: channelNames(ch), issued: t.issued, responses: t.responses }));
    return {
      department: deptNames(departmentId),
      responses: scores.responses,
      measures: HEADLINE_MEASURES.map((m) => {
        const target = applicableTarget(targets, m.target, { departmentId });
        return {
          key: m.key,
          label: m.label,
          unit: m.unit,
          figure: scores[m.key],
          previous: prevScores[m.key].value,
          change: change(scores[m.key].value, prevScores[m.key].value, m.decimals),
          target,
          status: targetStatus(scores[m.key].value, target, m.target),
        };
      }),
      themes,
      channels,
    };
  });
  return { quarter: periodLabel(start, "quarter"), previousQuarter: periodLabel(prevStart, "quarter"), from: cur.from, to: cur.to, minCount, departments };
}
export type QuarterlyReport = ReturnType<typeof quarterlyQuery>;
