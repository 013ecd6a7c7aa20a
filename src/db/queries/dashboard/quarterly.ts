import type { Db } from "../../database";
import { addTallies, emptyTally, scoreTally, type Tally } from "../../../domain/measures";
import { periodLabel, periodStartOfDate, previousPeriodStart } from "../../../domain/periods";
import { emptySlaTally, slaFigures, type SlaSettings } from "../../../domain/sla";
import { judgeFigure, type Targets } from "../../../domain/targets";
import { slaQuery } from "../sla";
import { quarterActions } from "../actions/quarter";
import { groupNames, summaryTallies } from "../summary";
import { change, HEADLINE_MEASURES } from "./measures";
import { observedFcr, type ScopeFilter } from "./overview";
import { periodEnd } from "./range";

async function sumBy(db: Db, f: ScopeFilter, groupBy: "department" | "channel" | "theme"): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  for (const r of (await summaryTallies(db, { ...f, groupBy })).rows) out.set(String(r.key), addTallies(out.get(String(r.key)) ?? emptyTally(), r.tally));
  return out;
}

/**
 * The quarterly performance report: per department the headline measures, their change against
 * the previous quarter, each target met or missed, the top themes and the volumes by channel;
 * and the follow-up service standard (cases opened in the quarter acknowledged and responded to
 * in time, judged as of `sla.today`) per department and for all of them, against SLA_TARGET.
 */
export async function quarterlyQuery(
  db: Db,
  f: Omit<ScopeFilter, "period" | "from" | "to">,
  quarterDate: string,
  minCount: number,
  targets: Targets,
  departmentIds: readonly number[],
  sla: Omit<SlaSettings, "minCount">,
) {
  const { yearStart } = f;
  const start = periodStartOfDate(quarterDate, "quarter", yearStart);
  const prevStart = previousPeriodStart(start, "quarter", yearStart);
  const cur: ScopeFilter = { ...f, period: "quarter", from: start, to: periodEnd(start, "quarter", yearStart) };
  const prev: ScopeFilter = { ...f, period: "quarter", from: prevStart, to: periodEnd(prevStart, "quarter", yearStart) };
  const [deptNames, themeNames, channelNames, now, before, slaReport] = await Promise.all([
    groupNames(db, "department"),
    groupNames(db, "theme"),
    groupNames(db, "channel"),
    sumBy(db, cur, "department"),
    sumBy(db, prev, "department"),
    slaQuery(db, { ...cur, groupBy: "department" }, { ...sla, minCount }),
  ]);

  const departments = await Promise.all(
    departmentIds.map(async (departmentId) => {
      const scores = scoreTally(now.get(String(departmentId)) ?? emptyTally(), { minCount });
      const prevScores = scoreTally(before.get(String(departmentId)) ?? emptyTally(), { minCount });
      const scoped: ScopeFilter = { ...cur, departmentId };
      const [byTheme, byChannel] = await Promise.all([sumBy(db, scoped, "theme"), sumBy(db, scoped, "channel")]);
      const themes = [...byTheme.entries()]
        .sort((a, b) => b[1].responses - a[1].responses)
        .slice(0, 3)
        .map(([id, t]) => ({ theme: themeNames(id), comments: t.responses }));
      const channels = [...byChannel.entries()].map(([ch, t]) => ({ channel: channelNames(ch), issued: t.issued, responses: t.responses }));
      const measures = HEADLINE_MEASURES.map((m) => {
        return {
          key: m.key,
          label: m.label,
          unit: m.unit,
          figure: scores[m.key],
          previous: prevScores[m.key].value,
          change: change(scores[m.key].value, prevScores[m.key].value, m.decimals),
          ...judgeFigure(targets, m.target, { departmentId }, scores[m.key].value),
        };
      });
      // Observed FCR and contacts per request straight after what customers said about FCR.
      const observed = observedFcr(scores, prevScores, targets, { departmentId }, f.judging?.days ?? null, { minCount, partial: false });
      const fcrAt = measures.findIndex((m) => m.key === "fcr") + 1;
      const repeatRows = [
        {
          key: "fcrObserved" as const,
          label: observed.repeatDays === null ? "FCR observed" : `FCR observed (no repeat contact within ${observed.repeatDays} days)`,
          unit: "%",
          figure: observed.figure,
          previous: observed.previous.value,
          change: observed.change,
          target: observed.target,
          status: observed.status,
        },
        {
          key: "contactsPerRequest" as const,
          label: "Contacts per request (NI 14)",
          unit: "",
          figure: observed.contactsPerRequest,
          previous: prevScores.contactsPerRequest.value,
          change: change(observed.contactsPerRequest.value, prevScores.contactsPerRequest.value, 2),
          target: null,
          status: null,
        },
      ];
      return {
        department: deptNames(departmentId),
        responses: scores.responses,
        measures: [...measures.slice(0, fcrAt), ...repeatRows, ...measures.slice(fcrAt)],
        themes,
        channels,
      };
    }),
  );
  // Every department of the report has its row, "no cases" included; the quarter is one period.
  const slaByDepartment = new Map(slaReport.groups.map((g) => [g.id, g.overall]));
  const followUpStandard = {
    target: slaReport.target,
    partial: slaReport.total.periods.some((p) => p.partial),
    departments: departmentIds.map((id) => ({ department: deptNames(id), ...(slaByDepartment.get(id) ?? slaFigures(emptySlaTally(), { minCount, target: sla.target })) })),
    total: slaReport.total.overall,
  };
  // The recommendations and actions tracker as it stood at the quarter's end.
  const actions = await quarterActions(db, f, start, cur.to, sla.today, sla.timeZone);
  return { quarter: periodLabel(start, "quarter", yearStart), previousQuarter: periodLabel(prevStart, "quarter", yearStart), from: cur.from, to: cur.to, minCount, departments, followUpStandard, actions };
}
export type QuarterlyReport = Awaited<ReturnType<typeof quarterlyQuery>>;
