import type { Db } from "../../database";
import { addTallies, emptyTally, scoreTally, type Scores, type Tally } from "../../../domain/measures";
import { periodLabel, periodStartsBetween } from "../../../domain/periods";
import { applicableTarget, targetStatus, type TargetRow } from "../../../domain/targets";
import { summaryTallies, type SummaryFilter } from "../summary";
import { change, HEADLINE_MEASURES } from "./measures";
import { previousRange } from "./range";

export type ScopeFilter = Omit<SummaryFilter, "groupBy">;

/** Sums the rollup rows of a filter into one tally per period start and one overall. */
async function totals(db: Db, f: ScopeFilter) {
  const { start, rows } = await summaryTallies(db, { ...f, groupBy: "channel" });
  const byPeriod = new Map<string, Tally>();
  let all = emptyTally();
  for (const r of rows) {
    byPeriod.set(r.periodStart, addTallies(byPeriod.get(r.periodStart) ?? emptyTally(), r.tally));
    all = addTallies(all, r.tally);
  }
  return { start, byPeriod, all };
}

/**
 * The five headline figures for the filter, each with its n and interval, the same figure for
 * the previous stretch of equal length, a per-period sparkline, and the target's colour.
 */
export async function overviewQuery(db: Db, f: ScopeFilter, minCount: number, targets: readonly TargetRow[]) {
  const prevRange = previousRange(f.from, f.to, f.period);
  const [cur, prev] = await Promise.all([totals(db, f), totals(db, { ...f, ...prevRange })]);
  const scores = scoreTally(cur.all, { minCount });
  const prevScores = scoreTally(prev.all, { minCount });
  const starts = periodStartsBetween(cur.start, f.to, f.period);
  const perPeriod = starts.map((s) => ({ periodStart: s, label: periodLabel(s, f.period), scores: scoreTally(cur.byPeriod.get(s) ?? emptyTally(), { minCount }) }));
  const scope = { departmentId: f.departmentId, teamId: f.teamId };
  return {
    period: f.period,
    from: cur.start,
    to: f.to,
    previous: { from: prev.start, to: prevRange.to },
    minCount,
    responses: scores.responses,
    issued: scores.issued,
    measures: HEADLINE_MEASURES.map((m) => {
      const figure = scores[m.key];
      const target = applicableTarget(targets, m.target, scope);
      return {
        key: m.key,
        label: m.label,
        unit: m.unit,
        figure,
        previous: prevScores[m.key],
        change: change(figure.value, prevScores[m.key].value, m.decimals),
        target,
        status: targetStatus(figure.value, target, m.target),
        spark: perPeriod.map((p) => ({ periodStart: p.periodStart, label: p.label, value: p.scores[m.key].value, n: p.scores[m.key].n })),
      };
    }),
    cesEasy: scores.cesEasy,
    // Shown with the FCR card: whether customers had to come back, beside what they said.
    observedFcr: observedFcr(scores, prevScores, applicableTarget(targets, "fcr", scope), f.judging?.days ?? null),
  };
}

/**
 * Observed FCR against the FCR target (the policy's 60% is about enquiries resolved at first
 * contact, whichever way that is measured), and contacts per request (NI 14), which has none.
 */
export function observedFcr(scores: Scores, previous: Scores, target: number | null, repeatDays: number | null) {
  const figure = scores.fcrObserved;
  return {
    figure,
    previous: previous.fcrObserved,
    change: change(figure.value, previous.fcrObserved.value, 1),
    target,
    status: targetStatus(figure.value, target, "fcr"),
    contactsPerRequest: scores.contactsPerRequest,
    repeatDays,
  };
}
export type Overview = Awaited<ReturnType<typeof overviewQuery>>;
