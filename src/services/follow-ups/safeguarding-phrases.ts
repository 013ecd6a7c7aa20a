import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { safeguardingPhrases } from "../../db/schema";
import { normalisePhrase, type SafeguardingCategory } from "../../domain/safeguarding";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { forgetCaseSettings } from "./case-settings";

export type PhraseInput = { category: SafeguardingCategory; language: string; phrase: string };

export async function listSafeguardingPhrases(ctx: Ctx) {
  const found = await ctx.db.read.select().from(safeguardingPhrases).orderBy(asc(safeguardingPhrases.language), asc(safeguardingPhrases.phrase));
  return found.map((p) => ({ id: p.id, category: p.category, language: p.language, phrase: p.phrase, createdAt: new Date(p.createdAt).toISOString() }));
}

/** Adds a phrase to the built-in safeguarding rules; every answer from now on is matched against it. */
export async function addSafeguardingPhrase(ctx: Ctx, input: PhraseInput, userId: number) {
  const normal = normalisePhrase(input.phrase);
  if (!normal.ok) throw new ValidationError("This phrase cannot be matched.", [{ path: "phrase", message: normal.message }]);
  const now = ctx.clock.now();
  const [added] = await ctx.db.write((tx) =>
    tx
      .insert(safeguardingPhrases)
      .values({ category: input.category, language: input.language, phrase: normal.phrase, createdBy: userId, createdAt: now })
      .onConflictDoNothing()
      .returning(),
  );
  if (!added) throw new ConflictError(`"${normal.phrase}" is already a safeguarding phrase in this language.`);
  forgetCaseSettings(ctx);
  return { id: added.id, category: added.category, language: added.language, phrase: added.phrase, createdAt: new Date(added.createdAt).toISOString() };
}

export async function removeSafeguardingPhrase(ctx: Ctx, id: number): Promise<void> {
  const removed = await ctx.db.write((tx) => tx.delete(safeguardingPhrases).where(eq(safeguardingPhrases.id, id)).returning({ id: safeguardingPhrases.id }));
  if (removed.length === 0) throw new NotFoundError(`No safeguarding phrase ${id}.`);
  forgetCaseSettings(ctx);
}
