import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import { recordingDeletions } from "../../db/schema";
import { dueQueueRowId } from "../../db/queries/claim-due";
import type { Ctx } from "../../deps";
import { retryDelay } from "../mail/schedule";
import { deleteTwilioResource, twilioCredentials, type TwilioReply } from "./twilio-rest";

/*
 * Recordings and transcriptions kept at Twilio are personal data as much as the comment they
 * became: forgetting them here (retention, erasure) queues their deletion there, in the same
 * write, and the outbox worker deletes them with the email outbox's claims and backoff.
 */

const RECORDING_URL = /\/Recordings\/(RE[0-9a-fA-F]{32})(?:\.[a-z0-9]+)?$/;
const TRANSCRIPTION_SID = /^TR[0-9a-fA-F]{32}$/;

/** The provider resources of a call: its recording (named by the URL Twilio sent) and transcription. */
export function providerResources(call: { recordingUrl: string | null; transcriptionSid: string | null }): string[] {
  const recording = call.recordingUrl ? RECORDING_URL.exec(call.recordingUrl)?.[1] : undefined;
  return [
    ...(recording ? [`Recordings/${recording}`] : []),
    ...(call.transcriptionSid && TRANSCRIPTION_SID.test(call.transcriptionSid) ? [`Transcriptions/${call.transcriptionSid}`] : []),
  ];
}

/** Queues the deletion of these calls' recordings and transcriptions, inside the caller's write. */
export async function queueRecordingDeletionsIn(
  tx: Db,
  calls: { recordingUrl: string | null; transcriptionSid: string | null }[],
  now: number,
): Promise<number> {
  const resources = [...new Set(calls.flatMap(providerResources))];
  if (resources.length > 0) await tx.insert(recordingDeletions).values(resources.map((resource) => ({ resource, dueAt: now, createdAt: now })));
  return resources.length;
}

export type DeletionPass = { deleted: number; retrying: number; failed: number };

/** As long as a claim on an email: far longer than one request, which gives up after 15 s. */
const LEASE_MS = 10 * 60_000;

type Claimed = { id: number; resource: string; attempts: number; leaseUntil: number };

/**
 * What a reply means for the queue. 2xx: deleted; 404: already gone (deleted by hand, or an
 * earlier try whose reply was lost). Other 4xx, except the ones a later try can get past
 * (401/403 while credentials are being fixed, 408, 429), are a request Twilio will never accept.
 * Anything else, a 5xx or no reply, is an outage: tried again, without limit, since giving up
 * would leave the recording there for good.
 */
function outcome(reply: TwilioReply): "done" | "failed" | "retry" {
  if (reply.status === undefined) return "retry";
  if ((reply.status >= 200 && reply.status < 300) || reply.status === 404) return "done";
  if (reply.status >= 400 && reply.status < 500 && ![401, 403, 408, 429].includes(reply.status)) return "failed";
  return "retry";
}

/**
 * Deletes the due rows at Twilio, one claim at a time, as the email outbox sends: a row is
 * claimed (pending → sending, due at the end of the lease) before the request and settled after
 * it, so several servers share the queue and a crash mid-request only delays a deletion.
 * Without TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN the rows wait.
 */
export function createRecordingDeleter(ctx: Ctx, { batchSize = 20, fetchImpl = fetch }: { batchSize?: number; fetchImpl?: typeof fetch } = {}) {
  const { db, log } = ctx;

  const claimNext = (now: number): Promise<Claimed | undefined> =>
    db.write(async (tx) => {
      const id = await dueQueueRowId(tx, recordingDeletions, now);
      if (id === undefined) return undefined;
      const leaseUntil = now + LEASE_MS;
      const [row] = await tx
        .update(recordingDeletions)
        .set({ status: "sending", dueAt: leaseUntil })
        .where(eq(recordingDeletions.id, id))
        .returning({ id: recordingDeletions.id, resource: recordingDeletions.resource, attempts: recordingDeletions.attempts });
      return row && { ...row, leaseUntil };
    });

  const settle = (row: Claimed, set: Partial<typeof recordingDeletions.$inferInsert>) =>
    db.write((tx) =>
      tx
        .update(recordingDeletions)
        .set(set)
        .where(and(eq(recordingDeletions.id, row.id), eq(recordingDeletions.status, "sending"), eq(recordingDeletions.dueAt, row.leaseUntil))),
    );

  async function processDue(now = ctx.clock.now()): Promise<DeletionPass> {
    const result: DeletionPass = { deleted: 0, retrying: 0, failed: 0 };
    const credentials = twilioCredentials(ctx.config);
    if (!credentials) return result;
    for (let n = 0; n < batchSize; n++) {
      const row = await claimNext(now);
      if (!row) break;
      const reply = await deleteTwilioResource(credentials, row.resource, fetchImpl);
      const attempts = row.attempts + 1;
      const verdict = outcome(reply);
      if (verdict === "done") {
        await settle(row, { status: "done", attempts, doneAt: now, dueAt: now, lastError: null });
        result.deleted++;
      } else if (verdict === "failed") {
        await settle(row, { status: "failed", attempts, dueAt: now, lastError: reply.error });
        result.failed++;
        log.error(`recording deletion ${row.id} refused by Twilio`, reply.error);
      } else {
        await settle(row, { status: "pending", attempts, dueAt: now + retryDelay(attempts), lastError: reply.error });
        result.retrying++;
        log.info("recording deletion failed; will retry", { deletionId: row.id, attempts, error: reply.error });
      }
    }
    return result;
  }

  return { processDue };
}

export type RecordingDeleter = ReturnType<typeof createRecordingDeleter>;
