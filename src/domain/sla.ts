/**
 * SLA compliance of follow-up cases: the share acknowledged and the share responded to by their
 * due dates, as a transport operator's published service standard puts it (95% acknowledged within 5
 * working days, answered within 15). Pure: the query hands over the cases' columns and this
 * does every count, share, interval and colour, the same for the API, the dashboard, its CSV
 * and the quarterly report.
 *
 * Definition, per group (team or department) and period (week, month or quarter of the date the
 * case opened, in the organisation's time zone):
 *
 * - acknowledgedInTime: of the cases that can be judged for acknowledgement (those acknowledged,
 *   and those whose acknowledge-by date has passed as of today), the share acknowledged on or
 *   before that date, comparing the local date of the acknowledgement. A case responded to or
 *   closed without an explicit acknowledgement counts as acknowledged at the earliest of the two.
 *   A case not yet acknowledged whose due date is today or later is not judged yet: it may still
 *   make it, and counting it either way would move the figure as the days pass.
 * - respondedInTime: the same for respond-by and the response; a case closed without a response
 *   step counts its closure as the response.
 * - opened: cases that opened in the period; open: of those, the ones not closed now; overdue: of
 *   those, the ones whose next step (acknowledge while open, respond once acknowledged) is past
 *   its due date today, as the case list marks them.
 *
 * Shares are percentages with a Wilson 95% interval, shown as measures.ts shows proportions: below
 * the minimum count the value and interval are null, tooFew is true and n is kept. A cleared
 * safeguarding concern changes nothing here: the case is judged by the steps recorded on it.
 */
import type { CaseStatus } from "./cases";
import { wilson } from "./intervals";
import type { Proportion } from "./measures";
import { localDate, periodEndOfDate, periodLabel, periodStartOfDate, periodStartsBetween, type Period, type YearStart } from "./periods";
import { roundTo } from "./round";
import type { TargetStatus } from "./targets";

export const SLA_GROUP_BYS = ["team", "department"] as const;
export type SlaGroupBy = (typeof SLA_GROUP_BYS)[number];

/** The columns of one case the figures need, with the group it is counted in. */
export type SlaCase = {
  groupId: number;
  groupCode: string;
  groupName: string;
  status: CaseStatus;
  openedAt: number;
  /** Local dates, YYYY-MM-DD. */
  acknowledgeBy: string;
  respondBy: string;
  acknowledgedAt: number | null;
  respondedAt: number | null;
  closedAt: number | null;
};

export type SlaSettings = {
  /** The organisation's local date today: what "has passed" is measured against. */
  today: string;
  timeZone: string;
  minCount: number;
  /** The share to meet, 0–1 (SLA_TARGET). */
  target: number;
};

/** How one step of one case stands today. */
export type StepOutcome = "in_time" | "late" | "not_yet_due";

export type CaseJudgement = { acknowledgement: StepOutcome; response: StepOutcome; open: boolean; overdue: boolean };

/** Additive counters, so periods and groups sum into totals without going back to the cases. */
export type SlaTally = { ackN: number; ackInTime: number; respN: number; respInTime: number; opened: number; open: number; overdue: number };

export type SlaFigure = Omit<Proportion, "status"> & { status: TargetStatus | null };
export type SlaFigures = { acknowledgedInTime: SlaFigure; respondedInTime: SlaFigure; opened: number; open: number; overdue: number };
/** One period: its label ("2026-03", "2026-Q1", "2026-W10"), its first and last day, and whether it is still running or cut short. */
export type SlaPeriod = { period: string; from: string; to: string; partial: boolean } & SlaFigures;
export type SlaGroup = { id: number; code: string; name: string; periods: SlaPeriod[]; overall: SlaFigures };
export type SlaReport = {
  period: Period;
  from: string;
  to: string;
  /** The target as a percentage, the unit of the figures. */
  target: number;
  minCount: number;
  groups: SlaGroup[];
  total: { periods: SlaPeriod[]; overall: SlaFigures };
};

/** Amber is within 5 points of the target, as for every percentage in targets.ts. */
export const SLA_AMBER_MARGIN = 5;

