import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Customer addresses are kept only until their emails are sent. What outlives them is a
 * keyed hash: enough for the 14-day rule and a permanent opt-out, useless to anyone without
 * the pepper (which is kept outside the database).
 */

export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

export function addressHash(email: string, pepper: string): string {
  return createHmac("sha256", pepper)
    .update(`email-address:${normaliseAddress(email)}`)
    .digest("base64url");
}

function signature(hash: string, secret: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${hash}`).digest("base64url").slice(0, 22);
}

/** The id in /unsubscribe/<id>: the address hash and a signature, so ids cannot be forged. */
export function unsubscribeId(hash: string, secret: string): string {
  return `${hash}.${signature(hash, secret)}`;
}

/** The address hash behind an unsubscribe id, or null when the id was not made by us. */
export function verifyUnsubscribeId(id: string, secret: string): string | null {
  const match = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{22})$/.exec(id);
  if (!match) return null;
  const [, hash, sig] = match as unknown as [string, string, string];
  const expected = Buffer.from(signature(hash, secret));
  return timingSafeEqual(expected, Buffer.from(sig)) ? hash : null;
}
