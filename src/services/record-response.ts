import type { Ctx } from "../deps";
import { DAY } from "../clock";
import { prepared, writeTransaction } from "../db/prepared";
import { negateTally, tallyOfResponse, type Answers, type Fcr } from "../domain/measures";
import { prepareComment } from "../domain/comment";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { applyToRollup } from "./rollup";
import { themeMatcher } from "./theme-matcher";

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

type InteractionRow = { id: number; teamId: number; staffId: number | null; serviceId: number | null; channel: string; occurredAt: number };
type ResponseRow = {
  id: number;
  csat: number | null;
  ces: number | null;
  csi: number | null;
  fcr: Fcr | null;
  comment: string | null;
  commented: number;
  commentSentiment: number | null;
  createdAt: number;
};

/*
 * Raw prepared statements: this runs for every answer given, on every channel, and drizzle's
 * query building cost more than SQLite's work here (315 us against about 40 us per answer).
 */
const SQL = {
  interaction: `select id, team_id as teamId, staff_id as staffId, service_id as serviceId, channel, occurred_at as occurredAt
    from interactions where id = ?`,
  previous: `select id, csat, ces, csi, fcr, comment, commented, comment_sentiment as commentSentiment, created_at as createdAt
    from responses where interaction_id = ?`,
  oldThemes: `select theme_id from response_themes where response_id = ?`,
  update: `update responses set csat = ?, ces = ?, csi = ?, fcr = ?, comment = ?, commented = ?, comment_sentiment = ?, language = ?, updated_at = ?
    where id = ?`,
  deleteThemes: `delete from response_themes where response_id = ?`,
  insert: `insert into responses (interaction_id, team_id, staff_id, service_id, channel, occurred_at, csat, ces, csi, fcr, comment, commented,
    comment_sentiment, language, confirmed_via, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertTheme: `insert into response_themes (response_id, theme_id, matched) values (?, ?, ?)`,
};

/**
 * Stores the one response of an interaction, or replaces it within the edit window. The
 * comment is masked for personal data and tagged with themes; the report counters move by
 * the difference between the old and the new answer, in the same transaction.
 */
export function recordResponse(ctx: Ctx, input: ResponseInput, options: RecordOptions = {}): RecordedResponse {
  const { db, clock, config } = ctx;
  const sqlite = db.$client;
  const q = (sql: string) => prepared(sqlite, sql);
  return writeTransaction(sqlite, () => {
    const interaction = q(SQL.interaction).get(input.interactionId) as InteractionRow | undefined;
    if (!interaction) throw new NotFoundError("No such interaction.");
    const previous = q(SQL.previous).get(interaction.id) as ResponseRow | undefined;
    const now = clock.now();
    if (previous && options.enforceEditWindow && now > previous.createdAt + config.EDIT_WINDOW_DAYS * DAY) {
      throw new ConflictError("The time to change this answer has passed.");
    }
    const merged = previous && options.merge ? mergeAnswers(previous, input) : input;
    const stored = prepareComment(merged.comment, merged.language, themeMatcher(db));
    const comment = stored?.text ?? null;
    if (merged.csat === null && merged.ces === null && merged.csi === null && merged.fcr === null && comment === null) {
      throw new ValidationError("Answer at least one question.", [{ path: "(body)", message: "Answer at least one question or leave a comment." }]);
    }
    const sentiment = stored?.sentiment ?? null;
    const commented = comment !== null;
    const answers: Answers = { csat: merged.csat, ces: merged.ces, csi: merged.csi, fcr: merged.fcr, commentSentiment: sentiment, commented };
    const tally = tallyOfResponse(answers);
    const key = interaction;
    let responseId: number;
    if (previous) {
      const oldThemeIds = q(SQL.oldThemes).pluck().all(previous.id) as number[];
      applyToRollup(sqlite, key, oldThemeIds, negateTally(tallyOf(previous)), config.TIMEZONE);
      q(SQL.update).run(answers.csat, answers.ces, answers.csi, answers.fcr, comment, Number(commented), sentiment, merged.language, now, previous.id);
      q(SQL.deleteThemes).run(previous.id);
      responseId = previous.id;
    } else {
      responseId = Number(
        q(SQL.insert).run(
          interaction.id,
          interaction.teamId,
          interaction.staffId,
          interaction.serviceId,
          interaction.channel,
          interaction.occurredAt,
          answers.csat,
          answers.ces,
          answers.csi,
          answers.fcr,
          comment,
          Number(commented),
          sentiment,
          merged.language,
          input.confirmedVia,
          now,
          now,
        ).lastInsertRowid,
      );
    }
    const tags = stored?.tags ?? [];
    for (const tag of tags) q(SQL.insertTheme).run(responseId, tag.themeId, JSON.stringify(tag.matched));
    applyToRollup(
      sqlite,
      key,
      tags.map((t) => t.themeId),
      tally,
      config.TIMEZONE,
    );
    return { id: responseId, changed: previous !== undefined };
  });
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
export function tallyOf(row: Pick<ResponseRow, "csat" | "ces" | "csi" | "fcr" | "commentSentiment" | "commented">) {
  return tallyOfResponse({ csat: row.csat, ces: row.ces, csi: row.csi, fcr: row.fcr, commentSentiment: row.commentSentiment, commented: row.commented === 1 });
}