const earliest = (...times: (number | null)[]): number | null => {
  const known = times.filter((t): t is number => t !== null);
  return known.length === 0 ? null : Math.min(...known);
};

function judgeStep(doneAt: number | null, dueBy: string, today: string, timeZone: string): StepOutcome {
  if (doneAt !== null) return localDate(doneAt, timeZone) <= dueBy ? "in_time" : "late";
  return dueBy < today ? "late" : "not_yet_due";
}

/** Where one case stands today on each step, and whether it is open or overdue. */
export function judgeCase(c: SlaCase, today: string, timeZone: string): CaseJudgement {
  const acknowledged = c.acknowledgedAt ?? earliest(c.respondedAt, c.closedAt);
  const responded = c.respondedAt ?? c.closedAt;
  const closed = c.status === "closed" || c.closedAt !== null;
  // The next step is the status's, as the case list marks it: acknowledge while open, respond once acknowledged.
  const overdue = (c.status === "open" && c.acknowledgeBy < today) || (c.status === "acknowledged" && c.respondBy < today);
  return {
    acknowledgement: judgeStep(acknowledged, c.acknowledgeBy, today, timeZone),
    response: judgeStep(responded, c.respondBy, today, timeZone),
    open: !closed,
    overdue,
  };
}

export function emptySlaTally(): SlaTally {
  return { ackN: 0, ackInTime: 0, respN: 0, respInTime: 0, opened: 0, open: 0, overdue: 0 };
}

export function addSlaTallies(a: SlaTally, b: SlaTally): SlaTally {
  return {
    ackN: a.ackN + b.ackN,
    ackInTime: a.ackInTime + b.ackInTime,
    respN: a.respN + b.respN,
    respInTime: a.respInTime + b.respInTime,
    opened: a.opened + b.opened,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
  };
}

export function tallyOfCase(j: CaseJudgement): SlaTally {
  return {
    ackN: j.acknowledgement === "not_yet_due" ? 0 : 1,
    ackInTime: j.acknowledgement === "in_time" ? 1 : 0,
    respN: j.response === "not_yet_due" ? 0 : 1,
    respInTime: j.response === "in_time" ? 1 : 0,
    opened: 1,
    open: j.open ? 1 : 0,
    overdue: j.overdue ? 1 : 0,
  };
}

/** Green at or above the target, amber within SLA_AMBER_MARGIN points below, red further below; null without a figure. */
export function slaStatus(value: number | null, targetPercent: number): TargetStatus | null {
  if (value === null) return null;
  if (value >= targetPercent) return "green";
  // Rounded figures: a hair of tolerance so 90.0 against 95 is exactly "within 5".
  return targetPercent - value <= SLA_AMBER_MARGIN + 1e-9 ? "amber" : "red";
}

/** k of n as measures.ts writes proportions: percent to 1 decimal, Wilson interval, hidden below the minimum. */
function share(k: number, n: number, minCount: number, targetPercent: number): SlaFigure {
  const tooFew = n < minCount;
  if (tooFew || n === 0) return { n, value: null, low: null, high: null, tooFew, status: null };
  const { low, high } = wilson(k, n);
  const value = roundTo((100 * k) / n, 1);
  return { n, value, low: roundTo(100 * low, 1), high: roundTo(100 * high, 1), tooFew, status: slaStatus(value, targetPercent) };
}

export function slaTargetPercent(target: number): number {
  return roundTo(100 * target, 1);
}

/** The figures of a summed tally. */
export function slaFigures(t: SlaTally, s: Pick<SlaSettings, "minCount" | "target">): SlaFigures {
  const target = slaTargetPercent(s.target);
  return {
    acknowledgedInTime: share(t.ackInTime, t.ackN, s.minCount, target),
    respondedInTime: share(t.respInTime, t.respN, s.minCount, target),
    opened: t.opened,
    open: t.open,
    overdue: t.overdue,
  };
}

