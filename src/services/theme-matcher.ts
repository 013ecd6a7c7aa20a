import { asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { themes, themesVersion } from "../db/schema";
import { prepared } from "../db/sql";
import { compileThemes, type ThemeDefinition, type ThemeMatcher } from "../domain/themes";

/** One compiled matcher per database (not per connection: a transaction is a new object each time). */
const cache = new WeakMap<object, { version: number; matcher: ThemeMatcher }>();

const activeThemeRows = prepared("active_themes", (db) =>
  db.select({ id: themes.id, code: themes.code, rules: themes.rules }).from(themes).where(isNull(themes.retiredAt)).orderBy(asc(themes.id)),
);
const themesVersionOf = prepared("themes_version", (db) =>
  db
    .select({ version: themesVersion.version })
    .from(themesVersion)
    .where(eq(themesVersion.id, sql.placeholder("id"))),
);

/** The active themes with their rules (for code that compiles them elsewhere, e.g. a worker). */
export async function activeThemes(db: Db): Promise<ThemeDefinition[]> {
  return (await activeThemeRows(db)).map((r) => ({ id: r.id, code: r.code, rules: r.rules }));
}

/**
 * The compiled matcher for the active themes, compiled again only when themes_version has
 * moved: triggers count every change to the themes table, whoever made it (the API, the
 * dashboard, or the CLI in another process, or another server). Reading that one number is
 * cheap; reading every rule to compare them was a noticeable share of answering a survey.
 * (A change committed between the two reads only means one more compilation next time.)
 * `scope` is the Database the query builder belongs to: two databases in one process (tests)
 * keep their own matchers.
 */
export async function themeMatcher(db: Db, scope: object): Promise<ThemeMatcher> {
  const [row] = await themesVersionOf(db, { id: 1 });
  return themeMatcherAt(row?.version ?? null, db, scope);
}

/**
 * The themes' version as a column of another query (`themesVersionNow()` in its select), so a
 * hot path that reads a row anyway learns it in the same round trip.
 */
export function themesVersionNow() {
  return sql<number | null>`(select ${themesVersion.version} from ${themesVersion} where ${themesVersion.id} = 1)`;
}

/** themeMatcher, for a caller that has read the version already (null: no version row yet). */
export async function themeMatcherAt(versionRead: number | null, db: Db, scope: object): Promise<ThemeMatcher> {
  const version = versionRead ?? 0;
  const hit = cache.get(scope);
  if (hit && hit.version === version) return hit.matcher;
  const matcher = compileThemes(await activeThemes(db));
  cache.set(scope, { version, matcher });
  return matcher;
}
