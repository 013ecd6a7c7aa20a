import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { themes } from "../../db/schema";
import { DEFAULT_THEMES } from "../../domain/default-themes";

/**
 * Inserts the default feedback themes that are not there yet, by code, and returns the codes
 * it added. Idempotent: a theme an administrator has edited or retired is left exactly as it is.
 */
export function seedDefaultThemes(ctx: Ctx): Promise<string[]> {
  return ctx.db.write((tx) => seedDefaultThemesIn(tx, ctx));
}

/** seedDefaultThemes inside the caller's write (the demo data). */
export async function seedDefaultThemesIn(tx: Db, ctx: Ctx): Promise<string[]> {
  const now = ctx.clock.now();
  const added: string[] = [];
  // One theme at a time, so the codes come back in DEFAULT_THEMES' order.
  for (const theme of DEFAULT_THEMES) {
    const rows = await tx
      .insert(themes)
      .values({ code: theme.code, name: theme.name, rules: theme.rules, createdAt: now })
      .onConflictDoNothing({ target: themes.code })
      .returning({ code: themes.code });
    added.push(...rows.map((r) => r.code));
  }
  return added;
}
