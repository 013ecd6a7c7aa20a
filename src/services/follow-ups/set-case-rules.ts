import type { Ctx } from "../../deps";
import { followUpRules } from "../../db/schema";
import type { CaseRules } from "../../domain/cases";
import { forgetCaseSettings } from "./case-settings";

/** Replaces the organisation's rules for opening cases. Cases already open keep their reasons. */
export async function setCaseRules(ctx: Ctx, rules: CaseRules, userId: number): Promise<CaseRules> {
  const now = ctx.clock.now();
  const values = { ...rules, updatedBy: userId, updatedAt: now };
  await ctx.db.write((tx) =>
    tx
      .insert(followUpRules)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: followUpRules.id, set: values }),
  );
  forgetCaseSettings(ctx);
  return rules;
}
