import type { Db } from "../client";
import { emptyTally, scoreTally, TALLY_FIELDS, type Scores, type Tally } from "../../domain/measures";
import { periodLabel, periodStartOfDate, type Period } from "../../domain/periods";
import type { GroupBy } from "../../schemas/report";
import { groupWhere, type GroupScope } from "./group-where";
import { prepared } from "../prepared";
import { ROLLUP_COLUMNS } from "../../services/rollup";

export type SummaryFilter = GroupScope & {
  groupBy: GroupBy;
  period: Period;
  from: string;
  to: string;
  themeId?: number;
};

export type GroupRef = { id: number | string | null; code: string | null; name: string };
export type SummaryRow = { group: GroupRef; periodStart: string; periodLabel: string; scores: Scores };
export type Summary = { period: Period; from: string; to: string; minCount: number; rows: SummaryRow[] };

const SUMS = TALLY_FIELDS.map((f, i) => `sum(r.${ROLLUP_COLUMNS[i]}) as ${f}`).join(", ");

const GROUP_COLUMN: Record<GroupBy, string> = {
  department: "t.department_id",
  team: "r.team_id",
  staff: "r.staff_id",
  service: "r.service_id",
  theme: "r.theme_id",
  channel: "r.channel",
};

/**
 * Reads the pre-aggregated counters, grouped in SQL; the percentages and intervals come from
 * the pure scoreTally, the same for the API, the dashboard, the export and the report.
 * Periods are whole: `from` is widened to the start of its week, month or quarter.
 */
export function summaryTallies(db: Db, f: SummaryFilter): { start: string; rows: { key: number | string; periodStart: string; tally: Tally }[] } {
  const start = periodStartOfDate(f.from, f.period);
  const where = ["r.period = ?", "r.period_start between ? and ?"];
  const params: (string | number)[] = [f.period, start, f.to];
  if (f.groupBy === "theme") where.push(f.themeId ? "r.theme_id = ?" : "r.theme_id > 0");
  else where.push("r.theme_id = ?");
  if (f.themeId) params.push(f.themeId);
  else if (f.groupBy !== "theme") params.push(0);
  const needsTeams = f.groupBy === "department" || f.departmentId !== undefined;
  const scope = groupWhere(f);
  where.push(...scope.where);
  params.push(...scope.params);
  const sql = `select ${GROUP_COLUMN[f.groupBy]} as key, r.period_start as periodStart, ${SUMS}
    from report_rollup r ${needsTeams ? "join teams t on t.id = r.team_id" : ""}
    where ${where.join(" and ")}
    group by key, r.period_start
    order by r.period_start, key`;
  const rows = prepared(db.$client, sql).all(...params) as ({ key: number | string; periodStart: string } & Tally)[];
  return {
    start,
    rows: rows.map(({ key, periodStart, ...sums }) => ({ key, periodStart, tally: { ...emptyTally(), ...sums } })),
  };
}

export function summaryReport(db: Db, f: SummaryFilter, minCount: number): Summary {
  const { start, rows } = summaryTallies(db, f);
  const names = groupNames(db, f.groupBy);
  return {
    period: f.period,
    from: start,
    to: f.to,
    minCount,
    rows: rows.map((r) => ({
      group: names(r.key),
      periodStart: r.periodStart,
      periodLabel: periodLabel(r.periodStart, f.period),
      scores: scoreTally(r.tally, { minCount }),
    })),
  };
}

const CHANNEL_NAMES: Record<string, string> = {
  phone: "Phone",
  email: "Email",
  face_to_face: "Face to face",
  web_chat: "Web chat",
  letter: "Letter",
};

/** Names for group keys; 0 stands for "none" (no staff member, no service). */
export function groupNames(db: Db, groupBy: GroupBy): (key: number | string) => GroupRef {
  if (groupBy === "channel") return (key) => ({ id: key, code: String(key), name: CHANNEL_NAMES[String(key)] ?? String(key) });
  const table = { department: "departments", team: "teams", staff: "staff", service: "services", theme: "themes" }[groupBy];
  const rows = db.$client.prepare(`select id, code, name from ${table}`).all() as { id: number; code: string; name: string }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const none = groupBy === "staff" ? "No staff member" : "No service given";
  return (key) => {
    const row = byId.get(Number(key));
    return row ? { id: row.id, code: row.code, name: row.name } : { id: null, code: null, name: none };
  };
}
