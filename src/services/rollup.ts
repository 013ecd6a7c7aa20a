import type Database from "better-sqlite3";
import { TALLY_FIELDS, type Tally } from "../domain/measures";
import { localDate, periodStartOfDate, type Period } from "../domain/periods";

export const PERIODS: readonly Period[] = ["week", "month", "quarter"];

export type RollupKey = {
  occurredAt: number;
  teamId: number;
  staffId: number | null;
  serviceId: number | null;
  channel: string;
};

const snake = (s: string) => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const COLUMNS = TALLY_FIELDS.map(snake);

/**
 * The local date of an instant, remembered per quarter hour (every zone's offset and DST change
 * falls on a quarter hour); a quarter hour that straddles local midnight is not cached. Intl's
 * time-zone formatting was the largest single cost of applying an answer. Bounded: cleared
 * when it holds a few years of quarter hours.
 */
const dayCache = new Map<string, string | null>();
function cachedLocalDate(epochMs: number, timeZone: string): string {
  const QUARTER = 900_000;
  const bucket = Math.floor(epochMs / QUARTER);
  const key = `${timeZone}|${bucket}`;
  let day = dayCache.get(key);
  if (day === undefined) {
    if (dayCache.size > 200_000) dayCache.clear();
    const first = localDate(bucket * QUARTER, timeZone);
    day = first === localDate(bucket * QUARTER + QUARTER - 1, timeZone) ? first : null;
    dayCache.set(key, day);
  }
  return day ?? localDate(epochMs, timeZone);
}

const statements = new WeakMap<Database.Database, Database.Statement>();

function upsertStatement(sqlite: Database.Database): Database.Statement {
  let stmt = statements.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare(
      `insert into report_rollup (period, period_start, theme_id, team_id, staff_id, service_id, channel, ${COLUMNS.join(", ")})
       values (?, ?, ?, ?, ?, ?, ?, ${COLUMNS.map(() => "?").join(", ")})
       on conflict (period, theme_id, period_start, team_id, staff_id, service_id, channel) do update set
       ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`,
    );
    statements.set(sqlite, stmt);
  }
  return stmt;
}

/**
 * Adds a tally (which may be negative, to take an old answer back) to every period's row of
 * the group, for all responses (theme 0) and for each theme the response is tagged with.
 * Must run inside the caller's transaction, so counters and answers change together.
 */
export function applyToRollup(
  sqlite: Database.Database,
  key: RollupKey,
  themeIds: readonly number[],
  tally: Tally,
  timeZone: string,
): void {
  const stmt = upsertStatement(sqlite);
  const values = TALLY_FIELDS.map((f) => tally[f]);
  const date = cachedLocalDate(key.occurredAt, timeZone);
  for (const period of PERIODS) {
    const start = periodStartOfDate(date, period);
    for (const themeId of [0, ...themeIds]) {
      // Theme rows count responses only: tokens are issued to interactions, not to themes.
      const row = themeId === 0 ? values : values.map((v, i) => (TALLY_FIELDS[i] === "issued" ? 0 : v));
      stmt.run(period, start, themeId, key.teamId, key.staffId ?? 0, key.serviceId ?? 0, key.channel, ...row);
    }
  }
}
