import type { Db } from "../../database";
import { addTallies, emptyTally, scoreTally, type Scores, type Tally } from "../../../domain/measures";
import { SENTIMENT_LANGUAGES } from "../../../domain/sentiment";
import { isPartialPeriod, periodLabel, periodStartOfDate, periodStartsBetween, previousPeriodStart, type Period } from "../../../domain/periods";
import { judgeFigure, type TargetScope, type Targets } from "../../../domain/targets";
import { teamWithDepartment } from "../lookups";
import { summaryTallies } from "../summary";
import type { ScopeFilter } from "./scope";
import { comparison, HEADLINE_MEASURES } from "../../../domain/measure-registry";
import { previousRange } from "./range";

/** Sums the rollup rows of a filter into one tally per period start. */
async function totals(db: Db, f: ScopeFilter) {
  const { start, rows } = await summaryTallies(db, { ...f, groupBy: "channel" });
  const byPeriod = new Map<string, Tally>();
  for (const r of rows) byPeriod.set(r.periodStart, addTallies(byPeriod.get(r.periodStart) ?? emptyTally(), r.tally));
  const sum = (starts: readonly string[]) => starts.reduce((all, s) => addTallies(all, byPeriod.get(s) ?? emptyTally()), emptyTally());
  return { start, byPeriod, sum };
}

/** Periods a sparkline shows at least, ending with the range's last: the range alone is often one period. */
const SPARK_PERIODS: Record<Period, number> = { week: 12, month: 12, quarter: 8, year: 5 };

/**
 * The group whose targets apply to a filter: the team named, or the one team a manager sees,
 * with its department (a team without a target of its own takes its department's); else the
 * department named; else the organisation.
 */
export async function targetScopeOf(db: Db, f: Pick<ScopeFilter, "teamId" | "teamIds" | "departmentId">): Promise<TargetScope> {
  const teamId = f.teamId ?? (f.teamIds?.length === 1 ? f.teamIds[0] : undefined);
  if (teamId === undefined) return { departmentId: f.departmentId };
  return { teamId, departmentId: (await teamWithDepartment(db, teamId))?.departmentId ?? f.departmentId };
}

/**
 * The five headline figures for the filter, each with its n and interval, the same figure for
 * the previous stretch of equal length and whether the two can be compared, a per-period
 * sparkline, and the colour against the most specific target.
 */
export async function overviewQuery(db: Db, f: ScopeFilter, minCount: number, targets: Targets) {
  const { period, yearStart } = f;
  const prevRange = previousRange(f.from, f.to, period, yearStart);
  const from = periodStartOfDate(f.from, period, yearStart);
  const inRange = periodStartsBetween(from, f.to, period, yearStart);
  // One read for the range and the sparkline's earlier periods together.
  let sparkFrom = periodStartOfDate(f.to, period, yearStart);
  for (let i = 1; i < SPARK_PERIODS[period]; i++) sparkFrom = previousPeriodStart(sparkFrom, period, yearStart);
  const readFrom = sparkFrom < from ? sparkFrom : from;
  const [cur, prev, scope] = await Promise.all([totals(db, { ...f, from: readFrom }), totals(db, { ...f, ...prevRange }), targetScopeOf(db, f)]);
  const opts = { minCount, perTheme: f.themeId !== undefined };
  const scores = scoreTally(cur.sum(inRange), opts);
  const prevScores = scoreTally(prev.sum(periodStartsBetween(prev.start, prevRange.to, period, yearStart)), opts);
  const perPeriod = periodStartsBetween(readFrom, f.to, period, yearStart).map((s) => ({
    periodStart: s,
    label: periodLabel(s, period, yearStart),
    partial: isPartialPeriod(s, period, f.today, yearStart),
    /** Whether the period is in the range the figures count (the sparkline shows earlier ones too). */
    counted: s >= from,
    scores: scoreTally(cur.byPeriod.get(s) ?? emptyTally(), opts),
  }));
  const partial = inRange.some((s) => isPartialPeriod(s, period, f.today, yearStart));
  return {
    period,
    from,
    to: f.to,
    /** The range holds a period that is not over: its figures are still growing and are not compared. */
    partial,
    previous: { from: prev.start, to: prevRange.to },
    minCount,
    responses: scores.responses,
    issued: scores.issued,
    measures: HEADLINE_MEASURES.map((m) => {
      const figure = scores[m.key];
      const compared = comparison(figure, prevScores[m.key], m.decimals, minCount, partial);
      return {
        key: m.key,
        label: m.label,
        unit: m.unit,
        figure,
        previous: prevScores[m.key],
        change: compared.change,
        comparison: compared.status,
        ...judgeFigure(targets, m.target, scope, figure.value),
        spark: perPeriod.map((p) => ({
          periodStart: p.periodStart,
          label: p.label,
          partial: p.partial,
          counted: p.counted,
          value: p.scores[m.key].value,
          n: p.scores[m.key].n,
        })),
      };
    }),
    cesEasy: scores.cesEasy,
    /** Answers without a survey token (imported history, the signature strip): in every figure but the response rate. */
    withoutToken: scores.withoutToken,
    /** Comment sentiment, its own figure (never standing in for CSI): n counts comments scored. */
    sentiment: { positive: scores.sentimentPositive, negative: scores.sentimentNegative, net: scores.sentimentNet, languages: SENTIMENT_LANGUAGES },
    // Shown with the FCR card: whether customers had to come back, beside what they said.
    observedFcr: observedFcr(scores, prevScores, targets, scope, f.judging?.days ?? null, { minCount, partial }),
  };
}

/**
 * Observed FCR against the FCR target (the policy's 60% is about enquiries resolved at first
 * contact, whichever way that is measured), and contacts per request (NI 14), which has none.
 */
export function observedFcr(
  scores: Scores,
  previous: Scores,
  targets: Targets,
  scope: TargetScope,
  repeatDays: number | null,
  compare: { minCount: number; partial: boolean },
) {
  const figure = scores.fcrObserved;
  const compared = comparison(figure, previous.fcrObserved, 1, compare.minCount, compare.partial);
  return {
    figure,
    previous: previous.fcrObserved,
    change: compared.change,
    comparison: compared.status,
    ...judgeFigure(targets, "fcr", scope, figure.value),
    contactsPerRequest: scores.contactsPerRequest,
    repeatDays,
  };
}
export type Overview = Awaited<ReturnType<typeof overviewQuery>>;
