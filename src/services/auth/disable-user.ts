import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { sessions, users } from "../../db/schema";
import { ConflictError, NotFoundError } from "../../errors";

/**
 * Disables a dashboard user (or enables them again). Their sessions are deleted in the same
 * transaction, so a disabled user's open tab stops working at its next request. Users are
 * never deleted: follow-ups keep who made them. An administrator cannot disable themselves,
 * which would leave an organisation with no one able to undo it.
 */
export async function setUserDisabled(ctx: Ctx, input: { userId: number; disabled: boolean; actingUserId: number }) {
  if (input.disabled && input.userId === input.actingUserId) throw new ConflictError("You cannot disable your own account.");
  return ctx.db.write(async (tx) => {
    const [row] = await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId));
    if (!row) throw new NotFoundError(`No user with id ${input.userId}.`);
    const disabledAt = input.disabled ? (row.disabledAt ?? ctx.clock.now()) : null;
    await tx.update(users).set({ disabledAt, failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id));
    if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, row.id));
    return { id: row.id, disabled: disabledAt !== null };
  });
}
