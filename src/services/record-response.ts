import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../deps";
import type { AnswerSource } from "../domain/vocabulary";
import { reportCalendar } from "../config";
import { DAY } from "../clock";
import type { Db } from "../db/database";
import { interactions, responses, responseThemes, surveyTokens } from "../db/schema";
import { forUpdateOf, prepared } from "../db/sql";
import { negateTally, tallyOfResponse, type Answers, type Fcr } from "../domain/measures";
import { prepareComment } from "../domain/comment";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { syncCaseIn } from "./follow-ups/sync-case";
import { applyToRollup } from "./rollup";
import { themeMatcherAt, themesVersionNow } from "./theme-matcher";
export type ResponseInput = {
  interactionId: number;
  csat: number | null;
  ces: number | null;
  csi: number | null;
  fcr: Fcr | null;
  comment: string | null;
  language: string;
  confirmedVia: AnswerSource;
  /** The customer asked to be contacted about this answer (survey page, signature follow-on page). */
  contactRequest?: ContactRequest | null;
};

/**
 * How to reach a customer who asked to be contacted: an email address or a phone number (at
 * least one), what they would like to talk about, and the consent wording they agreed to.
 */
export type ContactRequest = { email: string | null; phone: string | null; message: string | null; consentText: string };

export type RecordedResponse = { id: number; changed: boolean };

export type RecordOptions = {
  /** Merge with an existing answer (the phone survey stores one question at a time). */
  merge?: boolean;
  /** Enforce the edit window on a change (the survey page); system channels skip it. */
  enforceEditWindow?: boolean;
};

type ContextRow = Awaited<ReturnType<typeof answerContext>>[number];
type ResponseRow = Pick<ContextRow, "csat" | "ces" | "csi" | "fcr" | "comment" | "commented" | "commentSentiment"> & { id: number; createdAt: number };

/*
 * Prepared statements: this runs for every answer given, on every channel, and building the
 * queries per call cost more than the database's own work here.
 */
const answerContext = prepared("record_response_context", (db) =>
  // The interaction's row stays locked until the answer commits: two answers to one
  // interaction at once (a double click, a retry) must not both find no earlier answer, nor
  // both take the same earlier answer out of the counters.
  forUpdateOf(
    db
      .select({
        id: interactions.id,
        teamId: interactions.teamId,
        staffId: interactions.staffId,
        serviceId: interactions.serviceId,
        channel: interactions.channel,
        occurredAt: interactions.occurredAt,
        token: surveyTokens.interactionId,
        previousId: responses.id,
        csat: responses.csat,
        ces: responses.ces,
        csi: responses.csi,
        fcr: responses.fcr,
        comment: responses.comment,
        commented: responses.commented,
        commentSentiment: responses.commentSentiment,
        createdAt: responses.createdAt,
        themesVersion: themesVersionNow(),
      })
      .from(interactions)
      .leftJoin(surveyTokens, eq(surveyTokens.interactionId, interactions.id))
      .leftJoin(responses, eq(responses.interactionId, interactions.id))
      .where(eq(interactions.id, sql.placeholder("id"))),
    interactions,
  ),
);
const themesOfResponse = prepared("record_response_old_themes", (db) =>
  db
    .select({ themeId: responseThemes.themeId })
    .from(responseThemes)
    .where(eq(responseThemes.responseId, sql.placeholder("id"))),
);
const updateResponse = prepared("record_response_update", (db) =>
  db
    .update(responses)
    .set({
      csat: sql`${sql.placeholder("csat")}`,
      ces: sql`${sql.placeholder("ces")}`,
      csi: sql`${sql.placeholder("csi")}`,
      fcr: sql`${sql.placeholder("fcr")}`,
      comment: sql`${sql.placeholder("comment")}`,
      commented: sql`${sql.placeholder("commented")}`,
      commentSentiment: sql`${sql.placeholder("commentSentiment")}`,
      language: sql`${sql.placeholder("language")}`,
      updatedAt: sql`${sql.placeholder("now")}`,
    })
    .where(eq(responses.id, sql.placeholder("id"))),
);
const deleteThemes = prepared("record_response_delete_themes", (db) => db.delete(responseThemes).where(eq(responseThemes.responseId, sql.placeholder("id"))));
const insertResponse = prepared("record_response_insert", (db) =>
  db
    .insert(responses)
    .values({
      interactionId: sql.placeholder("interactionId"),
      teamId: sql.placeholder("teamId"),
      staffId: sql.placeholder("staffId"),
      serviceId: sql.placeholder("serviceId"),
      channel: sql.placeholder("channel"),
      occurredAt: sql.placeholder("occurredAt"),
      csat: sql.placeholder("csat"),
      ces: sql.placeholder("ces"),
      csi: sql.placeholder("csi"),
      fcr: sql.placeholder("fcr"),
      comment: sql.placeholder("comment"),
      commented: sql.placeholder("commented"),
      commentSentiment: sql.placeholder("commentSentiment"),
      language: sql.placeholder("language"),
      confirmedVia: sql.placeholder("confirmedVia"),
      createdAt: sql.placeholder("now"),
      updatedAt: sql.placeholder("now"),
    })
    .returning({ id: responses.id }),
);
const insertTheme = prepared("record_response_insert_theme", (db) =>
  db.insert(responseThemes).values({ responseId: sql.placeholder("responseId"), themeId: sql.placeholder("themeId"), matched: sql.placeholder("matched") }),
);

