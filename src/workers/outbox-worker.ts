import { and, eq } from "drizzle-orm";
import { MINUTE } from "../clock";
import type { Db } from "../db/client";
import { emailAddressState, emailOutbox } from "../db/schema";
import { dueQueueRowId } from "../db/queries/claim-due";
import type { Ctx } from "../deps";
import { describeMailError, isPermanentMailError, type MailTransport } from "../mail/transport";
import { createRecordingDeleter } from "../services/phone/recording-deletions";
import { createStaffMailer } from "../services/follow-ups/staff-mailer";
import { composeOutboxMail, type OutboxRow } from "../services/mail/compose";
import { forgetAddressIfDone, forgetUnneededAddresses } from "../services/mail/forget-address";
import { MAX_ATTEMPTS, reminderDueAt, retryDelay } from "../services/mail/schedule";

export type PassResult = { sent: number; retrying: number; failed: number; cancelled: number };

export type OutboxWorker = {
  /** Polls every intervalMs; the first pass runs at once. */
  start(): void;
  /** Stops polling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
  /** One pass over the emails due at `now` (tests call this directly). */
  processDue(now?: number): Promise<PassResult>;
};

export type WorkerOptions = { intervalMs?: number; batchSize?: number };

/** A row this worker claimed, with the end of its lease (its due_at while it is being sent). */
type Claimed = OutboxRow & { leaseUntil: number };

/**
 * How long a claimed email belongs to the worker that claimed it. Far longer than one send
 * can take (the SMTP transport gives up within a minute), so a worker never loses an email it
 * is still sending; once it has run out, the worker is taken to have died mid-send.
 */
export const SEND_LEASE_MS = 10 * MINUTE;

/**
 * Sends what the outbox holds, in the same process as the web server; every server runs one
 * on the same queue. A row is claimed before the send (pending → sending, its due_at moved
 * to the end of the claim's lease) and becomes sent only after the transport accepted it, so
 * a crash or an SMTP outage loses nothing: failures go back to pending with a growing delay,
 * and a crash mid-send leaves a 'sending' row that any worker takes over once its lease has
 * run out (at-least-once: in that rare case one email may go twice, never zero times). A
 * 5xx refusal, or MAX_ATTEMPTS failures, mark the row failed with its last error and the
 * queue moves on. Once done, a row's due_at is when it was last tried.
 */
export function createOutboxWorker(ctx: Ctx, transport: MailTransport, options: WorkerOptions = {}): OutboxWorker {
  const { db, log } = ctx;
  const intervalMs = options.intervalMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PassResult> | undefined;
  let lastSweep = -Infinity;
  // Deletions of phone recordings at Twilio share this worker's timer, claims and backoff.
  const recordings = createRecordingDeleter(ctx, { batchSize });
  // So do emails to staff: safeguarding alerts, case reminders, escalations.
  const staffMails = createStaffMailer(ctx, transport, { batchSize });

  /**
   * Claims the email due first, if any. On PostgreSQL other servers claim at the same time:
   * `for update skip locked` passes over a row another claim holds, and the row's new status
   * and due_at keep it from everyone until the lease runs out. On SQLite writes run one at a
   * time, so the select and the update already happen together.
   */
  const claimNext = (now: number): Promise<Claimed | undefined> =>
    db.write(async (tx) => {
      const id = await dueQueueRowId(tx, emailOutbox, now);
      if (id === undefined) return undefined;
      const leaseUntil = now + SEND_LEASE_MS;
      const [row] = await tx.update(emailOutbox).set({ status: "sending", dueAt: leaseUntil }).where(eq(emailOutbox.id, id)).returning();
      return row && { ...row, leaseUntil };
    });

  /** Still ours: sending, with the lease this worker took (a worker that outlived its lease changes nothing). */
  const held = (row: Claimed) => and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.dueAt, row.leaseUntil));

  /** Records the outcome of a claimed row; returns false when the claim had been lost. */
  const finish = (tx: Db, row: Claimed, set: Partial<OutboxRow>) =>
    tx
      .update(emailOutbox)
      .set(set)
      .where(held(row))
      .returning({ id: emailOutbox.id })
      .then((r) => r.length > 0);

  const settle = (row: Claimed, set: Partial<OutboxRow>) =>
    db.write(async (tx) => {
      if ((await finish(tx, row, set)) && set.status !== "pending") await forgetAddressIfDone(tx, row.interactionId);
    });

  async function deliver(row: Claimed, now: number, result: PassResult): Promise<void> {
    const composed = await composeOutboxMail(ctx, row, now);
    if (!composed.send) {
      await settle(row, { status: "cancelled", lastError: composed.reason, dueAt: now });
      result.cancelled++;
      return;
    }
    const attempts = row.attempts + 1;
    let messageId: string;
    try {
      ({ messageId } = await transport.send(composed.mail));
    } catch (err) {
      const lastError = describeMailError(err);
      if (isPermanentMailError(err) || attempts >= MAX_ATTEMPTS) {
        await settle(row, { status: "failed", attempts, lastError, dueAt: now });
        result.failed++;
        log.error(`email ${row.id} failed for good after ${attempts} attempt(s)`, lastError);
      } else {
        await settle(row, { status: "pending", attempts, lastError, dueAt: now + retryDelay(attempts) });
        result.retrying++;
        log.info("email send failed; will retry", { outboxId: row.id, attempts, error: lastError });
      }
      return;
    }
    const reminderAt = reminderDueAt(now, ctx.config);
    await db.write(async (tx) => {
      if (!(await finish(tx, row, { status: "sent", attempts, sentAt: now, messageId, lastError: null, dueAt: now }))) return;
      if (row.kind === "invitation") {
        await tx.update(emailAddressState).set({ lastInvitedAt: now }).where(eq(emailAddressState.addressHash, composed.addressHash));
        await tx.insert(emailOutbox).values({ kind: "reminder", interactionId: row.interactionId, dueAt: reminderAt, createdAt: now });
      }
      await forgetAddressIfDone(tx, row.interactionId);
    });
    result.sent++;
    log.info("email sent", { outboxId: row.id, kind: row.kind, messageId });
  }

  async function pass(now: number): Promise<PassResult> {
    const result: PassResult = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
    // Staff mail first: a safeguarding alert must not wait behind a batch of invitations.
    const staff = await staffMails.processDue(now);
    if (staff.sent + staff.retrying + staff.failed + staff.cancelled > 0) log.info("staff emails", staff);
    // One row at a time: each claim's lease then only has to cover its own send.
    for (let n = 0; n < batchSize; n++) {
      const row = await claimNext(now);
      if (!row) break;
      await deliver(row, now, result);
    }
    const deletions = await recordings.processDue(now);
    if (deletions.deleted + deletions.retrying + deletions.failed > 0) log.info("recording deletions", deletions);
    // The sweep scans customer_contacts, so hourly is enough; sends forget their own addresses.
    if (now - lastSweep >= 3_600_000) {
      await db.write((tx) => forgetUnneededAddresses(tx, now));
      lastSweep = now;
    }
    return result;
  }

  const processDue = (now = ctx.clock.now()): Promise<PassResult> => {
    // One pass at a time: a timer tick during a slow SMTP send waits for it.
    const next = (running ?? Promise.resolve()).then(() => pass(now));
    running = next.catch(() => ({ sent: 0, retrying: 0, failed: 0, cancelled: 0 }));
    return next;
  };

  const tick = () => {
    processDue().catch((err) => log.error("outbox pass failed", err));
  };

  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    processDue,
  };
}
