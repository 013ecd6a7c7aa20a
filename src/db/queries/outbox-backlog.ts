import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { emailOutbox } from "../schema";

export type OutboxBacklog = {
  /** Emails not yet sent nor given up on (pending, or being sent). */
  pending: number;
  /** Of those, the ones whose time has come: a number that keeps growing means sending is stuck. */
  due: number;
};

/** The email outbox's backlog, for the metrics endpoint; served by the (status, due_at) index. */
export async function outboxBacklog(db: Db, now: number): Promise<OutboxBacklog> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*)`,
      due: sql<number | null>`sum(case when ${emailOutbox.dueAt} <= ${now} then 1 else 0 end)`,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, ["pending", "sending"]));
  return { pending: Number(row?.pending ?? 0), due: Number(row?.due ?? 0) };
}
