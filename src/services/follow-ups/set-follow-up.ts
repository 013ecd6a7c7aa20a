import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { followUps, responses } from "../../db/schema";
import type { FollowUpStatus } from "../../db/queries/dashboard/follow-ups";
import { ConflictError, ForbiddenError, NotFoundError } from "../../errors";

export type FollowUpInput = { responseId: number; status: FollowUpStatus; note: string | null };

const isLow = (score: number | null) => score !== null && score <= 2;

/**
 * Records how a low score is being followed up: one row per response, replaced on each change,
 * with who changed it and when. `teamIds` limits a manager to their own team (403 otherwise);
 * undefined means any team (directors, administrators). Only low scores (CSAT or CSI 1-2) take a
 * follow-up: anything else is a 409, so a follow-up list never fills with contented customers.
 */
export function setFollowUp(ctx: Ctx, input: FollowUpInput, viewer: { userId: number; teamIds?: readonly number[] }) {
  const values = { status: input.status, note: input.note, userId: viewer.userId, updatedAt: ctx.clock.now() };
  return ctx.db.write(async (tx) => {
    const [response] = await tx
      .select({ id: responses.id, teamId: responses.teamId, csat: responses.csat, csi: responses.csi })
      .from(responses)
      .where(eq(responses.id, input.responseId));
    if (!response) throw new NotFoundError(`No response ${input.responseId}.`);
    if (viewer.teamIds && !viewer.teamIds.includes(response.teamId)) throw new ForbiddenError("Managers can follow up their own team's responses only.");
    if (!isLow(response.csat) && !isLow(response.csi)) throw new ConflictError("Only low scores (CSAT or CSI of 1 or 2) are followed up.");
    await tx
      .insert(followUps)
      .values({ responseId: response.id, ...values })
      .onConflictDoUpdate({ target: followUps.responseId, set: values });
    return { responseId: response.id, ...values, updatedAt: new Date(values.updatedAt).toISOString() };
  });
}
