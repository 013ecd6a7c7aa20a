import { sql } from "drizzle-orm";
import type { Db } from "../database";
import { departments, services, staff, teams, themes } from "../schema";
import { rows } from "../sql";
import { ROLLUP_COLUMNS } from "../rollup-table";
import { addTallies, emptyTally, scoreTally, TALLY_FIELDS, type Scores, type Tally } from "../../domain/measures";
import { countedRange, isPartialPeriod, periodEndOfDate, periodLabel, periodStartOfDate, type Period, type YearStart } from "../../domain/periods";
import { firstUnjudgedDay, type RepeatJudging } from "../../domain/repeat-contact";
import type { GroupBy } from "../../schemas/report";
import { channelName } from "../../domain/vocabulary";
import { allOf, groupWhere, type GroupScope } from "./group-where";
import { unjudgedContacts } from "./repeat-contact";

export type SummaryFilter = GroupScope & {
  groupBy: GroupBy;
  period: Period;
  from: string;
  to: string;
  themeId?: number;
  /** The month the financial year starts in: quarters and years are financial ones. */
  yearStart: YearStart;
  /** The local date today: the period holding it is partial, and `to` is echoed no later than it. */
  today: string;
  /**
   * Today and the repeat window, for the repeat-contact counters (observed FCR, contacts per
   * request): contacts too recent to judge are taken out. Without it they are all left out
   * (0), as there is no "today" to judge by.
   */
  judging?: RepeatJudging;
};

export type GroupRef = { id: number | string | null; code: string | null; name: string };
export type SummaryRow = { group: GroupRef; periodStart: string; periodLabel: string; partial: boolean; scores: Scores };
export type Summary = { period: Period; from: string; to: string; minCount: number; rows: SummaryRow[] };

// Quoted aliases: PostgreSQL would fold csatN to csatn.
const SUMS = sql.raw(TALLY_FIELDS.map((f, i) => `sum(r.${ROLLUP_COLUMNS[i]}) as "${f}"`).join(", "));

const GROUP_COLUMN: Record<GroupBy, string> = {
  department: "t.department_id",
  team: "r.team_id",
  staff: "r.staff_id",
  service: "r.service_id",
  theme: "r.theme_id",
  channel: "r.channel",
};

export type SummaryTallies = { start: string; rows: { key: number | string; periodStart: string; tally: Tally }[] };

/**
 * The rollup keeps weeks, months and quarters; a year is its twelve months, summed here rather
 * than kept as a fourth row per answer (every answer would write a third more rows).
 */
const STORED_AS: Record<Period, Exclude<Period, "year">> = { week: "week", month: "month", quarter: "quarter", year: "month" };

/**
 * Reads the pre-aggregated counters, grouped in SQL; the percentages and intervals come from
 * the pure scoreTally, the same for the API, the dashboard, the export and the report.
 * Periods are whole: `from` is widened to the start of its week, month, quarter or year, and
 * every period that starts by `to` is counted to its end.
 */
export async function summaryTallies(db: Db, f: SummaryFilter): Promise<SummaryTallies> {
  const start = periodStartOfDate(f.from, f.period, f.yearStart);
  const stored = STORED_AS[f.period];
  const end = periodEndOfDate(f.to, f.period, f.yearStart);
  const where = [sql`r.period = ${stored}`, sql`r.period_start between ${start} and ${end}`];
  if (f.groupBy !== "theme") where.push(sql`r.theme_id = ${f.themeId || 0}`);
  else where.push(f.themeId ? sql`r.theme_id = ${f.themeId}` : sql`r.theme_id > 0`);
  where.push(...groupWhere(f));
  const needsTeams = f.groupBy === "department" || f.departmentId !== undefined;
  const key = sql.raw(GROUP_COLUMN[f.groupBy]);
  const found = await rows<{ key: number | string; periodStart: string } & Tally>(
    db,
    sql`select ${key} as "key", r.period_start as "periodStart", ${SUMS}
      from report_rollup r ${needsTeams ? sql`join teams t on t.id = r.team_id` : sql``}
      where ${allOf(where)}
      group by ${key}, r.period_start
      order by r.period_start, ${key}`,
  );
  const tallies = found.map(({ key, periodStart, ...sums }) => ({ key, periodStart, tally: { ...emptyTally(), ...sums } }));
  const summed = stored === f.period ? tallies : sumIntoPeriods(tallies, f);
  await judgeRepeatContact(db, f, summed);
  return { start, rows: summed };
}

