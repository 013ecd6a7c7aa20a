import type { Ctx } from "../deps";
import { prepared } from "../db/prepared";
import type { interactions, responses } from "../db/schema";
import { GoneError, NotFoundError } from "../errors";
import { hashToken, isWellFormedToken } from "./tokens";

export type SurveyContext = {
  tokenId: number;
  /** The token's keyed hash: the scope of the page's form token (computed once per request). */
  tokenHash: string;
  expiresAt: number;
  interaction: typeof interactions.$inferSelect;
  response: typeof responses.$inferSelect | undefined;
};

// Every opened link runs these; prepared statements keep a page view cheap.
const TOKEN_SQL = `select t.id as tokenId, t.expires_at as expiresAt,
    i.id, i.channel, i.team_id as teamId, i.staff_id as staffId, i.service_id as serviceId, i.occurred_at as occurredAt,
    i.external_ref as externalRef, i.language, i.source, i.created_at as createdAt
  from survey_tokens t join interactions i on i.id = t.interaction_id where t.token_hash = ?`;
const RESPONSE_SQL = `select id, interaction_id as interactionId, team_id as teamId, staff_id as staffId, service_id as serviceId,
    channel, occurred_at as occurredAt, csat, ces, csi, fcr, comment, comment_sentiment as commentSentiment, language,
    confirmed_via as confirmedVia, created_at as createdAt, updated_at as updatedAt
  from responses where interaction_id = ?`;

/**
 * Finds the interaction behind a survey link. Unknown and malformed tokens are one and the
 * same NotFoundError, so nothing tells a guesser which tokens exist; expired is a GoneError.
 */
export function resolveToken(ctx: Ctx, token: string): SurveyContext {
  if (!isWellFormedToken(token)) throw new NotFoundError("This link is no longer valid.");
  const tokenHash = hashToken(token, ctx.config.TOKEN_PEPPER);
  const row = prepared(ctx.db.$client, TOKEN_SQL).get(tokenHash) as
    | ({ tokenId: number; expiresAt: number } & SurveyContext["interaction"])
    | undefined;
  if (!row) throw new NotFoundError("This link is no longer valid.");
  if (row.expiresAt <= ctx.clock.now()) throw new GoneError("This link has expired.");
  const { tokenId, expiresAt, ...interaction } = row;
  const response = prepared(ctx.db.$client, RESPONSE_SQL).get(interaction.id) as SurveyContext["response"];
  return { tokenId, tokenHash, expiresAt, interaction, response };
}
