import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { ivrCalls, ivrEvents } from "../../db/schema";
import { prepared } from "../../db/sql";
import type { Ctx } from "../../deps";
import type { Answer } from "../../ivr/flow";
import { recordResponseIn } from "../record-response";
import type { SurveyCall } from "./start-call";

// Prepared: every keypad press of every call runs these.
const claim = prepared("phone_claim_turn", (db) =>
  db
    .insert(ivrEvents)
    .values({ callSid: sql.placeholder("callSid"), turn: sql.placeholder("turn"), step: sql.placeholder("step"), createdAt: sql.placeholder("now") })
    .onConflictDoNothing()
    .returning({ turn: ivrEvents.turn }),
);
const updateStep = prepared("phone_update_step", (db) =>
  db
    .update(ivrCalls)
    .set({ step: sql`${sql.placeholder("step")}`, failures: sql`${sql.placeholder("failures")}`, updatedAt: sql`${sql.placeholder("now")}` })
    .where(eq(ivrCalls.callSid, sql.placeholder("callSid"))),
);

/**
 * Claims one turn of a call (by call and turn) and runs `store` only when the claim is new, in
 * the same write: a webhook Twilio delivers twice stores once, and a store that fails leaves
 * the turn unclaimed so the retry can succeed. Returns false for a repeat delivery. `store`
 * runs inside the write: it must use only `tx`.
 */
export function claimTurn(ctx: Ctx, callSid: string, turn: string, step: string, store: (tx: Db) => Promise<void>): Promise<boolean> {
  return ctx.db.write(async (tx) => {
    // On PostgreSQL a second delivery arriving meanwhile waits here for the first to commit,
    // then finds the turn taken.
    const claimed = await claim(tx, { callSid, turn, step, now: ctx.clock.now() });
    if (claimed.length === 0) return false;
    await store(tx);
    return true;
  });
}

export type TurnResult = { callSid: string; seq: number; answer: Answer | null; step: string; failures: number };

/**
 * One keypad turn: the answer (if any) is stored the moment it is given, merged into the
 * call's response, so a caller who hangs up halfway keeps what they answered.
 */
export function handleTurn(ctx: Ctx, call: SurveyCall, t: TurnResult): Promise<boolean> {
  return claimTurn(ctx, t.callSid, String(t.seq), t.step, async (tx) => {
    if (t.answer) {
      await recordResponseIn(
        tx,
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
    await updateStep(tx, { step: t.step, failures: t.failures, now: ctx.clock.now(), callSid: t.callSid });
  });
}
