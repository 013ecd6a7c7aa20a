import { eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { qaSampleItems, qaScores, qaStandards } from "../../db/schema";
import { lockForUpdate } from "../../db/sql";
import { maskPersonalData } from "../../domain/pii";
import type { QaScore } from "../../domain/quality";
import { NotFoundError, UnprocessableError } from "../../errors";
import type { SessionUser } from "../auth/sessions";
import { requireReviewer } from "./scope";

export type ReviewInput = { scores: readonly { standardId: number; score: QaScore }[]; comment?: string | null };

/**
 * Scores a sampled item against every active standard, with an optional comment (personal data
 * masked, as in customers' comments). Saving again replaces the scores and the comment; the item
 * keeps who saved last and when.
 */
export function reviewItem(ctx: Ctx, itemId: number, input: ReviewInput, user: SessionUser): Promise<{ itemId: number; reviewedAt: number }> {
  return ctx.db.write(async (tx) => {
    await lockForUpdate(tx, qaSampleItems, eq(qaSampleItems.id, itemId));
    const [item] = await tx.select({ teamId: qaSampleItems.teamId }).from(qaSampleItems).where(eq(qaSampleItems.id, itemId));
    if (!item) throw new NotFoundError(`No sampled item ${itemId}.`);
    requireReviewer(user, item.teamId);
    const active = await tx.select({ id: qaStandards.id, text: qaStandards.text }).from(qaStandards).where(isNull(qaStandards.retiredAt));
    if (active.length === 0) throw new UnprocessableError("There are no standards to score against: an administrator adds them on the Quality page.");
    const given = new Map(input.scores.map((s) => [s.standardId, s.score]));
    const unknown = input.scores.filter((s) => !active.some((a) => a.id === s.standardId));
    if (unknown.length > 0) {
      throw new UnprocessableError(`Standard ${unknown[0]!.standardId} is not on the checklist (retired, or never was).`, { field: "scores" });
    }
    const missing = active.filter((a) => !given.has(a.id));
    if (missing.length > 0) throw new UnprocessableError(`Score every standard: '${missing[0]!.text}' has no score.`, { field: "scores" });
    const now = ctx.clock.now();
    const comment = input.comment?.trim() ? maskPersonalData(input.comment.trim()) : null;
    await tx.delete(qaScores).where(eq(qaScores.itemId, itemId));
    await tx.insert(qaScores).values(active.map((a) => ({ itemId, standardId: a.id, score: given.get(a.id)! })));
    await tx.update(qaSampleItems).set({ reviewerId: user.id, reviewedAt: now, comment }).where(eq(qaSampleItems.id, itemId));
    return { itemId, reviewedAt: now };
  });
}
