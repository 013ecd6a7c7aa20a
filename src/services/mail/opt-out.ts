import { and, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { customerContacts, emailAddressState, emailOutbox } from "../../db/schema";
import { addressHash } from "./address";
import { forgetAddress } from "./forget-address";

/**
 * Records an opt-out for an address hash, forever (the first date is kept), and cancels
 * whatever is still waiting in the outbox for that address, forgetting the address at once.
 */
export function optOut(ctx: Ctx, hash: string): { cancelled: number } {
  const { db, clock, config } = ctx;
  const now = clock.now();
  return db.transaction(() => {
    db.insert(emailAddressState)
      .values({ addressHash: hash, optedOutAt: now })
      .onConflictDoUpdate({ target: emailAddressState.addressHash, set: { optedOutAt: sql`coalesce(${emailAddressState.optedOutAt}, ${now})` } })
      .run();
    // Waiting emails are few (a delay and a reminder's worth), so hashing each address is cheap.
    const waiting = db
      .select({ id: emailOutbox.id, interactionId: emailOutbox.interactionId, email: customerContacts.email })
      .from(emailOutbox)
      .innerJoin(customerContacts, eq(customerContacts.interactionId, emailOutbox.interactionId))
      .where(and(inArray(emailOutbox.status, ["pending"]), sql`${customerContacts.email} is not null`))
      .all()
      .filter((r) => r.email !== null && addressHash(r.email, config.TOKEN_PEPPER) === hash);
    for (const row of waiting) {
      db.update(emailOutbox).set({ status: "cancelled", lastError: "opted_out" }).where(eq(emailOutbox.id, row.id)).run();
      forgetAddress(db, row.interactionId);
    }
    return { cancelled: waiting.length };
  });
}

export function isOptedOut(ctx: Ctx, hash: string): boolean {
  const row = ctx.db.select({ at: emailAddressState.optedOutAt }).from(emailAddressState).where(eq(emailAddressState.addressHash, hash)).get();
  return row?.at != null;
}
