import { and, eq, isNull, lte, or } from "drizzle-orm";
import type { Ctx } from "../deps";
import type { Db } from "../db/database";
import { customerContacts, emailAddressState, emailOutbox } from "../db/schema";
import { addressHash } from "./mail/address";
import { forgetAddress } from "./mail/forget-address";
import { INVITATION_GAP, invitationDueAt } from "./mail/schedule";

export type EnqueueResult = "queued" | "opted_out" | "invited_recently" | "no_address";

/**
 * Puts an invitation in the durable outbox; the mail worker sends it. Runs inside the write
 * that registers the interaction (after its customer_contacts row), so the two are written
 * together. The due time is INVITE_DELAY_MINUTES after the contact, moved out of quiet hours.
 * An address that opted out, or was invited in the last 14 days by any interaction, gets
 * nothing, and its address is forgotten at once.
 */
export async function enqueueInvitation(tx: Db, ctx: Ctx, interactionId: number, occurredAt: number): Promise<EnqueueResult> {
  const { config } = ctx;
  const now = ctx.clock.now();
  const [contact] = await tx
    .select({ email: customerContacts.email, mayContact: customerContacts.mayContact })
    .from(customerContacts)
    .where(eq(customerContacts.interactionId, interactionId));
  if (!contact?.email || !contact.mayContact) return "no_address";
  const hash = addressHash(contact.email, config.TOKEN_PEPPER);
  const dueAt = invitationDueAt(now, occurredAt, config);
  // last_invited_at is reserved at queueing time (then set to the real sending time), so two
  // interactions registered a second apart cannot both get an invitation. Reserving is one
  // conditional upsert: on PostgreSQL it locks the address's row, so two servers registering
  // the same address at once cannot both find it free.
  const reserved = await tx
    .insert(emailAddressState)
    .values({ addressHash: hash, lastInvitedAt: dueAt })
    .onConflictDoUpdate({
      target: emailAddressState.addressHash,
      set: { lastInvitedAt: dueAt },
      setWhere: and(
        isNull(emailAddressState.optedOutAt),
        or(isNull(emailAddressState.lastInvitedAt), lte(emailAddressState.lastInvitedAt, now - INVITATION_GAP)),
      ),
    })
    .returning({ addressHash: emailAddressState.addressHash });
  if (reserved.length === 0) {
    const [state] = await tx.select({ optedOutAt: emailAddressState.optedOutAt }).from(emailAddressState).where(eq(emailAddressState.addressHash, hash));
    await forgetAddress(tx, interactionId);
    return state?.optedOutAt != null ? "opted_out" : "invited_recently";
  }
  await tx.insert(emailOutbox).values({ kind: "invitation", interactionId, dueAt, createdAt: now });
  return "queued";
}
