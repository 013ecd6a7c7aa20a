import type { Db } from "../db/client";
import { addTallies, emptyTally, TALLY_FIELDS, type Fcr, type Tally } from "../domain/measures";
import { localDate, periodStartOfDate } from "../domain/periods";
import { tallyOfResponse } from "../domain/measures";
import { PERIODS } from "./rollup";

/*
 * Recomputes report_rollup from the facts (interactions with their survey tokens, responses,
 * response themes), with the same tallies (measures.ts) and the same periods (periods.ts) as
 * the incremental upkeep in rollup.ts. Used by the demo generator (which inserts rows in bulk
 * and builds the counters once at the end), by `cli rollup rebuild`, and by the test that
 * checks the incremental counters against a full recount.
 *
 * Rows are first summed per local day and group, then each day is spread to its week, month
 * and quarter: a million responses touch the Intl time-zone code a few thousand times, not
 * three million.
 */

type Group = { day: string; themeId: number; teamId: number; staffId: number; serviceId: number; channel: string };

/**
 * The local date of an instant, cached per quarter of an hour: every zone's offset and every
 * DST change falls on a quarter hour, so all instants of one quarter hour share a date unless
 * the quarter hour straddles a local midnight, which the check of both its ends catches.
 */
export function localDayCache(timeZone: string): (epochMs: number) => string {
  const QUARTER = 900_000;
  const cache = new Map<number, string | null>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / QUARTER);
    let day = cache.get(bucket);
    if (day === undefined) {
      const first = localDate(bucket * QUARTER, timeZone);
      day = first === localDate(bucket * QUARTER + QUARTER - 1, timeZone) ? first : null;
      cache.set(bucket, day);
    }
    return day ?? localDate(epochMs, timeZone);
  };
}

// Rows as arrays (better-sqlite3 raw mode): the fact columns first, then whatever follows.
type FactRow = readonly [occurredAt: number, teamId: number, staffId: number | null, serviceId: number | null, channel: string, ...rest: unknown[]];
type ResponseRow = readonly [
  occurredAt: number, teamId: number, staffId: number | null, serviceId: number | null, channel: string,
  csat: number | null, ces: number | null, csi: number | null, fcr: string | null, sentiment: number | null, ...rest: unknown[],
];

const FACT_COLUMNS = "occurred_at, team_id, staff_id, service_id, channel";
const ANSWER_COLUMNS = "r.csat, r.ces, r.csi, r.fcr, r.comment_sentiment";

export type RebuildStats = { rows: number; interactions: number; responses: number };

/** Replaces every row of report_rollup with a recount, in one transaction. */
export function rebuildRollup(db: Db, timeZone: string): RebuildStats {
  const sqlite = db.$client;
  const dayOf = localDayCache(timeZone);
  const byDay = new Map<string, { group: Group; tally: Tally }>();

  const add = (row: FactRow, themeId: number, tally: Tally) => {
    const [occurredAt, teamId, staffId, serviceId, channel] = row;
    const group: Group = { day: dayOf(occurredAt), themeId, teamId, staffId: staffId ?? 0, serviceId: serviceId ?? 0, channel };
    const key = `${group.day}|${themeId}|${teamId}|${group.staffId}|${group.serviceId}|${channel}`;
    const entry = byDay.get(key);
    if (entry) entry.tally = addTallies(entry.tally, tally);
    else byDay.set(key, { group, tally });
  };

  return db.transaction(
    () => {
      let interactions = 0;
      let responses = 0;
      // Tokens are counted when issued (registerInteraction), on the interaction's group.
      const issued = { ...emptyTally(), issued: 1 };
      const tokenRows = sqlite
        .prepare(`select ${FACT_COLUMNS.split(", ").map((c) => `i.${c}`).join(", ")} from interactions i join survey_tokens t on t.interaction_id = i.id`)
        .raw();
      for (const row of tokenRows.iterate() as IterableIterator<FactRow>) {
        add(row, 0, issued);
        interactions++;
      }
      const answered = (row: ResponseRow) =>
        tallyOfResponse({ csat: row[5], ces: row[6], csi: row[7], fcr: row[8] as Fcr | null, commentSentiment: row[9] });
      const responseRows = sqlite.prepare(`select ${FACT_COLUMNS.split(", ").map((c) => `r.${c}`).join(", ")}, ${ANSWER_COLUMNS} from responses r`).raw();
      for (const row of responseRows.iterate() as IterableIterator<ResponseRow>) {
        add(row, 0, answered(row));
        responses++;
      }
      // A theme's rows hold only the responses tagged with it (and never tokens).
      const themedRows = sqlite
        .prepare(
          `select ${FACT_COLUMNS.split(", ").map((c) => `r.${c}`).join(", ")}, ${ANSWER_COLUMNS}, rt.theme_id
           from response_themes rt join responses r on r.id = rt.response_id`,
        )
        .raw();
      for (const row of themedRows.iterate() as IterableIterator<ResponseRow>) {
        add(row, Number(row[10]), answered(row));
      }

      const byPeriod = new Map<string, { period: string; start: string; group: Group; tally: Tally }>();
      for (const { group, tally } of byDay.values()) {
        for (const period of PERIODS) {
          const start = periodStartOfDate(group.day, period);
          const key = `${period}|${start}|${group.themeId}|${group.teamId}|${group.staffId}|${group.serviceId}|${group.channel}`;
          const entry = byPeriod.get(key);
          if (entry) entry.tally = addTallies(entry.tally, tally);
          else byPeriod.set(key, { period, start, group, tally });
        }
      }

      sqlite.prepare("delete from report_rollup").run();
      const columns = TALLY_FIELDS.map((f) => f.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`));
      const insert = sqlite.prepare(
        `insert into report_rollup (period, period_start, theme_id, team_id, staff_id, service_id, channel, ${columns.join(", ")})
         values (${["?", "?", "?", "?", "?", "?", "?", ...columns.map(() => "?")].join(", ")})`,
      );
      for (const { period, start, group, tally } of byPeriod.values()) {
        insert.run(period, start, group.themeId, group.teamId, group.staffId, group.serviceId, group.channel, ...TALLY_FIELDS.map((f) => tally[f]));
      }
      return { rows: byPeriod.size, interactions, responses };
    },
    { behavior: "immediate" },
  );
}
