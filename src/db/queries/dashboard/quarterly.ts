import type { Db } from "../../database";
import { addTallies, emptyTally, scoreTally, type Scores, type Tally } from "../../../domain/measures";
import { countedRange, isPartialPeriod, periodEndOfDate, periodLabel, periodStartOfDate, previousPeriodStart, type YearStart } from "../../../domain/periods";
import { emptySlaTally, slaFigures, type SlaSettings } from "../../../domain/sla";
import { judgeFigure, type TargetScope, type Targets } from "../../../domain/targets";
import { slaQuery } from "../sla";
import { quarterActions } from "../actions/quarter";
import { groupNames, summaryTallies } from "../summary";
import { comparison, HEADLINE_MEASURES } from "../../../domain/measure-registry";
import { observedFcr, targetScopeOf } from "./overview";
import type { ScopeFilter } from "./scope";
import { themesQuery } from "./themes";

async function sumBy(db: Db, f: ScopeFilter, groupBy: "department" | "channel"): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  for (const r of (await summaryTallies(db, { ...f, groupBy })).rows) out.set(String(r.key), addTallies(out.get(String(r.key)) ?? emptyTally(), r.tally));
  return out;
}

/**
 * The first day of the quarter a report shows: the quarter holding `quarterDate`, or without one
 * the last complete quarter. A quarter still under way is there to be chosen, never the default:
 * two-thirds of a quarter read as a whole one would be compared as if it were over.
 */
export function reportQuarterStart(quarterDate: string | undefined, today: string, yearStart: YearStart): string {
  if (quarterDate !== undefined) return periodStartOfDate(quarterDate, "quarter", yearStart);
  return previousPeriodStart(periodStartOfDate(today, "quarter", yearStart), "quarter", yearStart);
}

type Compare = { minCount: number; partial: boolean };

/**
 * One group's measures as the report tables them: the headline measures, then observed FCR and
 * contacts per request straight after what customers said about FCR. Each against the previous
 * quarter (a change only when both quarters have enough answers and this one is over) and
 * against the most specific target for the group.
 */
function measureRows(now: Scores, before: Scores, targets: Targets, scope: TargetScope, repeatDays: number | null, compare: Compare) {
  const headline = HEADLINE_MEASURES.map((m) => {
    const compared = comparison(now[m.key], before[m.key], m.decimals, compare.minCount, compare.partial);
    return {
      key: m.key,
      label: m.label,
      unit: m.unit,
      figure: now[m.key],
      previous: before[m.key].value,
      change: compared.change,
      comparison: compared.status,
      ...judgeFigure(targets, m.target, scope, now[m.key].value),
    };
  });
  const observed = observedFcr(now, before, targets, scope, repeatDays, compare);
  const perRequest = comparison(now.contactsPerRequest, before.contactsPerRequest, 2, compare.minCount, compare.partial);
  const repeatRows = [
    {
      key: "fcrObserved" as const,
      label: observed.repeatDays === null ? "FCR observed" : `FCR observed (no repeat contact within ${observed.repeatDays} days)`,
      unit: "%",
      figure: observed.figure,
      previous: observed.previous.value,
      change: observed.change,
      comparison: observed.comparison,
      target: observed.target,
      status: observed.status,
      margin: observed.margin,
    },
    {
      key: "contactsPerRequest" as const,
      label: "Contacts per request (NI 14)",
      unit: "",
      figure: now.contactsPerRequest,
      previous: before.contactsPerRequest.value,
      change: perRequest.change,
      comparison: perRequest.status,
      target: null,
      status: null,
      margin: null,
    },
  ];
  const fcrAt = headline.findIndex((m) => m.key === "fcr") + 1;
  return [...headline.slice(0, fcrAt), ...repeatRows, ...headline.slice(fcrAt)];
}

/**
 * The quarterly performance report. First the executive summary for everything in the report's
 * scope (the sum of its departments): each measure against target and the previous quarter,
 * the response rate with the answers that came without a survey token counted apart, the top
 * three themes and how their share of comments moved, and follow-up cases handled in time.
 * Then per department the same measures, its top themes and its volumes by channel; the
 * follow-up service standard per department; and the actions tracker at the quarter's end.
 *
 * `quarterDate` picks the quarter (see reportQuarterStart). A quarter not over on `f.today` is
 * partial: its figures run to today, and nothing is compared with the quarter before.
 */
