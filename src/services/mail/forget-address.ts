import { and, eq, inArray, isNotNull, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { customerContacts, emailOutbox } from "../../db/schema";

/*
 * Forgetting a customer's address: the email column goes; the row goes too when it holds
 * nothing else (a phone number is the phone channel's business). The keyed hash in
 * email_address_state is all that remains.
 */

function forget(db: Db, interactionId: number): void {
  db.update(customerContacts).set({ email: null }).where(eq(customerContacts.interactionId, interactionId)).run();
  db.delete(customerContacts)
    .where(and(eq(customerContacts.interactionId, interactionId), sql`${customerContacts.email} is null and ${customerContacts.phone} is null`))
    .run();
}

const open = ["pending", "sending"];

/** Forgets the address once no email of this interaction is waiting to go. */
export function forgetAddressIfDone(db: Db, interactionId: number): boolean {
  const waiting = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.interactionId, interactionId), inArray(emailOutbox.status, open)))
    .get();
  if (waiting) return false;
  forget(db, interactionId);
  return true;
}

export function forgetAddress(db: Db, interactionId: number): void {
  forget(db, interactionId);
}

/**
 * Addresses no email needs: given without permission to contact, or left over after their
 * emails were dealt with. Kept for an hour after registration so a request in flight is not
 * raced; swept on every outbox pass.
 */
export function forgetUnneededAddresses(db: Db, now: number): number {
  const stale = db
    .select({ id: customerContacts.interactionId })
    .from(customerContacts)
    .where(
      and(
        isNotNull(customerContacts.email),
        lt(customerContacts.createdAt, now - 3_600_000),
        notExists(
          db
            .select({ one: sql`1` })
            .from(emailOutbox)
            .where(and(eq(emailOutbox.interactionId, customerContacts.interactionId), inArray(emailOutbox.status, open))),
        ),
      ),
    )
    .limit(500)
    .all();
  for (const row of stale) forget(db, row.id);
  return stale.length;
}
