import { and, count, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../client";
import { emailOutbox } from "../schema";

export type OutboxStatus = {
  pending: number;
  sent: number;
  failed: number;
  cancelled: number;
  /** Emails that are waiting and have failed at least once (an SMTP outage shows here). */
  retrying: number;
  /** The most recent permanent failures, newest first, for an administrator to look at. */
  recentFailures: { id: number; kind: string; interactionId: number; attempts: number; lastError: string | null; createdAt: number; lastTriedAt: number }[];
};

/** The outbox at a glance, for the dashboard and the health of the email channel. */
export async function outboxStatus(db: Db): Promise<OutboxStatus> {
  const [counts, [retrying], recentFailures] = await Promise.all([
    db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status),
    db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), gt(emailOutbox.attempts, 0))),
    db
      .select({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        interactionId: emailOutbox.interactionId,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        // The worker sets a finished email's due_at to the time it was last tried.
        lastTriedAt: emailOutbox.dueAt,
      })
      .from(emailOutbox)
      .where(eq(emailOutbox.status, "failed"))
      .orderBy(desc(emailOutbox.id))
      .limit(20),
  ]);
  const of = (s: string) => counts.filter((c) => c.status === s).reduce((a, c) => a + c.n, 0);
  return {
    pending: of("pending") + of("sending"),
    sent: of("sent"),
    failed: of("failed"),
    cancelled: of("cancelled"),
    retrying: retrying?.n ?? 0,
    recentFailures,
  };
}
