import { asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { themes } from "../../db/schema";
import type { Theme, ThemeInput, ThemePatch } from "../../schemas/reference";
import { requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof themes.$inferSelect;

const view = (row: Row): Theme => ({ code: row.code, name: row.name, rules: row.rules, ...lifecycle(row) });

/** Drops languages given no rules, so a theme's stored rules are exactly what matches. */
const cleanRules = (rules: ThemeInput["rules"]): Record<string, string[]> =>
  Object.fromEntries(Object.entries(rules).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])));

export function findTheme(ctx: Ctx, code: string): Row | undefined {
  return ctx.db.select().from(themes).where(eq(themes.code, code)).get();
}

export function listThemes(ctx: Ctx, q: { includeRetired: boolean }): Theme[] {
  return ctx.db
    .select()
    .from(themes)
    .where(q.includeRetired ? undefined : isNull(themes.retiredAt))
    .orderBy(asc(themes.code))
    .all()
    .map(view);
}

export function getTheme(ctx: Ctx, code: string): Theme {
  return view(requireFound(findTheme(ctx, code), "theme", code));
}

export function createTheme(ctx: Ctx, input: ThemeInput): Theme {
  const row = insertOrConflict("theme", input.code, () =>
    ctx.db
      .insert(themes)
      .values({ code: input.code, name: input.name, rules: cleanRules(input.rules), createdAt: ctx.clock.now() })
      .returning()
      .get(),
  );
  return view(row);
}

/**
 * Renames a theme, replaces its rules (all languages at once), retires or brings it back.
 * Rules apply to comments recorded from then on; comments already tagged keep their tags, so a
 * report does not change under a director's feet when an administrator edits a word list.
 */
export function updateTheme(ctx: Ctx, code: string, patch: ThemePatch): Theme {
  const row = requireFound(findTheme(ctx, code), "theme", code);
  const updated = ctx.db
    .update(themes)
    .set({
      name: patch.name ?? row.name,
      rules: patch.rules === undefined ? row.rules : cleanRules(patch.rules),
      retiredAt: nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now()),
    })
    .where(eq(themes.id, row.id))
    .returning()
    .get();
  return view(updated);
}

export function retireTheme(ctx: Ctx, code: string): Theme {
  return updateTheme(ctx, code, { retired: true });
}
