import { eq, inArray, or } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { contactSubjects, customerContacts, emailOutbox, ivrCalls, responseThemes, responses } from "../../db/schema";
import { normaliseEmail, subjectHash } from "./subject-hash";

export type ErasureRequest = { email?: string; phone?: string };
export type ErasureResult = { interactions: number; comments: number; contacts: number };

/**
 * Right to erasure: deletes everything that identifies the person (contact details, the keyed
 * hashes that link them to interactions, the comments they wrote, call recordings) and keeps
 * the anonymous scores, so reports do not change. secure_delete (set on every connection)
 * overwrites the freed space, and the checkpoint empties the write-ahead log, so nothing of
 * them stays in the database file either.
 */
export function erasePerson(ctx: Ctx, request: ErasureRequest): ErasureResult {
  const pepper = ctx.config.TOKEN_PEPPER;
  const hashes = [
    ...(request.email ? [subjectHash("email", request.email, pepper)] : []),
    ...(request.phone ? [subjectHash("phone", request.phone, pepper)] : []),
  ];
  if (hashes.length === 0) return { interactions: 0, comments: 0, contacts: 0 };
  const result = ctx.db.transaction(
    (tx) => {
      const linked = tx
        .select({ id: contactSubjects.interactionId })
        .from(contactSubjects)
        .where(inArray(contactSubjects.subjectHash, hashes))
        .all()
        .map((r) => r.id);
      const direct = tx
        .select({ id: customerContacts.interactionId })
        .from(customerContacts)
        .where(
          or(
            request.email ? eq(customerContacts.email, normaliseEmail(request.email)) : undefined,
            request.phone ? eq(customerContacts.phone, request.phone) : undefined,
          ),
        )
        .all()
        .map((r) => r.id);
      const ids = [...new Set([...linked, ...direct])];
      let comments = 0;
      let contacts = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const answered = tx.select({ id: responses.id }).from(responses).where(inArray(responses.interactionId, chunk)).all().map((r) => r.id);
        comments += tx.update(responses).set({ comment: null }).where(inArray(responses.id, answered)).run().changes;
        tx.update(responseThemes).set({ matched: [] }).where(inArray(responseThemes.responseId, answered)).run();
        contacts += tx.delete(customerContacts).where(inArray(customerContacts.interactionId, chunk)).run().changes;
        tx.update(ivrCalls).set({ recordingUrl: null }).where(inArray(ivrCalls.interactionId, chunk)).run();
        tx.update(emailOutbox).set({ status: "cancelled" }).where(inArray(emailOutbox.interactionId, chunk)).run();
        tx.delete(contactSubjects).where(inArray(contactSubjects.interactionId, chunk)).run();
      }
      return { interactions: ids.length, comments, contacts };
    },
    { behavior: "immediate" },
  );
  ctx.db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return result;
}
