import { eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { customerContacts, emailAddressState, emailOutbox } from "../db/schema";
import { addressHash } from "./mail/address";
import { forgetAddress } from "./mail/forget-address";
import { INVITATION_GAP, invitationDueAt } from "./mail/schedule";

export type EnqueueResult = "queued" | "opted_out" | "invited_recently" | "no_address";

/**
 * Puts an invitation in the durable outbox; the mail worker sends it. Called inside the
 * transaction that registers the interaction (after its customer_contacts row), so the two
 * are written together. The due time is INVITE_DELAY_MINUTES after the contact, moved out of
 * quiet hours. An address that opted out, or was invited in the last 14 days by any
 * interaction, gets nothing, and its address is forgotten at once.
 */
export function enqueueInvitation(ctx: Ctx, interactionId: number, occurredAt: number): EnqueueResult {
  const { db, config } = ctx;
  const now = ctx.clock.now();
  const contact = db.select().from(customerContacts).where(eq(customerContacts.interactionId, interactionId)).get();
  if (!contact?.email || !contact.mayContact) return "no_address";
  const hash = addressHash(contact.email, config.TOKEN_PEPPER);
  const state = db.select().from(emailAddressState).where(eq(emailAddressState.addressHash, hash)).get();
  if (state?.optedOutAt != null) {
    forgetAddress(db, interactionId);
    return "opted_out";
  }
  // last_invited_at is reserved at queueing time (then set to the real sending time), so two
  // interactions registered a second apart cannot both get an invitation.
  if (state?.lastInvitedAt != null && now - state.lastInvitedAt < INVITATION_GAP) {
    forgetAddress(db, interactionId);
    return "invited_recently";
  }
  const dueAt = invitationDueAt(now, occurredAt, config);
  db.insert(emailOutbox).values({ kind: "invitation", interactionId, dueAt, createdAt: now }).run();
  db.insert(emailAddressState)
    .values({ addressHash: hash, lastInvitedAt: dueAt })
    .onConflictDoUpdate({ target: emailAddressState.addressHash, set: { lastInvitedAt: dueAt } })
    .run();
  return "queued";
}
