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
  const date = localDate(key.occurredAt, timeZone);
  for (const period of PERIODS) {
    const start = periodStartOfDate(date, period);
    for (const themeId of [0, ...themeIds]) {
      // Theme rows count responses only: tokens are issued to interactions, not to themes.
      const row = themeId === 0 ? values : values.map((v, i) => (TALLY_FIELDS[i] === "issued" ? 0 : v));
      stmt.run(period, start, themeId, key.teamId, key.staffId ?? 0, key.serviceId ?? 0, key.channel, ...row);
    }
  }
}