/** Sums stored rows (months) into the filter's longer periods (years), in the same order. */
function sumIntoPeriods(tallies: SummaryTallies["rows"], f: SummaryFilter): SummaryTallies["rows"] {
  const byKey = new Map<string, SummaryTallies["rows"][number]>();
  for (const r of tallies) {
    const periodStart = periodStartOfDate(r.periodStart, f.period, f.yearStart);
    const id = `${periodStart}|${r.key}`;
    const found = byKey.get(id);
    if (found) found.tally = addTallies(found.tally, r.tally);
    else byKey.set(id, { key: r.key, periodStart, tally: r.tally });
  }
  return [...byKey.values()];
}

/**
 * The rollup counts every contact by a known customer when it is registered; the recent ones
 * cannot be judged yet (a repeat may still come), so their counts, read per day from
 * repeat_contact_days, come off their period's row. Theme rows have no contact counts.
 */
async function judgeRepeatContact(db: Db, f: SummaryFilter, tallies: SummaryTallies["rows"]): Promise<void> {
  const clear = (t: Tally) => void ((t.knownContacts = 0), (t.knownRepeated = 0), (t.knownRequests = 0));
  if (!f.judging) return tallies.forEach((r) => clear(r.tally));
  if (f.groupBy === "theme" || f.themeId || tallies.length === 0) return;
  const recent = await unjudgedContacts(db, {
    key: sql.raw(GROUP_COLUMN[f.groupBy]),
    where: groupWhere(f),
    needsTeams: f.groupBy === "department" || f.departmentId !== undefined,
    fromDay: firstUnjudgedDay(f.judging),
  });
  const byKey = new Map(tallies.map((r) => [`${r.key}|${r.periodStart}`, r.tally]));
  for (const u of recent) {
    const t = byKey.get(`${u.key}|${periodStartOfDate(u.day, f.period, f.yearStart)}`);
    if (!t) continue;
    // Never below zero, nor more repeated or requests than contacts: the two reads are not
    // one snapshot, and a contact registered between them is in the second only.
    t.knownContacts = Math.max(0, t.knownContacts - u.knownContacts);
    t.knownRepeated = Math.min(t.knownContacts, Math.max(0, t.knownRepeated - u.knownRepeated));
    t.knownRequests = Math.min(t.knownContacts, Math.max(0, t.knownRequests - u.knownRequests));
  }
}

export async function summaryReport(db: Db, f: SummaryFilter, minCount: number): Promise<Summary> {
  const [{ rows }, names] = await Promise.all([summaryTallies(db, f), groupNames(db, f.groupBy)]);
  return {
    period: f.period,
    ...countedRange(f.from, f.to, f.period, f.yearStart, f.today),
    minCount,
    rows: rows.map((r) => ({
      group: names(r.key),
      periodStart: r.periodStart,
      periodLabel: periodLabel(r.periodStart, f.period, f.yearStart),
      partial: isPartialPeriod(r.periodStart, f.period, f.today, f.yearStart),
      scores: scoreTally(r.tally, { minCount, perTheme: f.groupBy === "theme" || f.themeId !== undefined }),
    })),
  };
}

const NAMED = { department: departments, team: teams, staff, service: services, theme: themes } as const;

/** Names for group keys; 0 stands for "none" (no staff member, no service). */
export async function groupNames(db: Db, groupBy: GroupBy): Promise<(key: number | string) => GroupRef> {
  if (groupBy === "channel") return (key) => ({ id: key, code: String(key), name: channelName(String(key)) });
  // The five tables share id, code and name, which is all this reads.
  const table = NAMED[groupBy] as typeof teams;
  const named = await db.select({ id: table.id, code: table.code, name: table.name }).from(table);
  const byId = new Map(named.map((r) => [r.id, r]));
  const none = groupBy === "staff" ? "No staff member" : "No service given";
  return (key) => {
    const row = byId.get(Number(key));
    return row ? { id: row.id, code: row.code, name: row.name } : { id: null, code: null, name: none };
  };
}
