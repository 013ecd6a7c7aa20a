import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { emailOutbox } from "../../db/schema";

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
export function outboxStatus(db: Db): OutboxStatus {
  const counts = db
    .select({ status: emailOutbox.status, n: sql<number>`count(*)` })
    .from(emailOutbox)
    .groupBy(emailOutbox.status)
    .all();
  const count = (s: string) => counts.filter((c) => c.status === s).reduce((a, c) => a + c.n, 0);
  const retrying = db
    .select({ n: sql<number>`count(*)` })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), sql`${emailOutbox.attempts} > 0`))
    .get()!.n;
  const recentFailures = db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      interactionId: emailOutbox.interactionId,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      // A failed email's last try was made when it fell due (the worker picks rows up as they do).
      lastTriedAt: emailOutbox.dueAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, "failed"))
    .orderBy(desc(emailOutbox.id))
    .limit(20)
    .all();
  return { pending: count("pending") + count("sending"), sent: count("sent"), failed: count("failed"), cancelled: count("cancelled"), retrying, recentFailures };
}
