import type { Ctx } from "../../deps";
import type { PhoneSurveyInput, PhoneSurveyResult } from "../../schemas/phone-survey";
import { recordResponseIn } from "../record-response";
import { registerInteractionIn } from "../register-interaction";

/**
 * Results from telephony that gathers the digits itself (Amazon Connect, Genesys). The call id
 * is the interaction's external reference, so the same call sent again (a retry, or answers
 * sent as they are given) merges into its one response instead of making a second. A call
 * with no answers still registers the interaction: it was surveyed, so it counts as issued.
 */
export function submitPhoneSurvey(ctx: Ctx, input: PhoneSurveyInput): Promise<PhoneSurveyResult> {
  const a = input.answers;
  const comment = input.comment?.trim() ? input.comment : null;
  const answered = a.csat !== undefined || a.ces !== undefined || a.csi !== undefined || a.fcr !== undefined || comment !== null;
  return ctx.db.write(async (tx) => {
    const interaction = await registerInteractionIn(
      tx,
      ctx,
      {
        channel: "phone",
        team: input.team,
        staff: input.staff,
        service: input.service,
        occurredAt: input.occurredAt,
        externalRef: input.callId,
        language: input.language,
      },
      "phone_api",
    );
    const response = answered
      ? await recordResponseIn(
          tx,
          ctx,
          {
            interactionId: interaction.id,
            csat: a.csat ?? null,
            ces: a.ces ?? null,
            csi: a.csi ?? null,
            fcr: a.fcr ?? null,
            comment,
            language: input.language,
            confirmedVia: "phone_api",
          },
          { merge: true },
        )
      : null;
    return { callId: input.callId, interactionId: interaction.id, responseId: response?.id ?? null, existing: interaction.existing };
  });
}
