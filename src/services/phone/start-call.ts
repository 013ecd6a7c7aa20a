import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { contactSubjects, interactions, ivrCalls } from "../../db/schema";
import { prepared } from "../../db/sql";
import type { Ctx } from "../../deps";
import { isLanguage, type Language } from "../../domain/languages";
import { NotFoundError } from "../../errors";
import { QUESTIONS } from "../../ivr/flow";
import { subjectHash } from "../privacy/subject-hash";
import { registerInteractionIn } from "../register-interaction";

export type CallStart = {
  callSid: string;
  /** From the webhook URL's query; without a team the call must have been registered earlier. */
  team?: string;
  staff?: string;
  service?: string;
  language?: Language;
  /** The caller's number (Twilio's From); only its keyed hash is kept. */
  from?: string;
};

export type SurveyCall = { interactionId: number; language: Language };

// Prepared: every webhook of every call looks its call up.
const callBySid = prepared("phone_call_by_sid", (db) =>
  db
    .select({ interactionId: ivrCalls.interactionId, language: interactions.language })
    .from(ivrCalls)
    .innerJoin(interactions, eq(interactions.id, ivrCalls.interactionId))
    .where(eq(ivrCalls.callSid, sql.placeholder("callSid"))),
);
const languageOf = prepared("phone_interaction_language", (db) =>
  db
    .select({ language: interactions.language })
    .from(interactions)
    .where(eq(interactions.id, sql.placeholder("id"))),
);

/**
 * A call reaches the survey: opens its survey token (an interaction with the CallSid as its
 * external reference; registerInteraction is idempotent by it, so a retried webhook or an
 * interaction the telephony registered earlier through the API is reused) and its ivr_calls row.
 * The caller's number is not stored, but its keyed hash is, as for a contact registered with
 * a phone number, so that `erase --phone` finds what this caller said.
 */
export function startPhoneSurvey(ctx: Ctx, input: CallStart): Promise<SurveyCall> {
  return ctx.db.write(async (tx) => {
    let interactionId: number;
    if (input.team !== undefined) {
      const registered = await registerInteractionIn(
        tx,
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
        // The caller's number names them for repeat contact (its keyed hash only).
        input.from ? { phone: input.from } : undefined,
      );
      interactionId = registered.id;
    } else {
      const [found] = await tx.select({ id: interactions.id }).from(interactions).where(eq(interactions.externalRef, input.callSid));
      if (!found) throw new NotFoundError("No interaction is registered for this call, and the webhook URL names no team.");
      interactionId = found.id;
    }
    const now = ctx.clock.now();
    await tx
      .insert(ivrCalls)
      .values({ callSid: input.callSid, interactionId, step: QUESTIONS[0], failures: 0, createdAt: now, updatedAt: now })
      .onConflictDoNothing();
    // Withheld numbers come as "anonymous" (or no From at all): nothing to find the caller by.
    if (input.from && /\d/.test(input.from)) {
      await tx
        .insert(contactSubjects)
        .values({ interactionId, subjectHash: subjectHash("phone", input.from, ctx.config.TOKEN_PEPPER), createdAt: now })
        .onConflictDoNothing();
    }
    return surveyCallOf(tx, interactionId);
  });
}

async function surveyCallOf(db: Db, interactionId: number): Promise<SurveyCall> {
  const [row] = await languageOf(db, { id: interactionId });
  if (!row) throw new NotFoundError("No such interaction.");
  return { interactionId, language: asLanguage(row.language) };
}

function asLanguage(language: string): Language {
  return isLanguage(language) ? language : "en";
}

/** The survey a call is in, for every webhook after the first. */
export async function findSurveyCall(ctx: Ctx, callSid: string): Promise<SurveyCall | null> {
  const [call] = await callBySid(ctx.db.read, { callSid });
  return call ? { interactionId: call.interactionId, language: asLanguage(call.language) } : null;
}
