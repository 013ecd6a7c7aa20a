import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { actionProgress, actions } from "../../db/schema";
import { maskPersonalData } from "../../domain/pii";
import { localDate } from "../../domain/periods";
import { NotFoundError, ValidationError } from "../../errors";
import type { ProgressInput } from "../../schemas/actions";
import { actorUserId, requireEditor, type ActionActor } from "./actor";

/**
 * A review of an action: dated evidence of progress and its assessment. The date is the
 * review's, so a tracker kept on paper can be entered afterwards, but not one still to come.
 * Personal data typed into the evidence is masked, as in customers' comments. A second review
 * of the same date is kept beside the first, and stands over it (a correction).
 */
export function addProgress(ctx: Ctx, ref: string, input: ProgressInput, actor: ActionActor): Promise<{ ref: string; id: number }> {
  requireEditor(actor);
  const today = localDate(ctx.clock.now(), ctx.config.TIMEZONE);
  if (input.date > today) throw new ValidationError("The review date is in the future.", [{ path: "date", message: `must not be after today (${today})` }]);
  return ctx.db.write(async (tx) => {
    const [row] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.ref, ref));
    if (!row) throw new NotFoundError(`No action with reference '${ref}'.`);
    const now = ctx.clock.now();
    const [added] = await tx
      .insert(actionProgress)
      .values({
        actionId: row.id,
        date: input.date,
        evidence: maskPersonalData(input.evidence),
        category: input.category,
        createdBy: actorUserId(actor),
        createdAt: now,
      })
      .returning({ id: actionProgress.id });
    await tx.update(actions).set({ updatedAt: now }).where(eq(actions.id, row.id));
    return { ref, id: added!.id };
  });
}
