import { eq } from "drizzle-orm";
import { ivrCalls } from "../../db/schema";
import type { Ctx } from "../../deps";
import { recordResponseIn } from "../record-response";
import { claimTurn } from "./handle-turn";
import type { SurveyCall } from "./start-call";

/** The caller finished a recorded comment: keep where the recording is, once. */
export function storeRecording(ctx: Ctx, callSid: string, seq: number, recordingUrl: string | null): Promise<boolean> {
  return claimTurn(ctx, callSid, String(seq), "done", async (tx) => {
    await tx.update(ivrCalls).set({ step: "done", recordingUrl, updatedAt: ctx.clock.now() }).where(eq(ivrCalls.callSid, callSid));
  });
}

/**
 * The provider's transcription of the comment arrives (minutes later, after the call): its
 * text becomes the response's comment, masked for personal data and tagged with themes by
 * recordResponse, merged with the answers already stored. Its id is kept so retention and
 * erasure can delete it at the provider with the recording. Once per call.
 */
export async function storeTranscription(ctx: Ctx, call: SurveyCall, callSid: string, text: string, transcriptionSid: string | null = null): Promise<boolean> {
  // A minute of speech is far shorter; the cap only guards the column against a faulty provider.
  const comment = text.trim().slice(0, 2000);
  if (comment === "" && transcriptionSid === null) return false;
  return claimTurn(ctx, callSid, "transcription", "transcription", async (tx) => {
    if (transcriptionSid !== null) await tx.update(ivrCalls).set({ transcriptionSid, updatedAt: ctx.clock.now() }).where(eq(ivrCalls.callSid, callSid));
    if (comment === "") return;
    await recordResponseIn(
      tx,
      ctx,
      { interactionId: call.interactionId, csat: null, ces: null, csi: null, fcr: null, comment, language: call.language, confirmedVia: "ivr" },
      { merge: true },
    );
  });
}
