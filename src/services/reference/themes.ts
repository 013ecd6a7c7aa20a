import { asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { themes } from "../../db/schema";
import type { Theme, ThemeInput, ThemePatch } from "../../schemas/reference";
import { requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof themes.$inferSelect;

const view = (row: Row): Theme => ({ code: row.code, name: row.name, rules: row.rules, ...lifecycle(row) });

/** Drops languages given no rules, so a theme's stored rules are exactly what matches. */
const cleanRules = (rules: ThemeInput["rules"]): Record<string, string[]> =>
  Object.fromEntries(Object.entries(rules).filter((entry): entry is [string, string[]] => Array.isArray(entry[1])));

/** The theme with this code; `db` is `ctx.db.read`, or a write's `tx`. */
export async function findTheme(db: Db, code: string): Promise<Row | undefined> {
  return (await db.select().from(themes).where(eq(themes.code, code)))[0];
}

export async function listThemes(ctx: Ctx, q: { includeRetired: boolean }): Promise<Theme[]> {
  const rows = await ctx.db.read
    .select()
    .from(themes)
    .where(q.includeRetired ? undefined : isNull(themes.retiredAt))
    .orderBy(asc(themes.code));
  return rows.map(view);
}

export async function getTheme(ctx: Ctx, code: string): Promise<Theme> {
  return view(requireFound(await findTheme(ctx.db.read, code), "theme", code));
}

export function createTheme(ctx: Ctx, input: ThemeInput): Promise<Theme> {
  return ctx.db.write((tx) => createThemeIn(tx, ctx, input));
}

/** createTheme inside the caller's write. */
export async function createThemeIn(tx: Db, ctx: Ctx, input: ThemeInput): Promise<Theme> {
  const [row] = await insertOrConflict("theme", input.code, () =>
    tx
      .insert(themes)
      .values({ code: input.code, name: input.name, rules: cleanRules(input.rules), createdAt: ctx.clock.now() })
      .returning(),
  );
  return view(row!);
}

/**
 * Renames a theme, replaces its rules (all languages at once), retires or brings it back.
 * Rules apply to comments recorded from then on; comments already tagged keep their tags, so a
 * report does not change under a director's feet when an administrator edits a word list.
 */
export function updateTheme(ctx: Ctx, code: string, patch: ThemePatch): Promise<Theme> {
  return ctx.db.write((tx) => updateThemeIn(tx, ctx, code, patch));
}

/** updateTheme inside the caller's write. */
export async function updateThemeIn(tx: Db, ctx: Ctx, code: string, patch: ThemePatch): Promise<Theme> {
  const row = requireFound(await findTheme(tx, code), "theme", code);
  const [updated] = await tx
    .update(themes)
    .set({
      name: patch.name ?? row.name,
      rules: patch.rules === undefined ? row.rules : cleanRules(patch.rules),
      retiredAt: nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now()),
    })
    .where(eq(themes.id, row.id))
    .returning();
  return view(updated!);
}

export function retireTheme(ctx: Ctx, code: string): Promise<Theme> {
  return updateTheme(ctx, code, { retired: true });
}
