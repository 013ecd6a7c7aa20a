import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { suspectedClicks } from "../../db/schema";
import type { AutomationReason } from "../../domain/automation";
import { localDate } from "../../domain/periods";

export type SuspectedClick = { reason: AutomationReason; staffId?: number | null; interactionId?: number | null; score?: number | null };

/** Counts one click that looked automated, on the organisation's local date. Never scored. */
export async function recordSuspectedClick(ctx: Ctx, click: SuspectedClick): Promise<void> {
  await ctx.db.write((tx) => recordSuspectedClickIn(tx, ctx, click));
}

/** recordSuspectedClick inside the caller's write (a confirmation found to be part of a burst). */
export async function recordSuspectedClickIn(tx: Db, ctx: Ctx, click: SuspectedClick): Promise<void> {
  const now = ctx.clock.now();
  await tx.insert(suspectedClicks).values({
    day: localDate(now, ctx.config.TIMEZONE),
    reason: click.reason,
    staffId: click.staffId ?? null,
    interactionId: click.interactionId ?? null,
    score: click.score ?? null,
    createdAt: now,
  });
}
