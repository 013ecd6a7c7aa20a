import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { users } from "../../db/schema";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "../users";
import { nextAttemptAt } from "./throttle";

export type LoginResult = { ok: true; userId: number } | { ok: false; reason: "wrong" } | { ok: false; reason: "wait"; retryAfterMs: number };

// Compared against whenever no real hash is checked (an unknown email, a disabled account, an
// attempt that must wait), so every refusal costs one scrypt at today's cost and response
// times do not tell an account that exists from one that does not.
let dummyHash: Promise<string> | undefined;

async function refuse(password: string, result: LoginResult): Promise<LoginResult> {
  await verifyPassword(password, await (dummyHash ??= hashPassword("not a real password")));
  return result;
}

const WRONG: LoginResult = { ok: false, reason: "wrong" };
const waitUntil = (lockedUntil: number, now: number): LoginResult => ({ ok: false, reason: "wait", retryAfterMs: lockedUntil - now });

/**
 * Checks an email and password. Failures are counted on the user; after a few, each further
 * attempt must wait (growing), and after ten the account is locked for 15 minutes. While
 * waiting, the password is not checked, so guessing gets no faster by hammering. A right
 * password whose hash was made at a lower cost than today's is hashed again.
 */
export async function attemptLogin(ctx: Ctx, email: string, password: string): Promise<LoginResult> {
  const [user] = await ctx.db.read
    .select({ id: users.id, disabledAt: users.disabledAt, lockedUntil: users.lockedUntil })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user || user.disabledAt !== null) return refuse(password, WRONG);
  const now = ctx.clock.now();
  if (user.lockedUntil !== null && user.lockedUntil > now) return refuse(password, waitUntil(user.lockedUntil, now));
  const claim = await ctx.db.write((tx) => claimAttempt(tx, user.id, now));
  if (claim.kind === "disabled") return refuse(password, WRONG);
  if (claim.kind === "locked") return refuse(password, waitUntil(claim.lockedUntil, now));
  // scrypt runs between the writes, never inside one.
  if (!(await verifyPassword(password, claim.passwordHash))) return WRONG;
  const rehashed = passwordNeedsRehash(claim.passwordHash) ? await hashPassword(password) : null;
  await ctx.db.write(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    // Only over the hash just checked: a password reset meanwhile wins.
    if (rehashed)
      await tx
        .update(users)
        .set({ passwordHash: rehashed })
        .where(and(eq(users.id, user.id), eq(users.passwordHash, claim.passwordHash)));
  });
  return { ok: true, userId: user.id };
}

type Claim = { kind: "check"; passwordHash: string } | { kind: "locked"; lockedUntil: number } | { kind: "disabled" };

/**
 * Counts the attempt as a failure before its password is checked (a success then clears the
 * count). Counting afterwards would let attempts made at the same moment all pass the lock
 * check while none has been counted yet, and two failures counted together could both write
 * the same count. The increment is one conditional UPDATE, so attempts on the same user take
 * turns on its row: each sees the count and the lock the previous one left.
 */
async function claimAttempt(tx: Db, userId: number, now: number): Promise<Claim> {
  const [counted] = await tx
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, userId), isNull(users.disabledAt), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedLogins: users.failedLogins, passwordHash: users.passwordHash });
  if (!counted) {
    // Locked or disabled by another attempt or an administrator since the first look.
    const [user] = await tx.select({ lockedUntil: users.lockedUntil, disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
    if (!user || user.disabledAt !== null) return { kind: "disabled" };
    return { kind: "locked", lockedUntil: user.lockedUntil ?? now };
  }
  const lockedUntil = nextAttemptAt(counted.failedLogins, now);
  if (lockedUntil !== null) await tx.update(users).set({ lockedUntil }).where(eq(users.id, userId));
  return { kind: "check", passwordHash: counted.passwordHash };
}
