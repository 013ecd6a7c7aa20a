import type { Ctx } from "../deps";
import { emailOutbox } from "../db/schema";
import { MINUTE } from "../clock";

/**
 * Puts an invitation in the durable outbox; the mail worker sends it. Called inside the
 * transaction that registers the interaction, so the two are written together.
 */
export function enqueueInvitation(ctx: Ctx, interactionId: number, occurredAt: number): void {
  const now = ctx.clock.now();
  const dueAt = Math.max(now, occurredAt) + ctx.config.INVITE_DELAY_MINUTES * MINUTE;
  ctx.db.insert(emailOutbox).values({ kind: "invitation", interactionId, dueAt, createdAt: now }).run();
}
