import { eq } from "drizzle-orm";
import { ivrCalls, ivrEvents } from "../../db/schema";
import type { Ctx } from "../../deps";
import type { Answer } from "../../ivr/flow";
import { recordResponse } from "../record-response";
import type { SurveyCall } from "./start-call";

/**
 * Claims one turn of a call (by call and turn) and runs `store` only when the claim is new, in
 * the same transaction: a webhook Twilio delivers twice stores once, and a store that fails
 * leaves the turn unclaimed so the retry can succeed. Returns false for a repeat delivery.
 */
export function claimTurn(ctx: Ctx, callSid: string, turn: string, step: string, store: () => void): boolean {
  return ctx.db.transaction(
    (tx) => {
      const claimed = tx
        .insert(ivrEvents)
        .values({ callSid, turn, step, createdAt: ctx.clock.now() })
        .onConflictDoNothing()
        .run();
      if (claimed.changes === 0) return false;
      store();
      return true;
    },
    { behavior: "immediate" },
  );
}

export type TurnResult = { callSid: string; seq: number; answer: Answer | null; step: string; failures: number };

/**
 * One keypad turn: the answer (if any) is stored the moment it is given, merged into the
 * call's response, so a caller who hangs up halfway keeps what they answered.
 */
export function handleTurn(ctx: Ctx, call: SurveyCall, t: TurnResult): boolean {
  return claimTurn(ctx, t.callSid, String(t.seq), t.step, () => {
    if (t.answer) {
      recordResponse(
        ctx,
        {
          interactionId: call.interactionId,
          csat: t.answer.question === "csat" ? t.answer.value : null,
          ces: t.answer.question === "ces" ? t.answer.value : null,
          csi: t.answer.question === "csi" ? t.answer.value : null,
          fcr: t.answer.question === "fcr" ? t.answer.value : null,
          comment: null,
          language: call.language,
          confirmedVia: "ivr",
        },
        { merge: true },
      );
    }
    ctx.db
      .update(ivrCalls)
      .set({ step: t.step, failures: t.failures, updatedAt: ctx.clock.now() })
      .where(eq(ivrCalls.callSid, t.callSid))
      .run();
  });
}
