import { and, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { followUpCaseEvents, followUpCases, users } from "../../db/schema";
import { ConflictError, ForbiddenError, ValidationError } from "../../errors";
import { actorUserId, caseForChange, type CaseActor } from "./case-actor";

/**
 * Gives a case to an owner (or to nobody). The owner must be an active user who may see the
 * case: the team's own manager, a director or an administrator.
 */
export function assignCase(ctx: Ctx, caseId: number, ownerId: number | null, actor: CaseActor): Promise<{ caseId: number }> {
  return ctx.db.write(async (tx) => {
    const found = await caseForChange(tx, caseId, actor);
    if (found.status === "closed") throw new ConflictError("This case is closed.");
    if (ownerId !== null) {
      const [owner] = await tx
        .select({ role: users.role, teamId: users.teamId })
        .from(users)
        .where(and(eq(users.id, ownerId), isNull(users.disabledAt)));
      if (!owner) throw new ValidationError("No such user.", [{ path: "userId", message: "not an active user" }]);
      if (owner.role === "manager" && owner.teamId !== found.teamId) {
        throw new ForbiddenError("A manager can own their own team's cases only.");
      }
    }
    if (found.ownerId === ownerId) return { caseId };
    const now = ctx.clock.now();
    await tx.update(followUpCases).set({ ownerId, updatedAt: now }).where(eq(followUpCases.id, caseId));
    await tx
      .insert(followUpCaseEvents)
      .values({ caseId, kind: "owner_changed", userId: actorUserId(actor), detail: { from: found.ownerId, to: ownerId }, at: now });
    return { caseId };
  });
}
