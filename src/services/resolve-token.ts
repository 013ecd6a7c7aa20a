import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Ctx } from "../deps";
import { interactions, responses, surveyTokens } from "../db/schema";
import { prepared } from "../db/sql";
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

// Every opened link runs this: one prepared statement, one round trip, keeps a page view cheap.
const surveyOfToken = prepared("resolve_token", (db) =>
  db
    .select({
      tokenId: surveyTokens.id,
      expiresAt: surveyTokens.expiresAt,
      interaction: getTableColumns(interactions),
      response: getTableColumns(responses),
    })
    .from(surveyTokens)
    .innerJoin(interactions, eq(interactions.id, surveyTokens.interactionId))
    .leftJoin(responses, eq(responses.interactionId, interactions.id))
    .where(eq(surveyTokens.tokenHash, sql.placeholder("tokenHash"))),
);

/**
 * Finds the interaction behind a survey link. Unknown and malformed tokens are one and the
 * same NotFoundError, so nothing tells a guesser which tokens exist; expired is a GoneError.
 */
export async function resolveToken(ctx: Ctx, token: string): Promise<SurveyContext> {
  if (!isWellFormedToken(token)) throw new NotFoundError("This link is no longer valid.");
  const tokenHash = hashToken(token, ctx.config.TOKEN_PEPPER);
  const [row] = await surveyOfToken(ctx.db.read, { tokenHash });
  if (!row) throw new NotFoundError("This link is no longer valid.");
  if (row.expiresAt <= ctx.clock.now()) throw new GoneError("This link has expired.");
  return { tokenId: row.tokenId, tokenHash, expiresAt: row.expiresAt, interaction: row.interaction, response: row.response ?? undefined };
}
