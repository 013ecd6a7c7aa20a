import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { sessions, users } from "../../db/schema";
import { NotFoundError } from "../../errors";
import { generatePassword, hashPassword } from "../users";

export type PasswordReset = { id: number; email: string; generatedPassword?: string };

/**
 * Gives a user a new password (generated and returned once when none is given), lifts a lock
 * from failed sign-ins, and signs them out everywhere: whoever knew the old password is out.
 * For the dashboard's administrators, and for the command line when the only administrator
 * has forgotten theirs.
 */
export async function resetPassword(ctx: Ctx, who: { userId: number } | { email: string }, password?: string): Promise<PasswordReset> {
  const where = "userId" in who ? eq(users.id, who.userId) : eq(users.email, who.email.trim().toLowerCase());
  const [found] = await ctx.db.read.select({ id: users.id, email: users.email }).from(users).where(where);
  if (!found) throw new NotFoundError("userId" in who ? `No user with id ${who.userId}.` : `No user with email ${who.email}.`);
  const chosen = password ?? generatePassword();
  // Hashed before the write: scrypt takes ~50 ms, and every other write would wait for it.
  const passwordHash = await hashPassword(chosen);
  await ctx.db.write(async (tx) => {
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, found.id));
    await tx.delete(sessions).where(eq(sessions.userId, found.id));
  });
  return { ...found, generatedPassword: password === undefined ? chosen : undefined };
}
