import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { emailAddressState, emailOutbox } from "../../db/schema";
import { describeMailError, isPermanentMailError, type MailTransport } from "../../mail/transport";
import { composeOutboxMail, type OutboxRow } from "./compose";
import { forgetAddressIfDone, forgetUnneededAddresses } from "./forget-address";
import { MAX_ATTEMPTS, reminderDueAt, retryDelay } from "./schedule";

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

/**
 * Sends what the outbox holds, in the same process as the web server. A row is claimed
 * (pending → sending) before the send and becomes sent only after the transport accepted it,
 * so a crash or an SMTP outage loses nothing: failures go back to pending with a growing
 * delay, and a crash mid-send leaves a 'sending' row that start() puts back (at-least-once:
 * in that rare case one email may go twice, never zero times). A 5xx refusal, or
 * MAX_ATTEMPTS failures, mark the row failed with its last error and the queue moves on.
 */
export function createOutboxWorker(ctx: Ctx, transport: MailTransport, options: WorkerOptions = {}): OutboxWorker {
  const { db, log } = ctx;
  const intervalMs = options.intervalMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PassResult> | undefined;
  let lastSweep = -Infinity;

  const finish = (row: OutboxRow, set: Partial<OutboxRow>) => {
    db.update(emailOutbox).set(set).where(eq(emailOutbox.id, row.id)).run();
    if (set.status !== "pending") forgetAddressIfDone(db, row.interactionId);
  };

  async function deliver(row: OutboxRow, now: number, result: PassResult): Promise<void> {
    const composed = composeOutboxMail(ctx, row, now);
    if (!composed.send) {
      finish(row, { status: "cancelled", lastError: composed.reason });
      result.cancelled++;
      return;
    }
    const attempts = row.attempts + 1;
    try {
      const { messageId } = await transport.send(composed.mail);
      db.transaction((tx) => {
        tx.update(emailOutbox).set({ status: "sent", attempts, sentAt: now, messageId, lastError: null }).where(eq(emailOutbox.id, row.id)).run();
        if (row.kind === "invitation") {
          tx.update(emailAddressState).set({ lastInvitedAt: now }).where(eq(emailAddressState.addressHash, composed.addressHash)).run();
          tx.insert(emailOutbox).values({ kind: "reminder", interactionId: row.interactionId, dueAt: reminderDueAt(now, ctx.config), createdAt: now }).run();
        }
        forgetAddressIfDone(db, row.interactionId);
      });
      result.sent++;
      log.info("email sent", { outboxId: row.id, kind: row.kind, messageId });
    } catch (err) {
      const lastError = describeMailError(err);
      if (isPermanentMailError(err) || attempts >= MAX_ATTEMPTS) {
        finish(row, { status: "failed", attempts, lastError });
        result.failed++;
        log.error(`email ${row.id} failed for good after ${attempts} attempt(s)`, lastError);
      } else {
        finish(row, { status: "pending", attempts, lastError, dueAt: now + retryDelay(attempts) });
        result.retrying++;
        log.info("email send failed; will retry", { outboxId: row.id, attempts, error: lastError });
      }
    }
  }

  async function pass(now: number): Promise<PassResult> {
    const result: PassResult = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
    const due = db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.dueAt, now)))
      .orderBy(asc(emailOutbox.dueAt))
      .limit(batchSize)
      .all();
    for (const row of due) {
      // Claim first: only the pass that moves the row out of pending sends it.
      const claimed = db
        .update(emailOutbox)
        .set({ status: "sending" })
        .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "pending")))
        .run();
      if (claimed.changes !== 1) continue;
      await deliver(row, now, result);
    }
    // The sweep scans customer_contacts, so hourly is enough; sends forget their own addresses.
    if (now - lastSweep >= 3_600_000) {
      forgetUnneededAddresses(db, now);
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
      // Rows left 'sending' by a crash: their send may or may not have happened; send again.
      db.update(emailOutbox).set({ status: "pending" }).where(inArray(emailOutbox.status, ["sending"])).run();
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
