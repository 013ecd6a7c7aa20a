import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { emailOutbox } from "../../db/schema";

/**
 * When the latest email of an interaction was sent, or null: the evidence the survey page
 * can pass to automationReason({ sentAt }) to spot a scanner opening the link on delivery.
 */
export function lastEmailSentAt(db: Db, interactionId: number): number | null {
  const row = db
    .select({ sentAt: emailOutbox.sentAt })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.interactionId, interactionId), isNotNull(emailOutbox.sentAt)))
    .orderBy(desc(emailOutbox.sentAt))
    .get();
  return row?.sentAt ?? null;
}
