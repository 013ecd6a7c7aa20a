import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { users } from "../../db/schema";
import { hashPassword, verifyPassword } from "../users";
import { nextAttemptAt } from "./throttle";

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "wait"; retryAfterMs: number };

// Compared against when the email is unknown, so a wrong email costs the same time as a wrong
// password and response times do not reveal who has an account.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Failures are counted on the user; after a few, each further
 * attempt must wait (growing), and after ten the account is locked for 15 minutes. While
 * waiting, the password is not even checked, so guessing gets no faster by hammering.
 */
export async function attemptLogin(ctx: Ctx, email: string, password: string): Promise<LoginResult> {
  const user = ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!user || user.disabledAt !== null) {
    await verifyPassword(password, await (dummyHash ??= hashPassword("not a real password")));
    return { ok: false, reason: "wrong" };
  }
  const now = ctx.clock.now();
  if (user.lockedUntil !== null && user.lockedUntil > now) {
    return { ok: false, reason: "wait", retryAfterMs: user.lockedUntil - now };
  }
  if (await verifyPassword(password, user.passwordHash)) {
    ctx.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
    return { ok: true, userId: user.id };
  }
  const failures = user.failedLogins + 1;
  const lockedUntil = nextAttemptAt(failures, ctx.clock.now());
  ctx.db.update(users).set({ failedLogins: failures, lockedUntil }).where(eq(users.id, user.id)).run();
  return { ok: false, reason: "wrong" };
}
