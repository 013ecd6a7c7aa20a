import { and, inArray, isNotNull, lt, or } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { DAY } from "../../clock";
import type { Db } from "../../db/client";
import { contactSubjects, customerContacts, followUpContacts, ivrCalls, ivrEvents, responseThemes, responses } from "../../db/schema";
import { queueRecordingDeletionsIn } from "../phone/recording-deletions";

export type RetentionResult = { comments: number; contacts: number; subjects: number; recordings: number; callSteps: number };

/**
 * Deletes comments, contact details and recordings older than RETENTION_DAYS and keeps the
 * scores. Theme tags stay (they are counted in the reports) but lose the words that made
 * them, which came from the comment. Scores, sentiment and counters do not change, so the
 * reports read the same before and after. Recordings and transcriptions are deleted at Twilio
 * too, through a queue written in the same write. The phone survey's record of which webhook turns
 * it has handled (call ids kept so a redelivered webhook stores once) goes too: a call that
 * old receives no more webhooks.
 */
export function applyRetention(ctx: Ctx): Promise<RetentionResult> {
  return ctx.db.write((tx) => applyRetentionIn(tx, ctx));
}

/** applyRetention inside the caller's write (the daily job takes its lock in the same write). */
export async function applyRetentionIn(tx: Db, ctx: Ctx): Promise<RetentionResult> {
  const cutoff = ctx.clock.now() - ctx.config.RETENTION_DAYS * DAY;
  const old = (
    await tx
      .select({ id: responses.id })
      .from(responses)
      .where(and(isNotNull(responses.comment), lt(responses.createdAt, cutoff)))
      .orderBy(responses.id)
  ).map((r) => r.id);
  for (let i = 0; i < old.length; i += 500) {
    const ids = old.slice(i, i + 500);
    await tx.update(responses).set({ comment: null }).where(inArray(responses.id, ids));
    await tx.update(responseThemes).set({ matched: [] }).where(inArray(responseThemes.responseId, ids));
  }
  const count = (deleted: unknown[]) => deleted.length;
  const contacts =
    count(await tx.delete(customerContacts).where(lt(customerContacts.createdAt, cutoff)).returning({ id: customerContacts.interactionId })) +
    count(await tx.delete(followUpContacts).where(lt(followUpContacts.createdAt, cutoff)).returning({ id: followUpContacts.interactionId }));
  const subjects = count(await tx.delete(contactSubjects).where(lt(contactSubjects.createdAt, cutoff)).returning({ id: contactSubjects.interactionId }));
  const calls = await tx
    .select({ callSid: ivrCalls.callSid, recordingUrl: ivrCalls.recordingUrl, transcriptionSid: ivrCalls.transcriptionSid })
    .from(ivrCalls)
    .where(and(or(isNotNull(ivrCalls.recordingUrl), isNotNull(ivrCalls.transcriptionSid)), lt(ivrCalls.createdAt, cutoff)))
    .orderBy(ivrCalls.callSid);
  for (let i = 0; i < calls.length; i += 500) {
    const chunk = calls.slice(i, i + 500);
    await queueRecordingDeletionsIn(tx, chunk, ctx.clock.now());
    await tx
      .update(ivrCalls)
      .set({ recordingUrl: null, transcriptionSid: null })
      .where(
        inArray(
          ivrCalls.callSid,
          chunk.map((c) => c.callSid),
        ),
      );
  }
  const recordings = calls.filter((c) => c.recordingUrl !== null).length;
  const callSteps = count(await tx.delete(ivrEvents).where(lt(ivrEvents.createdAt, cutoff)).returning({ id: ivrEvents.callSid }));
  return { comments: old.length, contacts, subjects, recordings, callSteps };
}