/**
 * Stores the one response of an interaction, or replaces it within the edit window. The
 * comment is masked for personal data and tagged with themes; the report counters move by
 * the difference between the old and the new answer, in the same transaction.
 */
export function recordResponse(ctx: Ctx, input: ResponseInput, options: RecordOptions = {}): Promise<RecordedResponse> {
  return ctx.db.write((tx) => recordResponseIn(tx, ctx, input, options));
}

/** recordResponse inside the caller's write (a phone call's turn, an import). */
export async function recordResponseIn(tx: Db, ctx: Ctx, input: ResponseInput, options: RecordOptions = {}): Promise<RecordedResponse> {
  const { clock, config } = ctx;
  // One round trip: the interaction (locked), its earlier answer and the themes' version.
  const [interaction] = await answerContext(tx, { id: input.interactionId });
  if (!interaction) throw new NotFoundError("No such interaction.");
  const previous = previousOf(interaction);
  const now = clock.now();
  if (previous && options.enforceEditWindow && now > previous.createdAt + config.EDIT_WINDOW_DAYS * DAY) {
    throw new ConflictError("The time to change this answer has passed.");
  }
  const merged = previous && options.merge ? mergeAnswers(previous, input) : input;
  const stored = prepareComment(merged.comment, merged.language, await themeMatcherAt(interaction.themesVersion, tx, ctx.db));
  const comment = stored?.text ?? null;
  if (merged.csat === null && merged.ces === null && merged.csi === null && merged.fcr === null && comment === null) {
    throw new ValidationError("Answer at least one question.", [{ path: "(body)", message: "Answer at least one question or leave a comment." }]);
  }
  const sentiment = stored?.sentiment ?? null;
  const commented = comment !== null;
  const tokened = interaction.token !== null;
  const answers: Answers = { csat: merged.csat, ces: merged.ces, csi: merged.csi, fcr: merged.fcr, commentSentiment: sentiment, commented, tokened };
  const tally = tallyOfResponse(answers);
  const key = interaction;
  const values = {
    csat: answers.csat,
    ces: answers.ces,
    csi: answers.csi,
    fcr: answers.fcr,
    comment,
    commented: Number(commented),
    commentSentiment: sentiment,
    language: merged.language,
    now,
  };
  let responseId: number;
  if (previous) {
    const oldThemeIds = (await themesOfResponse(tx, { id: previous.id })).map((r) => r.themeId);
    applyToRollup(tx, key, oldThemeIds, negateTally(tallyOf(previous, tokened)), reportCalendar(config));
    await updateResponse(tx, { ...values, id: previous.id });
    await deleteThemes(tx, { id: previous.id });
    responseId = previous.id;
  } else {
    const [inserted] = await insertResponse(tx, {
      ...values,
      interactionId: interaction.id,
      teamId: interaction.teamId,
      staffId: interaction.staffId,
      serviceId: interaction.serviceId,
      channel: interaction.channel,
      occurredAt: interaction.occurredAt,
      confirmedVia: input.confirmedVia,
    });
    responseId = inserted!.id;
  }
  const tags = stored?.tags ?? [];
  for (const tag of tags) await insertTheme(tx, { responseId, themeId: tag.themeId, matched: tag.matched });
  applyToRollup(
    tx,
    key,
    tags.map((t) => t.themeId),
    tally,
    reportCalendar(config),
  );
  await syncCaseIn(tx, ctx, {
    responseId,
    interactionId: interaction.id,
    teamId: interaction.teamId,
    isNew: previous === undefined,
    csat: answers.csat,
    csi: answers.csi,
    fcr: answers.fcr,
    comment,
    contactRequest: input.contactRequest ?? null,
  });
  return { id: responseId, changed: previous !== undefined };
}

function previousOf(row: ContextRow): ResponseRow | undefined {
  if (row.previousId === null || row.createdAt === null) return undefined;
  return { ...row, id: row.previousId, createdAt: row.createdAt };
}

function mergeAnswers(previous: ResponseRow, input: ResponseInput): ResponseInput {
  return {
    ...input,
    csat: input.csat ?? previous.csat,
    ces: input.ces ?? previous.ces,
    csi: input.csi ?? previous.csi,
    fcr: input.fcr ?? previous.fcr,
    comment: input.comment ?? previous.comment,
  };
}

/** The tally a stored response was counted with: what a change takes back out of the rollup. */
export function tallyOf(row: Pick<ResponseRow, "csat" | "ces" | "csi" | "fcr" | "commentSentiment" | "commented">, tokened: boolean) {
  return tallyOfResponse({
    csat: row.csat,
    ces: row.ces,
    csi: row.csi,
    fcr: row.fcr,
    commentSentiment: row.commentSentiment,
    commented: row.commented === 1,
    tokened,
  });
}