/**
 * The report for cases opened from the start of `from`'s period to `to` (whole periods, as the
 * summary report widens `from`): per group, per period and over the whole range, and the same
 * for all groups together. Every period in the range is listed, empty ones with n = 0. Groups
 * are those with a case in the range, by name. Cases opened outside the range are ignored.
 */
export function slaReport(cases: readonly SlaCase[], range: { period: Period; from: string; to: string; yearStart: YearStart }, s: SlaSettings): SlaReport {
  const { period, to, yearStart } = range;
  const from = periodStartOfDate(range.from, period, yearStart);
  const starts = periodStartsBetween(from, to, period, yearStart);
  const total = new Map<string, SlaTally>();
  const groups = new Map<number, { id: number; code: string; name: string; byPeriod: Map<string, SlaTally> }>();
  const add = (into: Map<string, SlaTally>, start: string, t: SlaTally) => into.set(start, addSlaTallies(into.get(start) ?? emptySlaTally(), t));

  for (const c of cases) {
    const openedOn = localDate(c.openedAt, s.timeZone);
    if (openedOn < from || openedOn > to) continue;
    const start = periodStartOfDate(openedOn, period, yearStart);
    const t = tallyOfCase(judgeCase(c, s.today, s.timeZone));
    let g = groups.get(c.groupId);
    if (!g) groups.set(c.groupId, (g = { id: c.groupId, code: c.groupCode, name: c.groupName, byPeriod: new Map() }));
    add(g.byPeriod, start, t);
    add(total, start, t);
  }

  const series = (byPeriod: Map<string, SlaTally>) => {
    const periods = starts.map((start): SlaPeriod => {
      const last = periodEndOfDate(start, period, yearStart);
      const end = last < to ? last : to;
      return {
        period: periodLabel(start, period, yearStart),
        from: start,
        to: end,
        partial: end < last || last >= s.today,
        ...slaFigures(byPeriod.get(start) ?? emptySlaTally(), s),
      };
    });
    const overall = slaFigures([...byPeriod.values()].reduce(addSlaTallies, emptySlaTally()), s);
    return { periods, overall };
  };

  return {
    period,
    from,
    to,
    target: slaTargetPercent(s.target),
    minCount: s.minCount,
    groups: [...groups.values()]
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.code.localeCompare(b.code))
      .map((g) => ({ id: g.id, code: g.code, name: g.name, ...series(g.byPeriod) })),
    total: series(total),
  };
}

export const SLA_CSV_COLUMNS = [
  "group_code",
  "group_name",
  "period",
  "from",
  "to",
  "partial",
  "acknowledged_in_time_percent",
  "acknowledged_low",
  "acknowledged_high",
  "acknowledged_n",
  "responded_in_time_percent",
  "responded_low",
  "responded_high",
  "responded_n",
  "opened",
  "open",
  "overdue",
  "target_percent",
] as const;

/**
 * The report as CSV rows (SLA_CSV_COLUMNS): each group's periods and then its whole range
 * (period "all"), then the same for every case in scope (no group code, named "All cases").
 * A share below the minimum count is an empty cell, never 0.
 */
export function slaCsvRows(r: SlaReport): (string | number | boolean | null)[][] {
  const line = (code: string | null, name: string, period: string, from: string, to: string, partial: boolean, f: SlaFigures) => [
    code,
    name,
    period,
    from,
    to,
    partial,
    f.acknowledgedInTime.value,
    f.acknowledgedInTime.low,
    f.acknowledgedInTime.high,
    f.acknowledgedInTime.n,
    f.respondedInTime.value,
    f.respondedInTime.low,
    f.respondedInTime.high,
    f.respondedInTime.n,
    f.opened,
    f.open,
    f.overdue,
    r.target,
  ];
  const series = (code: string | null, name: string, s: { periods: SlaPeriod[]; overall: SlaFigures }) => [
    ...s.periods.map((p) => line(code, name, p.period, p.from, p.to, p.partial, p)),
    line(
      code,
      name,
      "all",
      r.from,
      r.to,
      s.periods.some((p) => p.partial),
      s.overall,
    ),
  ];
  return [...r.groups.flatMap((g) => series(g.code, g.name, g)), ...series(null, "All cases", r.total)];
}
