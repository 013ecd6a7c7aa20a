import { sql } from "drizzle-orm";
import type { Db } from "../database";
import { departments, services, staff, teams, themes } from "../schema";
import { rows } from "../sql";
import { ROLLUP_COLUMNS } from "../rollup-table";
import { emptyTally, scoreTally, TALLY_FIELDS, type Scores, type Tally } from "../../domain/measures";
import { periodLabel, periodStartOfDate, type Period } from "../../domain/periods";
import { firstUnjudgedDay, type RepeatJudging } from "../../domain/repeat-contact";
import type { GroupBy } from "../../schemas/report";
import { allOf, groupWhere, type GroupScope } from "./group-where";
import { unjudgedContacts } from "./repeat-contact";

export type SummaryFilter = GroupScope & {
  groupBy: GroupBy;
  period: Period;
  from: string;
  to: string;
  themeId?: number;
  /**
   * Today and the repeat window, for the repeat-contact counters (observed FCR, contacts per
   * request): contacts too recent to judge are taken out. Without it they are all left out
   * (0), as there is no "today" to judge by.
   */
  judging?: RepeatJudging;
};

export type GroupRef = { id: number | string | null; code: string | null; name: string };
export type SummaryRow = { group: GroupRef; periodStart: string; periodLabel: string; scores: Scores };
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
 * Reads the pre-aggregated counters, grouped in SQL; the percentages and intervals come from
 * the pure scoreTally, the same for the API, the dashboard, the export and the report.
 * Periods are whole: `from` is widened to the start of its week, month or quarter.
 */
export async function summaryTallies(db: Db, f: SummaryFilter): Promise<SummaryTallies> {
  const start = periodStartOfDate(f.from, f.period);
  const where = [sql`r.period = ${f.period}`, sql`r.period_start between ${start} and ${f.to}`];
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
  await judgeRepeatContact(db, f, tallies);
  return { start, rows: tallies };
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
    const t = byKey.get(`${u.key}|${periodStartOfDate(u.day, f.period)}`);
    if (!t) continue;
    // Never below zero, nor more repeated or requests than contacts: the two reads are not
    // one snapshot, and a contact registered between them is in the second only.
    t.knownContacts = Math.max(0, t.knownContacts - u.knownContacts);
    t.knownRepeated = Math.min(t.knownContacts, Math.max(0, t.knownRepeated - u.knownRepeated));
    t.knownRequests = Math.min(t.knownContacts, Math.max(0, t.knownRequests - u.knownRequests));
  }
}

export async function summaryReport(db: Db, f: SummaryFilter, minCount: number): Promise<Summary> {
  const [{ start, rows }, names] = await Promise.all([summaryTallies(db, f), groupNames(db, f.groupBy)]);
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

const NAMED = { department: departments, team: teams, staff, service: services, theme: themes } as const;

/** Names for group keys; 0 stands for "none" (no staff member, no service). */
export async function groupNames(db: Db, groupBy: GroupBy): Promise<(key: number | string) => GroupRef> {
  if (groupBy === "channel") return (key) => ({ id: key, code: String(key), name: CHANNEL_NAMES[String(key)] ?? String(key) });
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
