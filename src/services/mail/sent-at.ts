import { eq, max, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { emailOutbox } from "../../db/schema";
import { prepared } from "../../db/sql";

const latestSentAt = prepared("last_email_sent_at", (db) =>
  db
    .select({ sentAt: max(emailOutbox.sentAt) })
    .from(emailOutbox)
    .where(eq(emailOutbox.interactionId, sql.placeholder("interactionId"))),
);

/**
 * When the latest email of an interaction was sent, or null: the evidence the survey page
 * passes to automationReason({ sentAt }) to spot a scanner opening the link on delivery.
 * Runs on every survey page view, hence the prepared statement.
 */
export async function lastEmailSentAt(db: Db, interactionId: number): Promise<number | null> {
  const [row] = await latestSentAt(db, { interactionId });
  return row?.sentAt ?? null;
}
