import { eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { interactions, responses, surveyTokens } from "../db/schema";
import { GoneError, NotFoundError } from "../errors";
import { hashToken, isWellFormedToken } from "./tokens";

export type SurveyContext = {
  tokenId: number;
  expiresAt: number;
  interaction: typeof interactions.$inferSelect;
  response: typeof responses.$inferSelect | undefined;
};

/**
 * Finds the interaction behind a survey link. Unknown and malformed tokens are one and the
 * same NotFoundError, so nothing tells a guesser which tokens exist; expired is a GoneError.
 */
export function resolveToken(ctx: Ctx, token: string): SurveyContext {
  if (!isWellFormedToken(token)) throw new NotFoundError("This link is no longer valid.");
  const row = ctx.db
    .select({ tokenId: surveyTokens.id, expiresAt: surveyTokens.expiresAt, interaction: interactions })
    .from(surveyTokens)
    .innerJoin(interactions, eq(interactions.id, surveyTokens.interactionId))
    .where(eq(surveyTokens.tokenHash, hashToken(token, ctx.config.TOKEN_PEPPER)))
    .get();
  if (!row) throw new NotFoundError("This link is no longer valid.");
  if (row.expiresAt <= ctx.clock.now()) throw new GoneError("This link has expired.");
  const response = ctx.db.select().from(responses).where(eq(responses.interactionId, row.interaction.id)).get();
  return { ...row, response };
}
