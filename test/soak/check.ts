import Database from "better-sqlite3";
import type { Answer, Registered } from "./load";

/*
 * What a restarted server's database file must hold. Opened with a separate read-only
 * connection, as an operator's sqlite3 shell would, while the restarted server runs (WAL).
 */

export type Found = {
  integrity: string;
  /** Acknowledged answers found with the values that were sent. */
  answersFound: number;
  /** Acknowledged answers missing, or stored with other values: must be none. */
  answersLost: Answer[];
  /** Answers stored that were never acknowledged (committed as the process died): allowed. */
  unacknowledgedStored: number;
  registrationsFound: number;
  registrationsLost: Registered[];
  responsesTotal: number;
  tokensTotal: number;
  /** sum(responses) and sum(issued) of the monthly all-themes rollup rows. */
  rollupResponses: number;
  rollupIssued: number;
};

export function inspect(file: string, acknowledged: readonly Answer[], attempted: ReadonlySet<number>, registered: readonly Registered[]): Found {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    type Row = { interaction_id: number; csat: number; ces: number; csi: number; fcr: string; comment: string };
    const stored = new Map((db.prepare("select interaction_id, csat, ces, csi, fcr, comment from responses").all() as Row[]).map((r) => [r.interaction_id, r]));
    const answersLost = acknowledged.filter((a) => {
      const r = stored.get(a.interactionId);
      return !r || r.csat !== a.csat || r.ces !== a.ces || r.csi !== a.csi || r.fcr !== a.fcr || r.comment !== a.comment;
    });
    const ackIds = new Set(acknowledged.map((a) => a.interactionId));
    const unacknowledgedStored = [...attempted].filter((id) => !ackIds.has(id) && stored.has(id)).length;

    const refs = new Map(
      (
        db.prepare("select i.id, i.external_ref from interactions i join survey_tokens t on t.interaction_id = i.id").all() as {
          id: number;
          external_ref: string | null;
        }[]
      ).map((r) => [r.id, r.external_ref]),
    );
    const registrationsLost = registered.filter((r) => refs.get(r.id) !== r.externalRef);

    const rollup = db
      .prepare("select coalesce(sum(responses), 0) as responses, coalesce(sum(issued), 0) as issued from report_rollup where period = 'month' and theme_id = 0")
      .get() as { responses: number; issued: number };
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity,
      answersFound: acknowledged.length - answersLost.length,
      answersLost,
      unacknowledgedStored,
      registrationsFound: registered.length - registrationsLost.length,
      registrationsLost,
      responsesTotal: count("select count(*) as n from responses"),
      tokensTotal: count("select count(*) as n from survey_tokens"),
      rollupResponses: rollup.responses,
      rollupIssued: rollup.issued,
    };
  } finally {
    db.close();
  }
}
