import type { Db } from "../../db/client";
import { prepared } from "../../db/prepared";

/**
 * When the latest email of an interaction was sent, or null: the evidence the survey page
 * passes to automationReason({ sentAt }) to spot a scanner opening the link on delivery.
 * Runs on every survey page view, hence the prepared statement.
 */
export function lastEmailSentAt(db: Db, interactionId: number): number | null {
  const row = prepared(db.$client, "select max(sent_at) as sentAt from email_outbox where interaction_id = ?").get(interactionId) as
    | { sentAt: number | null }
    | undefined;
  return row?.sentAt ?? null;
}
