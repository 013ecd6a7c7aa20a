import type Database from "better-sqlite3";
import type { Db } from "../db/client";
import { prepared } from "../db/prepared";
import { compileThemes, type ThemeDefinition, type ThemeMatcher } from "../domain/themes";

const cache = new WeakMap<Database.Database, { version: number; matcher: ThemeMatcher }>();

/** The active themes with their rules (for code that compiles them elsewhere, e.g. a worker). */
export function activeThemes(db: Db): ThemeDefinition[] {
  const rows = prepared(db.$client, "select id, code, rules from themes where retired_at is null order by id").all() as { id: number; code: string; rules: string }[];
  return rows.map((r) => ({ id: r.id, code: r.code, rules: JSON.parse(r.rules) as Record<string, string[]> }));
}

/**
 * The compiled matcher for the active themes, compiled again only when themes_version has
 * moved: triggers count every change to the themes table, whoever made it (the API, the
 * dashboard, or the CLI in another process). Reading that one number costs a microsecond;
 * reading every rule to compare them was 7% of the time of answering a survey. (A change
 * committed between the two reads only means one more compilation next time.)
 */
export function themeMatcher(db: Db): ThemeMatcher {
  const version = prepared(db.$client, "select version from themes_version where id = 1").pluck().get() as number;
  const hit = cache.get(db.$client);
  if (hit && hit.version === version) return hit.matcher;
  const matcher = compileThemes(activeThemes(db));
  cache.set(db.$client, { version, matcher });
  return matcher;
}
