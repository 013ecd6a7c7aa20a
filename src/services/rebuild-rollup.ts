import { and, eq, gt, lte, max } from "drizzle-orm";
import type { Database, Db } from "../db/client";
import { markRollupComplete } from "../db/rollup-features";
import { writeRollupBasis } from "../db/queries/rollup-basis";
import { interactions, repeatContactDays, reportRollup, responseThemes, responses, surveyTokens } from "../db/schema";
import { lockTableForWrite } from "../db/locks";
import type { ReportCalendar } from "../domain/periods";
import { emptyTally, tallyOfResponse, type Fcr, type Tally } from "../domain/measures";
import { contactCounts, isZero, NO_CONTACT_COUNTS } from "../domain/repeat-contact";
import { RollupSums } from "./rollup-sums";
import { ContactSums, contactTally } from "./repeat-contact";

/*
 * Recomputes report_rollup from the facts (interactions with their survey tokens and their
 * repeat-contact links, responses, response themes), and repeat_contact_days beside it, with the same tallies (measures.ts), periods and aggregation (RollupSums)
 * as the import and the same meaning as the incremental upkeep in rollup.ts. Used by the demo
 * generator (which inserts rows in bulk and counts once at the end), by `cli rollup rebuild`,
 * and by the tests that check the incremental counters against a full recount.
 */

export type RebuildStats = { rows: number; interactions: number; responses: number };

/**
 * The version of the counting rules (domain/measures.ts tallyOfResponse and what feeds it),
 * recorded with every recount. Raise it when a change makes counters already in report_rollup
 * wrong: every server and CLI run then recounts once before serving or adding to them.
 * 2: the response rate counts answers to survey tokens only; the CSI index is answered CSI
 * only; comment sentiment has its own counters.
 */
export const COUNTING_VERSION = 2;

/** Ids read per query: the facts are read a slice at a time, never all into memory at once. */
const SLICE = 20_000;

/** Replaces every row of report_rollup with a recount, in one write. */
export function rebuildRollup(db: Database, calendar: ReportCalendar): Promise<RebuildStats> {
  return db.write((tx) => rebuildRollupIn(tx, calendar));
}

/**
 * rebuildRollup inside the caller's write. The recount and the replacement happen in one
 * transaction, so the counters of answers arriving meanwhile are neither lost nor counted
 * twice: on SQLite the write holds the database; on PostgreSQL the lock on report_rollup makes
 * every other write wait at its counters (after its facts, which this transaction then does
 * not see) until the recount is committed. On SQLite it must not share a group commit with
 * writes that add to the counters before it (their facts would be counted here and their
 * additions added again at the commit): run it where nothing else writes, as the CLI does.
 */
export async function rebuildRollupIn(tx: Db, calendar: ReportCalendar): Promise<RebuildStats> {
  await lockTableForWrite(tx, reportRollup);
  await lockTableForWrite(tx, repeatContactDays);
  const sums = new RollupSums(calendar);
  const contacts = new ContactSums(sums, calendar.timeZone);
  type Facts = { occurredAt: number; teamId: number; staffId: number | null; serviceId: number | null; channel: string };
  const add = (row: Facts, themeId: number, tally: Tally) =>
    sums.addToTheme(row.occurredAt, row.teamId, row.staffId ?? 0, row.serviceId ?? 0, row.channel, themeId, tally);

  // Tokens are counted when issued (registerInteraction), on the interaction's group.
  const issued = { ...emptyTally(), issued: 1 };
  let interactionCount = 0;
  const [{ last: lastInteraction } = { last: null }] = await tx.select({ last: max(interactions.id) }).from(interactions);
  for (let from = 0; from < (lastInteraction ?? 0); from += SLICE) {
    const slice = await tx
      .select({
        occurredAt: interactions.occurredAt,
        teamId: interactions.teamId,
        staffId: interactions.staffId,
        serviceId: interactions.serviceId,
        channel: interactions.channel,
        token: surveyTokens.interactionId,
        customerHash: interactions.customerHash,
        repeatOf: interactions.repeatOf,
        repeated: interactions.repeated,
      })
      .from(interactions)
      .leftJoin(surveyTokens, eq(surveyTokens.interactionId, interactions.id))
      .where(and(gt(interactions.id, from), lte(interactions.id, from + SLICE)));
    for (const row of slice) {
      // Repeat contact counts every contact by a known customer, imported history (no token) too.
      const counts = row.customerHash === null ? NO_CONTACT_COUNTS : contactCounts(row);
      if (row.token !== null) {
        add(row, 0, isZero(counts) ? issued : contactTally(counts, 1));
        interactionCount++;
      } else if (!isZero(counts)) add(row, 0, contactTally(counts));
      contacts.addDay(row, counts);
    }
  }

  const answer = {
    occurredAt: responses.occurredAt,
    teamId: responses.teamId,
    staffId: responses.staffId,
    serviceId: responses.serviceId,
    channel: responses.channel,
    csat: responses.csat,
    ces: responses.ces,
    csi: responses.csi,
    fcr: responses.fcr,
    commentSentiment: responses.commentSentiment,
    commented: responses.commented,
    token: surveyTokens.interactionId,
  };
  type Answer = {
    csat: number | null;
    ces: number | null;
    csi: number | null;
    fcr: Fcr | null;
    commentSentiment: number | null;
    commented: number;
    token: number | null;
  };
  const answered = (r: Answer) =>
    tallyOfResponse({
      csat: r.csat,
      ces: r.ces,
      csi: r.csi,
      fcr: r.fcr,
      commentSentiment: r.commentSentiment,
      commented: r.commented === 1,
      tokened: r.token !== null,
    });
  let responseCount = 0;
  const [{ last: lastResponse } = { last: null }] = await tx.select({ last: max(responses.id) }).from(responses);
  for (let from = 0; from < (lastResponse ?? 0); from += SLICE) {
    const inSlice = (id: typeof responses.id | typeof responseThemes.responseId) => and(gt(id, from), lte(id, from + SLICE));
    const withToken = eq(surveyTokens.interactionId, responses.interactionId);
    const slice = await tx.select(answer).from(responses).leftJoin(surveyTokens, withToken).where(inSlice(responses.id));
    for (const row of slice) add(row, 0, answered(row));
    responseCount += slice.length;
    // A theme's rows hold only the responses tagged with it (and never tokens).
    const themed = await tx
      .select({ ...answer, themeId: responseThemes.themeId })
      .from(responseThemes)
      .innerJoin(responses, eq(responses.id, responseThemes.responseId))
      .leftJoin(surveyTokens, withToken)
      .where(inSlice(responseThemes.responseId));
    for (const row of themed) add(row, row.themeId, answered(row));
  }

  await tx.delete(reportRollup);
  await tx.delete(repeatContactDays);
  const rows = await sums.write(tx);
  await contacts.writeDays(tx);
  // Every counter is now right for all history, those added by later migrations included,
  // bucketed in this zone and financial year by these rules.
  await markRollupComplete(tx);
  await writeRollupBasis(tx, { ...calendar, countingVersion: COUNTING_VERSION });
  return { rows, interactions: interactionCount, responses: responseCount };
}
