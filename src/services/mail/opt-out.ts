import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { customerContacts, emailAddressState, emailOutbox } from "../../db/schema";
import { addressHash } from "./address";
import { forgetAddress } from "./forget-address";

/**
 * Records an opt-out for an address hash, forever (the first date is kept), and cancels
 * whatever is still waiting in the outbox for that address, forgetting the address at once.
 */
export async function optOut(ctx: Ctx, hash: string): Promise<{ cancelled: number }> {
  const { db, clock, config } = ctx;
  const now = clock.now();
  // Which waiting emails go to this address is worked out before the write: only a hash of it
  // is known, so every waiting address is hashed, and the write does database work alone.
  // An email queued after this read is stopped when it falls due: the sender checks the opt-out.
  const waiting = (
    await db.read
      .select({ id: emailOutbox.id, interactionId: emailOutbox.interactionId, email: customerContacts.email })
      .from(emailOutbox)
      .innerJoin(customerContacts, eq(customerContacts.interactionId, emailOutbox.interactionId))
      .where(and(eq(emailOutbox.status, "pending"), isNotNull(customerContacts.email)))
  ).filter((r) => r.email !== null && addressHash(r.email, config.TOKEN_PEPPER) === hash);
  return db.write(async (tx) => {
    await tx
      .insert(emailAddressState)
      .values({ addressHash: hash, optedOutAt: now })
      .onConflictDoUpdate({ target: emailAddressState.addressHash, set: { optedOutAt: sql`coalesce(${emailAddressState.optedOutAt}, ${now})` } });
    let cancelled = 0;
    for (const row of waiting) {
      // Still waiting: a worker may have claimed it meanwhile (it then finds the opt-out).
      const stopped = await tx
        .update(emailOutbox)
        .set({ status: "cancelled", lastError: "opted_out" })
        .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")))
        .returning({ id: emailOutbox.id });
      if (stopped.length === 0) continue;
      cancelled++;
      await forgetAddress(tx, row.interactionId);
    }
    return { cancelled };
  });
}

export async function isOptedOut(ctx: Ctx, hash: string): Promise<boolean> {
  const [row] = await ctx.db.read.select({ at: emailAddressState.optedOutAt }).from(emailAddressState).where(eq(emailAddressState.addressHash, hash));
  return row?.at != null;
}
