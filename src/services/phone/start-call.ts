import { eq } from "drizzle-orm";
import { interactions, ivrCalls } from "../../db/schema";
import type { Ctx } from "../../deps";
import { isLanguage, type Language } from "../../domain/languages";
import { NotFoundError } from "../../errors";
import { QUESTIONS } from "../../ivr/flow";
import { registerInteraction } from "../register-interaction";

export type CallStart = {
  callSid: string;
  /** From the webhook URL's query; without a team the call must have been registered earlier. */
  team?: string;
  staff?: string;
  service?: string;
  language?: Language;
};

export type SurveyCall = { interactionId: number; language: Language };

/**
 * A call reaches the survey: opens its survey token (an interaction with the CallSid as its
 * external reference; registerInteraction is idempotent by it, so a retried webhook or an
 * interaction the telephony registered earlier through the API is reused) and its ivr_calls row.
 */
export function startPhoneSurvey(ctx: Ctx, input: CallStart): SurveyCall {
  return ctx.db.transaction((tx) => {
    let interactionId: number;
    if (input.team !== undefined) {
      interactionId = registerInteraction(
        ctx,
        {
          channel: "phone",
          team: input.team,
          staff: input.staff,
          service: input.service,
          occurredAt: ctx.clock.now(),
          externalRef: input.callSid,
          language: input.language ?? "en",
        },
        "ivr",
      ).id;
    } else {
      const found = tx.select({ id: interactions.id }).from(interactions).where(eq(interactions.externalRef, input.callSid)).get();
      if (!found) throw new NotFoundError("No interaction is registered for this call, and the webhook URL names no team.");
      interactionId = found.id;
    }
    const now = ctx.clock.now();
    tx.insert(ivrCalls)
      .values({ callSid: input.callSid, interactionId, step: QUESTIONS[0], failures: 0, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .run();
    return surveyCallOf(ctx, interactionId);
  });
}

function surveyCallOf(ctx: Ctx, interactionId: number): SurveyCall {
  const row = ctx.db.select({ language: interactions.language }).from(interactions).where(eq(interactions.id, interactionId)).get();
  if (!row) throw new NotFoundError("No such interaction.");
  return { interactionId, language: isLanguage(row.language) ? row.language : "en" };
}

/** The survey a call is in, for every webhook after the first. */
export function findSurveyCall(ctx: Ctx, callSid: string): SurveyCall | null {
  const call = ctx.db.select({ interactionId: ivrCalls.interactionId }).from(ivrCalls).where(eq(ivrCalls.callSid, callSid)).get();
  return call ? surveyCallOf(ctx, call.interactionId) : null;
}
