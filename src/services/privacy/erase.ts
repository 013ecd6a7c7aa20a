import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { contactSubjects, customerContacts, emailOutbox, followUpContacts, ivrCalls, responseThemes, responses } from "../../db/schema";
import { checkpointWal } from "../../db/sqlite-maintenance";
import { queueRecordingDeletionsIn } from "../phone/recording-deletions";
import { customerHashesOf, idsOfCustomers } from "../../db/queries/repeat-contact";
import { customerHashOf, forgetCustomers } from "../repeat-contact";
import { deleteMailFiles, mailFolder } from "./mail-files";
import { normaliseEmail, subjectHash } from "./subject-hash";

/** `key` is the CRM's customer id given at registration (customer.key): it finds their contacts by its keyed hash. */
export type ErasureRequest = { email?: string; phone?: string; key?: string };
export type ErasureResult = { interactions: number; comments: number; contacts: number; mailFiles: number; recordings: number };

/**
 * Right to erasure: deletes everything that identifies the person (contact details, the keyed
 * hashes that link them to interactions, the comments they wrote, call recordings, and the
 * emails written to DATA_DIR/outbox-mail/ when there is no SMTP server) and keeps the
 * anonymous scores, so reports do not change. The customer's keyed hash on their interactions
 * goes too: those contacts then have no known customer and leave the repeat-contact figures
 * (observed FCR, contacts per request), which count only contacts by a known customer. Emails still waiting are cancelled; those
 * already sent keep their status, as the delivery history is not about the person once the
 * address is gone. Recordings and transcriptions at Twilio are queued for deletion in the
 * same write. On SQLite, secure_delete (set on every connection) overwrites the freed space,
 * and the checkpoint empties the write-ahead log, so nothing of them stays in the database
 * file either.
 */
export async function erasePerson(ctx: Ctx, request: ErasureRequest): Promise<ErasureResult> {
  const pepper = ctx.config.TOKEN_PEPPER;
  const hashes = [
    ...(request.email ? [subjectHash("email", request.email, pepper)] : []),
    ...(request.phone ? [subjectHash("phone", request.phone, pepper)] : []),
  ];
  // Each way the person may have been named for repeat contact (a key, an address, a number).
  const customers = [
    ...(request.key ? [customerHashOf({ key: request.key }, pepper)] : []),
    ...(request.email ? [customerHashOf({ email: request.email }, pepper)] : []),
    ...(request.phone ? [customerHashOf({ phone: request.phone }, pepper)] : []),
  ].filter((h): h is string => h !== null);
  if (hashes.length === 0 && customers.length === 0) return { interactions: 0, comments: 0, contacts: 0, mailFiles: 0, recordings: 0 };
  const now = ctx.clock.now();
  const { addresses, messageIds, ...result } = await ctx.db.write(async (tx) => {
    const linked =
      hashes.length === 0
        ? []
        : await tx.select({ id: contactSubjects.interactionId }).from(contactSubjects).where(inArray(contactSubjects.subjectHash, hashes));
    const direct =
      !request.email && !request.phone
        ? []
        : await tx
            .select({ id: customerContacts.interactionId })
            .from(customerContacts)
            .where(
              or(
                request.email ? eq(customerContacts.email, normaliseEmail(request.email)) : undefined,
                request.phone ? eq(customerContacts.phone, request.phone) : undefined,
              ),
            );
    // Also found by the customer's hash, which outlives the contact details retention deletes;
    // and the hash names the same person on their other contacts (registered by key alone, or
    // by the address when this is the number), so those are theirs too.
    const found = [...linked, ...direct].map((r) => r.id);
    const named = await idsOfCustomers(tx, [...new Set([...customers, ...(await customerHashesOf(tx, found))])]);
    const ids = [...new Set([...found, ...named])].sort((a, b) => a - b);
    let comments = 0;
    let contacts = 0;
    let recordings = 0;
    // The emails sent to this person: found by address, and by the outbox rows that sent them
    // (an erasure by phone number finds the email address only through its interactions).
    const addresses = request.email ? [normaliseEmail(request.email)] : [];
    const messageIds: string[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const answered = (await tx.select({ id: responses.id }).from(responses).where(inArray(responses.interactionId, chunk))).map((r) => r.id);
      if (answered.length > 0) {
        comments += (await tx.update(responses).set({ comment: null }).where(inArray(responses.id, answered)).returning({ id: responses.id })).length;
        await tx.update(responseThemes).set({ matched: [] }).where(inArray(responseThemes.responseId, answered));
      }
      const forgotten = await tx
        .delete(customerContacts)
        .where(inArray(customerContacts.interactionId, chunk))
        .returning({ id: customerContacts.interactionId, email: customerContacts.email });
      contacts += forgotten.length;
      for (const c of forgotten) if (c.email) addresses.push(c.email);
      // A request to be contacted about a follow-up case: its details, and the message with them.
      const requests = await tx
        .delete(followUpContacts)
        .where(inArray(followUpContacts.interactionId, chunk))
        .returning({ id: followUpContacts.interactionId, email: followUpContacts.email });
      contacts += requests.length;
      for (const c of requests) if (c.email) addresses.push(c.email);
      const calls = await tx
        .select({ callSid: ivrCalls.callSid, recordingUrl: ivrCalls.recordingUrl, transcriptionSid: ivrCalls.transcriptionSid })
        .from(ivrCalls)
        .where(and(inArray(ivrCalls.interactionId, chunk), or(isNotNull(ivrCalls.recordingUrl), isNotNull(ivrCalls.transcriptionSid))));
      if (calls.length > 0) {
        recordings += await queueRecordingDeletionsIn(tx, calls, now);
        await tx
          .update(ivrCalls)
          .set({ recordingUrl: null, transcriptionSid: null })
          .where(
            inArray(
              ivrCalls.callSid,
              calls.map((c) => c.callSid),
            ),
          );
      }
      await tx
        .update(emailOutbox)
        .set({ status: "cancelled" })
        .where(and(inArray(emailOutbox.interactionId, chunk), inArray(emailOutbox.status, ["pending", "sending"])));
      const sent = await tx
        .select({ messageId: emailOutbox.messageId })
        .from(emailOutbox)
        .where(and(inArray(emailOutbox.interactionId, chunk), isNotNull(emailOutbox.messageId)));
      for (const s of sent) if (s.messageId) messageIds.push(s.messageId);
      await tx.delete(contactSubjects).where(inArray(contactSubjects.interactionId, chunk));
      await forgetCustomers(tx, ctx, chunk);
    }
    return { interactions: ids.length, comments, contacts, recordings, addresses, messageIds };
  });
  // After the write: files are not part of the transaction, and an erasure that failed in the
  // database must be possible to run again.
  const mailFiles = deleteMailFiles(mailFolder(ctx.config.DATA_DIR), { addresses, messageIds });
  await checkpointWal(ctx.db);
  return { ...result, mailFiles };
}
