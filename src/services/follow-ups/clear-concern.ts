import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { followUpCaseEvents, followUpCases } from "../../db/schema";
import { maskPersonalData } from "../../domain/pii";
import { ConflictError } from "../../errors";
import { dueDatesFrom } from "./due-dates";
import { actorDetail, actorUserId, caseForChange, type CaseActor } from "./case-actor";

/**
 * A reviewer's judgement that a safeguarding match is not a concern ("killing time at the
 * library"), with the reason, which is kept. The case stops being urgent and is due as any
 * other case from the day it opened; its reasons still show what matched.
 */
export function clearSafeguardingConcern(ctx: Ctx, caseId: number, reason: string, actor: CaseActor): Promise<{ caseId: number }> {
  return ctx.db.write(async (tx) => {
    const found = await caseForChange(tx, caseId, actor);
    if (!found.reasons.some((r) => r.rule === "safeguarding")) throw new ConflictError("This case has no safeguarding concern to clear.");
    if (found.clearedAt !== null) throw new ConflictError("This concern has already been judged not to be one.");
    const now = ctx.clock.now();
    const due = dueDatesFrom(ctx.config, found.openedAt, false);
    await tx
      .update(followUpCases)
      .set({ clearedAt: now, priority: "normal", ...due, updatedAt: now })
      .where(eq(followUpCases.id, caseId));
    await tx
      .insert(followUpCaseEvents)
      .values({ caseId, kind: "not_a_concern", userId: actorUserId(actor), note: maskPersonalData(reason), detail: actorDetail(actor), at: now });
    return { caseId };
  });
}
