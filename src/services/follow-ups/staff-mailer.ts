import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { staffMail } from "../../db/schema";
import { dueQueueRowId } from "../../db/queries/claim-due";
import { describeMailError, isPermanentMailError, type MailTransport } from "../../mail/transport";
import { MAX_ATTEMPTS, retryDelay } from "../mail/schedule";
import { composeStaffMail, type StaffMailRow } from "./compose-staff-mail";

export type StaffMailPass = { sent: number; retrying: number; failed: number; cancelled: number };

/** As long as a claim on a customer email: far longer than one send can take. */
const LEASE_MS = 10 * 60_000;

type Claimed = StaffMailRow & { leaseUntil: number };

/**
 * Sends the staff mail queue (safeguarding alerts, case reminders, escalations) with the
 * customer outbox's claims, lease and backoff, from the same worker: a row is claimed before
 * the send and settled after it, so several servers share the queue and a crash mid-send
 * only delays an email. Staff mail ignores quiet hours: a safeguarding alert at 23:00 goes at 23:00.
 */
export function createStaffMailer(ctx: Ctx, transport: MailTransport, { batchSize = 20 }: { batchSize?: number } = {}) {
  const { db, log } = ctx;

  const claimNext = (now: number): Promise<Claimed | undefined> =>
    db.write(async (tx) => {
      const id = await dueQueueRowId(tx, staffMail, now);
      if (id === undefined) return undefined;
      const leaseUntil = now + LEASE_MS;
      const [row] = await tx.update(staffMail).set({ status: "sending", dueAt: leaseUntil }).where(eq(staffMail.id, id)).returning();
      return row && { ...row, leaseUntil };
    });

  const settle = (row: Claimed, set: Partial<StaffMailRow>) =>
    db.write((tx) =>
      tx
        .update(staffMail)
        .set(set)
        .where(and(eq(staffMail.id, row.id), eq(staffMail.status, "sending"), eq(staffMail.dueAt, row.leaseUntil))),
    );

  async function processDue(now = ctx.clock.now()): Promise<StaffMailPass> {
    const result: StaffMailPass = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
    for (let n = 0; n < batchSize; n++) {
      const row = await claimNext(now);
      if (!row) break;
      const composed = await composeStaffMail(ctx, row, now);
      if (!composed.send) {
        await settle(row, { status: "cancelled", lastError: composed.reason, dueAt: now });
        result.cancelled++;
        continue;
      }
      const attempts = row.attempts + 1;
      try {
        const { messageId } = await transport.send(composed.mail);
        await settle(row, { status: "sent", attempts, sentAt: now, messageId, lastError: null, dueAt: now });
        result.sent++;
        log.info("staff email sent", { staffMailId: row.id, kind: row.kind, messageId });
      } catch (err) {
        const lastError = describeMailError(err);
        if (isPermanentMailError(err) || attempts >= MAX_ATTEMPTS) {
          await settle(row, { status: "failed", attempts, lastError, dueAt: now });
          result.failed++;
          log.error(`staff email ${row.id} (${row.kind}) failed for good after ${attempts} attempt(s)`, lastError);
        } else {
          await settle(row, { status: "pending", attempts, lastError, dueAt: now + retryDelay(attempts) });
          result.retrying++;
          log.info("staff email send failed; will retry", { staffMailId: row.id, attempts, error: lastError });
        }
      }
    }
    return result;
  }

  return { processDue };
}
