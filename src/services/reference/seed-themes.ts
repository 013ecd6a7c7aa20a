import type { Ctx } from "../../deps";
import { themes } from "../../db/schema";
import { DEFAULT_THEMES } from "../../domain/default-themes";

/**
 * Inserts the default feedback themes that are not there yet, by code, and returns the codes
 * it added. Idempotent: a theme an administrator has edited or retired is left exactly as it is.
 */
export function seedDefaultThemes(ctx: Ctx): string[] {
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    DEFAULT_THEMES.flatMap((theme) => {
      const added = tx
        .insert(themes)
        .values({ code: theme.code, name: theme.name, rules: theme.rules, createdAt: now })
        .onConflictDoNothing({ target: themes.code })
        .returning({ code: themes.code })
        .all();
      return added.map((r) => r.code);
    }),
  );
}
