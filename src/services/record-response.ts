import { eq, isNull } from "drizzle-orm";
import type { Ctx } from "../deps";
import { DAY } from "../clock";
import { interactions, responseThemes, responses, themes } from "../db/schema";
import { negateTally, tallyOfResponse, type Answers, type Fcr } from "../domain/measures";
import { maskPersonalData } from "../domain/pii";
import { commentSentiment } from "../domain/sentiment";
import { matchThemes } from "../domain/themes";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { applyToRollup } from "./rollup";

export type ResponseInput = {
  interactionId: number;
  csat: number | null;
  ces: number | null;
  csi: number | null;
  fcr: Fcr | null;
  comment: string | null;
  language: string;
  confirmedVia: "form" | "signature" | "ivr" | "phone_api" | "import" | "demo";
};

export type RecordedResponse = { id: number; changed: boolean };

export type RecordOptions = {
  /** Merge with an existing answer (the phone survey stores one question at a time). */
  merge?: boolean;
  /** Enforce the edit window on a change (the survey page); system channels skip it. */
  enforceEditWindow?: boolean;
};

/**
 * Stores the one response of an interaction, or replaces it within the edit window. The
 * comment is masked for personal data and tagged with themes; the report counters move by
 * the difference between the old and the new answer, in the same transaction.
 */
export function recordResponse(ctx: Ctx, input: ResponseInput, options: RecordOptions = {}): RecordedResponse {
  const { db, clock, config } = ctx;
  return db.transaction(
    (tx) => {
      const interaction = tx.select().from(interactions).where(eq(interactions.id, input.interactionId)).get();
      if (!interaction) throw new NotFoundError("No such interaction.");
      const previous = tx.select().from(responses).where(eq(responses.interactionId, interaction.id)).get();
      const now = clock.now();
      if (previous && options.enforceEditWindow && now > previous.createdAt + config.EDIT_WINDOW_DAYS * DAY) {
        throw new ConflictError("The time to change this answer has passed.");
      }
      const merged = previous && options.merge ? mergeAnswers(previous, input) : input;
      const comment = merged.comment?.trim() ? maskPersonalData(merged.comment.trim()) : null;
      if (merged.csat === null && merged.ces === null && merged.csi === null && merged.fcr === null && comment === null) {
        throw new ValidationError("Answer at least one question.", [{ path: "(body)", message: "Answer at least one question or leave a comment." }]);
      }
      const sentiment = comment === null ? null : commentSentiment(comment, merged.language);
      const answers: Answers = { csat: merged.csat, ces: merged.ces, csi: merged.csi, fcr: merged.fcr, commentSentiment: sentiment };
      const values = {
        csat: answers.csat,
        ces: answers.ces,
        csi: answers.csi,
        fcr: answers.fcr,
        comment,
        commentSentiment: sentiment,
        language: merged.language,
        updatedAt: now,
      };
      const key = {
        occurredAt: interaction.occurredAt,
        teamId: interaction.teamId,
        staffId: interaction.staffId,
        serviceId: interaction.serviceId,
        channel: interaction.channel,
      };
      let responseId: number;
      const tally = tallyOfResponse(answers);
      if (previous) {
        const oldThemeIds = tx
          .select({ id: responseThemes.themeId })
          .from(responseThemes)
          .where(eq(responseThemes.responseId, previous.id))
          .all()
          .map((r) => r.id);
        applyToRollup(db.$client, key, oldThemeIds, negateTally(tallyOf(previous)), config.TIMEZONE);
        tx.update(responses).set(values).where(eq(responses.id, previous.id)).run();
        tx.delete(responseThemes).where(eq(responseThemes.responseId, previous.id)).run();
        responseId = previous.id;
      } else {
        responseId = tx
          .insert(responses)
          .values({
            ...values,
            interactionId: interaction.id,
            teamId: interaction.teamId,
            staffId: interaction.staffId,
            serviceId: interaction.serviceId,
            channel: interaction.channel,
            occurredAt: interaction.occurredAt,
            confirmedVia: input.confirmedVia,
            createdAt: now,
          })
          .returning({ id: responses.id })
          .get().id;
      }
      const tags = comment === null ? [] : matchThemes(comment, merged.language, activeThemes(ctx));
      if (tags.length > 0) {
        tx.insert(responseThemes)
          .values(tags.map((t) => ({ responseId, themeId: t.themeId, matched: t.matched })))
          .run();
      }
      applyToRollup(db.$client, key, tags.map((t) => t.themeId), tally, config.TIMEZONE);
      return { id: responseId, changed: previous !== undefined };
    },
    { behavior: "immediate" },
  );
}

function mergeAnswers(previous: typeof responses.$inferSelect, input: ResponseInput): ResponseInput {
  return {
    ...input,
    csat: input.csat ?? previous.csat,
    ces: input.ces ?? previous.ces,
    csi: input.csi ?? previous.csi,
    fcr: input.fcr ?? (previous.fcr as Fcr | null),
    comment: input.comment ?? previous.comment,
  };
}

export function tallyOf(row: typeof responses.$inferSelect) {
  return tallyOfResponse({
    csat: row.csat,
    ces: row.ces,
    csi: row.csi,
    fcr: row.fcr as Fcr | null,
    commentSentiment: row.commentSentiment,
  });
}

function activeThemes(ctx: Ctx) {
  return ctx.db
    .select({ id: themes.id, code: themes.code, rules: themes.rules })
    .from(themes)
    .where(isNull(themes.retiredAt))
    .all();
}