export async function quarterlyQuery(
  db: Db,
  f: Omit<ScopeFilter, "period" | "from" | "to">,
  quarterDate: string | undefined,
  minCount: number,
  targets: Targets,
  departmentIds: readonly number[],
  sla: Omit<SlaSettings, "minCount">,
) {
  const { yearStart, today } = f;
  const start = reportQuarterStart(quarterDate, today, yearStart);
  const prevStart = previousPeriodStart(start, "quarter", yearStart);
  const partial = isPartialPeriod(start, "quarter", today, yearStart);
  const counted = countedRange(start, start, "quarter", yearStart, today);
  const cur: ScopeFilter = { ...f, period: "quarter", from: start, to: counted.to };
  const prev: ScopeFilter = { ...f, period: "quarter", from: prevStart, to: periodEndOfDate(prevStart, "quarter", yearStart) };
  const compare = { minCount, partial };
  const repeatDays = f.judging?.days ?? null;
  const [deptNames, channelNames, now, before, slaReport, orgScope] = await Promise.all([
    groupNames(db, "department"),
    groupNames(db, "channel"),
    sumBy(db, cur, "department"),
    sumBy(db, prev, "department"),
    slaQuery(db, { ...cur, groupBy: "department" }, { ...sla, minCount }),
    targetScopeOf(db, f),
  ]);
  // The live departments of the scope, then any since retired that still had answers in the
  // quarter (the tallies are already narrowed to the scope), so the sections add up to the summary.
  const shown = [...departmentIds, ...[...now.keys()].map(Number).filter((id) => !departmentIds.includes(id))];
  const tallyOf = (m: Map<string, Tally>, id: number) => m.get(String(id)) ?? emptyTally();
  const [themes, themesBefore] = await Promise.all([themesQuery(db, cur, minCount, sla.timeZone, shown), themesQuery(db, prev, minCount, sla.timeZone, [])]);
  const topOf = new Map(themes.departments.map((d) => [d.department.id, d]));

  const departments = await Promise.all(
    shown.map(async (departmentId) => {
      const scores = scoreTally(tallyOf(now, departmentId), { minCount });
      const prevScores = scoreTally(tallyOf(before, departmentId), { minCount });
      const byChannel = await sumBy(db, { ...cur, departmentId }, "channel");
      const channels = [...byChannel.entries()].map(([ch, t]) => ({ channel: channelNames(ch), issued: t.issued, responses: t.responses }));
      const top = topOf.get(departmentId);
      return {
        department: deptNames(departmentId),
        responses: scores.responses,
        measures: measureRows(scores, prevScores, targets, { departmentId }, repeatDays, compare),
        comments: top?.comments ?? 0,
        themes: top?.top ?? [],
        channels,
      };
    }),
  );

  // Every department of the report has its row, "no cases" included; the quarter is one period.
  const slaByDepartment = new Map(slaReport.groups.map((g) => [g.id, g.overall]));
  const followUpStandard = {
    target: slaReport.target,
    partial: slaReport.total.periods.some((p) => p.partial),
    departments: shown.map((id) => ({
      department: deptNames(id),
      ...(slaByDepartment.get(id) ?? slaFigures(emptySlaTally(), { minCount, target: sla.target })),
    })),
    total: slaReport.total.overall,
  };

  // The whole scope: the departments' tallies summed, so the summary is their total exactly.
  const all = scoreTally(
    shown.reduce((t, id) => addTallies(t, tallyOf(now, id)), emptyTally()),
    { minCount },
  );
  const allBefore = scoreTally(
    shown.reduce((t, id) => addTallies(t, tallyOf(before, id)), emptyTally()),
    { minCount },
  );
  const sharesBefore = new Map(themesBefore.themes.map((t) => [t.theme.id, t.share]));
  const summary = {
    responses: all.responses,
    /** Survey tokens issued and answered (the response rate), and answers without a token, which count in every other figure. */
    issued: all.issued,
    answered: all.answered,
    withoutToken: all.withoutToken,
    measures: measureRows(all, allBefore, targets, orgScope, repeatDays, compare),
    themes: {
      comments: themes.comments,
      previousComments: themesBefore.comments,
      top: themes.themes.slice(0, 3).map((t) => {
        // A theme nobody mentioned last quarter had a 0% share of its comments, if there were any.
        const previousShare = sharesBefore.get(t.theme.id) ?? (themesBefore.comments > 0 ? 0 : null);
        const compared = comparison({ n: themes.comments, value: t.share }, { n: themesBefore.comments, value: previousShare }, 1, minCount, partial);
        return { theme: t.theme, comments: t.comments, share: t.share, previousShare, change: compared.change, comparison: compared.status };
      }),
    },
    /** Follow-up cases opened in the quarter and handled in time; null until there are any. */
    followUps: followUpStandard.total.opened > 0 ? { target: followUpStandard.target, ...followUpStandard.total } : null,
  };

  // The recommendations and actions tracker as it stood at the quarter's end (or today).
  const actions = await quarterActions(db, f, start, counted.to, today, sla.timeZone);
  return {
    quarter: periodLabel(start, "quarter", yearStart),
    previousQuarter: periodLabel(prevStart, "quarter", yearStart),
    /** The quarter is not over: figures run to `to` (today) and nothing is compared. */
    partial,
    from: counted.from,
    to: counted.to,
    minCount,
    summary,
    departments,
    followUpStandard,
    actions,
  };
}
export type QuarterlyReport = Awaited<ReturnType<typeof quarterlyQuery>>;
