import { sql, type SQL } from "drizzle-orm";
import { groupWhere } from "../group-where";
import type { ScopeFilter } from "./scope";

/** The day after a calendar date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * SQL conditions on `responses r` (joined to `teams t`) for the scope of a filter, for the
 * queries that read responses themselves (comments, export) rather than the rollup.
 */
export function scopeWhere(f: Partial<ScopeFilter>): SQL[] {
  const where = groupWhere(f);
  if (f.themeId !== undefined) where.push(sql`exists (select 1 from response_themes x where x.response_id = r.id and x.theme_id = ${f.themeId})`);
  return where;
}
