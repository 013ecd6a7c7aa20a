import type { Ctx } from "../../deps";
import { suspectedClicks } from "../../db/schema";
import type { AutomationReason } from "../../domain/automation";
import { localDate } from "../../domain/periods";

/** Counts one click that looked automated, on the organisation's local date. Never scored. */
export async function recordSuspectedClick(
  ctx: Ctx,
  click: { reason: AutomationReason; staffId?: number | null; interactionId?: number | null; score?: number | null },
): Promise<void> {
  const now = ctx.clock.now();
  const row = {
    day: localDate(now, ctx.config.TIMEZONE),
    reason: click.reason,
    staffId: click.staffId ?? null,
    interactionId: click.interactionId ?? null,
    score: click.score ?? null,
    createdAt: now,
  };
  await ctx.db.write(async (tx) => {
    await tx.insert(suspectedClicks).values(row);
  });
}
