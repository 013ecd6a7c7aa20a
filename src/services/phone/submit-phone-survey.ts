import type { Ctx } from "../../deps";
import type { PhoneSurveyInput, PhoneSurveyResult } from "../../schemas/phone-survey";
import { recordResponse } from "../record-response";
import { registerInteraction } from "../register-interaction";

/**
 * Results from telephony that gathers the digits itself (Amazon Connect, Genesys). The call id
 * is the interaction's external reference, so the same call sent again (a retry, or answers
 * sent as they are given) merges into its one response instead of making a second. A call
 * with no answers still registers the interaction: it was surveyed, so it counts as issued.
 */
export function submitPhoneSurvey(ctx: Ctx, input: PhoneSurveyInput): PhoneSurveyResult {
  return ctx.db.transaction(
    () => {
      const interaction = registerInteraction(
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
      const a = input.answers;
      const comment = input.comment?.trim() ? input.comment : null;
      const answered = a.csat !== undefined || a.ces !== undefined || a.csi !== undefined || a.fcr !== undefined || comment !== null;
      const response = answered
        ? recordResponse(
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
    },
    { behavior: "immediate" },
  );
}
