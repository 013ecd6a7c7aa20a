import type { Db } from "../db/client";
import { markRollupComplete } from "../db/rollup-features";
import { emptyTally, tallyOfResponse, type Fcr, type Tally } from "../domain/measures";
import { RollupSums } from "./rollup-sums";

/*
 * Recomputes report_rollup from the facts (interactions with their survey tokens, responses,
 * response themes), with the same tallies (measures.ts), periods and aggregation (RollupSums)
 * as the import and the same meaning as the incremental upkeep in rollup.ts. Used by the demo
 * generator (which inserts rows in bulk and counts once at the end), by `cli rollup rebuild`,
 * and by the tests that check the incremental counters against a full recount.
 */

// Rows as arrays (better-sqlite3 raw mode): the fact columns first, then whatever follows.
type FactRow = readonly [occurredAt: number, teamId: number, staffId: number | null, serviceId: number | null, channel: string, ...rest: unknown[]];
type ResponseRow = readonly [
  occurredAt: number, teamId: number, staffId: number | null, serviceId: number | null, channel: string,
  csat: number | null, ces: number | null, csi: number | null, fcr: string | null, sentiment: number | null, commented: number, ...rest: unknown[],
];

const FACT_COLUMNS = "occurred_at, team_id, staff_id, service_id, channel";
const ANSWER_COLUMNS = "r.csat, r.ces, r.csi, r.fcr, r.comment_sentiment, r.commented";

export type RebuildStats = { rows: number; interactions: number; responses: number };

/** Replaces every row of report_rollup with a recount, in one transaction. */
export function rebuildRollup(db: Db, timeZone: string): RebuildStats {
  const sqlite = db.$client;
  const sums = new RollupSums(timeZone);
  const add = (row: FactRow, themeId: number, tally: Tally) =>
    sums.addToTheme(row[0], row[1], row[2] ?? 0, row[3] ?? 0, row[4], themeId, tally);
  const columns = (prefix: string) => FACT_COLUMNS.split(", ").map((c) => `${prefix}.${c}`).join(", ");

  return db.transaction(
    () => {
      let interactions = 0;
      let responses = 0;
      // Tokens are counted when issued (registerInteraction), on the interaction's group.
      const issued = { ...emptyTally(), issued: 1 };
      for (const row of sqlite.prepare(`select ${columns("i")} from interactions i join survey_tokens t on t.interaction_id = i.id`).raw().iterate() as IterableIterator<FactRow>) {
        add(row, 0, issued);
        interactions++;
      }
      const answered = (row: ResponseRow) =>
        tallyOfResponse({ csat: row[5], ces: row[6], csi: row[7], fcr: row[8] as Fcr | null, commentSentiment: row[9], commented: row[10] === 1 });
      for (const row of sqlite.prepare(`select ${columns("r")}, ${ANSWER_COLUMNS} from responses r`).raw().iterate() as IterableIterator<ResponseRow>) {
        add(row, 0, answered(row));
        responses++;
      }
      // A theme's rows hold only the responses tagged with it (and never tokens).
      const themed = sqlite
        .prepare(`select ${columns("r")}, ${ANSWER_COLUMNS}, rt.theme_id from response_themes rt join responses r on r.id = rt.response_id`)
        .raw();
      for (const row of themed.iterate() as IterableIterator<ResponseRow>) add(row, Number(row[11]), answered(row));

      sqlite.prepare("delete from report_rollup").run();
      const rows = sums.write(sqlite);
      // Every counter is now right for all history, those added by later migrations included.
      markRollupComplete(sqlite);
      return { rows, interactions, responses };
    },
    { behavior: "immediate" },
  );
}
