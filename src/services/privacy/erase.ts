import { eq, inArray, or } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { contactSubjects, customerContacts, emailOutbox, ivrCalls, responseThemes, responses } from "../../db/schema";
import { checkpointWal } from "../../db/sqlite-maintenance";
import { normaliseEmail, subjectHash } from "./subject-hash";

export type ErasureRequest = { email?: string; phone?: string };
export type ErasureResult = { interactions: number; comments: number; contacts: number };

/**
 * Right to erasure: deletes everything that identifies the person (contact details, the keyed
 * hashes that link them to interactions, the comments they wrote, call recordings) and keeps
 * the anonymous scores, so reports do not change. On SQLite, secure_delete (set on every
 * connection) overwrites the freed space, and the checkpoint empties the write-ahead log, so
 * nothing of them stays in the database file either.
 */
export async function erasePerson(ctx: Ctx, request: ErasureRequest): Promise<ErasureResult> {
  const pepper = ctx.config.TOKEN_PEPPER;
  const hashes = [
    ...(request.email ? [subjectHash("email", request.email, pepper)] : []),
    ...(request.phone ? [subjectHash("phone", request.phone, pepper)] : []),
  ];
  if (hashes.length === 0) return { interactions: 0, comments: 0, contacts: 0 };
  const result = await ctx.db.write(async (tx) => {
    const linked = await tx.select({ id: contactSubjects.interactionId }).from(contactSubjects).where(inArray(contactSubjects.subjectHash, hashes));
    const direct = await tx
      .select({ id: customerContacts.interactionId })
      .from(customerContacts)
      .where(
        or(
          request.email ? eq(customerContacts.email, normaliseEmail(request.email)) : undefined,
          request.phone ? eq(customerContacts.phone, request.phone) : undefined,
        ),
      );
    const ids = [...new Set([...linked, ...direct].map((r) => r.id))].sort((a, b) => a - b);
    let comments = 0;
    let contacts = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const answered = (await tx.select({ id: responses.id }).from(responses).where(inArray(responses.interactionId, chunk))).map((r) => r.id);
      if (answered.length > 0) {
        comments += (await tx.update(responses).set({ comment: null }).where(inArray(responses.id, answered)).returning({ id: responses.id })).length;
        await tx.update(responseThemes).set({ matched: [] }).where(inArray(responseThemes.responseId, answered));
      }
      contacts += (await tx.delete(customerContacts).where(inArray(customerContacts.interactionId, chunk)).returning({ id: customerContacts.interactionId })).length;
      await tx.update(ivrCalls).set({ recordingUrl: null }).where(inArray(ivrCalls.interactionId, chunk));
      await tx.update(emailOutbox).set({ status: "cancelled" }).where(inArray(emailOutbox.interactionId, chunk));
      await tx.delete(contactSubjects).where(inArray(contactSubjects.interactionId, chunk));
    }
    return { interactions: ids.length, comments, contacts };
  });
  await checkpointWal(ctx.db);
  return result;
}
