import { asc, eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Database, Db } from "../../db/database";
import { followUpRules, safeguardingPhrases } from "../../db/schema";
import { DEFAULT_CASE_RULES, type CaseRules } from "../../domain/cases";
import { safeguardingMatcher, type SafeguardingCategory, type SafeguardingMatch } from "../../domain/safeguarding";

export type CaseSettings = {
  rules: CaseRules;
  /** The built-in safeguarding rules plus the administrators' phrases. */
  safeguarding: (text: string) => SafeguardingMatch[];
};

/**
 * How long a server keeps the rules and phrases it read. Every answer needs them, and they
 * change a few times a year: reading them per answer would add a round trip to the hottest
 * path on PostgreSQL. A change made on this server applies at once (forgetCaseSettings); one
 * made on another server of the same database applies here within this time.
 */
const KEEP_MS = 30_000;

const cache = new WeakMap<Database, { settings: CaseSettings; readAt: number }>();

/** The organisation's case rules and safeguarding matcher, read through the caller's write or read. */
export async function caseSettingsIn(db: Db, ctx: Pick<Ctx, "db">): Promise<CaseSettings> {
  const held = cache.get(ctx.db);
  if (held && performance.now() - held.readAt < KEEP_MS) return held.settings;
  const settings = await readCaseSettings(db);
  cache.set(ctx.db, { settings, readAt: performance.now() });
  return settings;
}

/** After a change to the rules or phrases: the next answer reads them again. */
export function forgetCaseSettings(ctx: Pick<Ctx, "db">): void {
  cache.delete(ctx.db);
}

export async function readCaseRules(db: Db): Promise<CaseRules> {
  const [row] = await db.select().from(followUpRules).where(eq(followUpRules.id, 1));
  if (!row) return DEFAULT_CASE_RULES;
  return {
    csatAtMost: row.csatAtMost,
    csiAtMost: row.csiAtMost,
    notResolvedCsatAtMost: row.notResolvedCsatAtMost,
    onContactRequest: row.onContactRequest,
  };
}

async function readCaseSettings(db: Db): Promise<CaseSettings> {
  const rules = await readCaseRules(db);
  const phrases = await db
    .select({ category: safeguardingPhrases.category, language: safeguardingPhrases.language, phrase: safeguardingPhrases.phrase })
    .from(safeguardingPhrases)
    .orderBy(asc(safeguardingPhrases.id));
  return { rules, safeguarding: safeguardingMatcher(phrases.map((p) => ({ ...p, category: p.category as SafeguardingCategory }))) };
}
