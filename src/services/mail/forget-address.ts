import { and, eq, inArray, isNotNull, isNull, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { customerContacts, emailOutbox } from "../../db/schema";

/*
 * Forgetting a customer's address: the email column goes; the row goes too when it holds
 * nothing else (a phone number is the phone channel's business). The keyed hash in
 * email_address_state is all that remains. Every function here runs inside the caller's write.
 */

async function forget(tx: Db, interactionId: number): Promise<void> {
  await tx.update(customerContacts).set({ email: null }).where(eq(customerContacts.interactionId, interactionId));
  await tx
    .delete(customerContacts)
    .where(and(eq(customerContacts.interactionId, interactionId), isNull(customerContacts.email), isNull(customerContacts.phone)));
}

const open = ["pending", "sending"];

/** Forgets the address once no email of this interaction is waiting to go. */
export async function forgetAddressIfDone(tx: Db, interactionId: number): Promise<boolean> {
  const [waiting] = await tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.interactionId, interactionId), inArray(emailOutbox.status, open)))
    .limit(1);
  if (waiting) return false;
  await forget(tx, interactionId);
  return true;
}

export async function forgetAddress(tx: Db, interactionId: number): Promise<void> {
  await forget(tx, interactionId);
}

/**
 * Addresses no email needs: given without permission to contact, or left over after their
 * emails were dealt with. Kept for an hour after registration so a request in flight is not
 * raced; swept on every outbox pass.
 */
export async function forgetUnneededAddresses(tx: Db, now: number): Promise<number> {
  const stale = await tx
    .select({ id: customerContacts.interactionId })
    .from(customerContacts)
    .where(
      and(
        isNotNull(customerContacts.email),
        lt(customerContacts.createdAt, now - 3_600_000),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(emailOutbox)
            .where(and(eq(emailOutbox.interactionId, customerContacts.interactionId), inArray(emailOutbox.status, open))),
        ),
      ),
    )
    // In key order: two servers sweeping at once lock the rows in the same order.
    .orderBy(customerContacts.interactionId)
    .limit(500);
  for (const row of stale) await forget(tx, row.id);
  return stale.length;
}
