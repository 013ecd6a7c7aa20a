import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { followUpCaseEvents, followUpCases, followUpContacts } from "../../db/schema";
import { statusAfter, stepRefusal, type CaseStep } from "../../domain/cases";
import { maskPersonalData } from "../../domain/pii";
import { ConflictError } from "../../errors";
import { actorDetail, actorUserId, caseForChange, type CaseActor } from "./case-actor";

const STAMP = {
  acknowledge: { at: "acknowledgedAt", by: "acknowledgedBy" },
  respond: { at: "respondedAt", by: "respondedBy" },
  close: { at: "closedAt", by: "closedBy" },
} as const;

/**
 * Moves a case on one step (acknowledge, respond, close) with an optional note, recording who
 * and when. A step out of order is a 409. Closing deletes the customer's contact details: they
 * were given for this case only.
 */
export function takeCaseStep(ctx: Ctx, caseId: number, step: CaseStep, note: string | null, actor: CaseActor): Promise<{ caseId: number }> {
  return ctx.db.write(async (tx) => {
    const found = await caseForChange(tx, caseId, actor);
    const refusal = stepRefusal(step, found.status);
    if (refusal) throw new ConflictError(refusal);
    const now = ctx.clock.now();
    const userId = actorUserId(actor);
    const stamp = STAMP[step];
    await tx
      .update(followUpCases)
      .set({ status: statusAfter(step), [stamp.at]: now, [stamp.by]: userId, updatedAt: now })
      .where(eq(followUpCases.id, caseId));
    const kind = statusAfter(step);
    await tx.insert(followUpCaseEvents).values({ caseId, kind, userId, note: note ? maskPersonalData(note) : null, detail: actorDetail(actor), at: now });
    if (step === "close") {
      const removed = await tx
        .delete(followUpContacts)
        .where(eq(followUpContacts.interactionId, found.interactionId))
        .returning({ id: followUpContacts.interactionId });
      if (removed.length > 0) await tx.insert(followUpCaseEvents).values({ caseId, kind: "contact_deleted", detail: { why: "closed" }, at: now });
    }
    return { caseId };
  });
}
