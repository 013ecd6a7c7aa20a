import type Database from "better-sqlite3";
import type { Db } from "../db/client";
import { prepared } from "../db/prepared";
import { compileThemes, type ThemeDefinition, type ThemeMatcher } from "../domain/themes";

const cache = new WeakMap<Database.Database, { signature: string; matcher: ThemeMatcher }>();

/**
 * The compiled matcher for the active themes. Compiling the rules to regular expressions is
 * the costly part, so it is done again only when the rules read from the table differ from
 * last time (whoever changed them: the API, the dashboard, or the CLI in another process).
 */
type ThemeRow = { id: number; code: string; rules: string };
const activeRows = (db: Db) => prepared(db.$client, "select id, code, rules from themes where retired_at is null order by id").all() as ThemeRow[];
const definitions = (rows: ThemeRow[]): ThemeDefinition[] => rows.map((r) => ({ id: r.id, code: r.code, rules: JSON.parse(r.rules) as Record<string, string[]> }));

/** The active themes with their rules (for code that compiles them elsewhere, e.g. a worker). */
export function activeThemes(db: Db): ThemeDefinition[] {
  return definitions(activeRows(db));
}

export function themeMatcher(db: Db): ThemeMatcher {
  const rows = activeRows(db);
  const signature = rows.map((r) => `${r.id}\u0000${r.code}\u0000${r.rules}`).join("\u0001");
  const hit = cache.get(db.$client);
  if (hit && hit.signature === signature) return hit.matcher;
  const matcher = compileThemes(definitions(rows));
  cache.set(db.$client, { signature, matcher });
  return matcher;
}
