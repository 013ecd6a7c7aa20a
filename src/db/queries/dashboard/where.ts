import type { ScopeFilter } from "./overview";

/** The day after a calendar date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * SQL conditions on `responses r` (joined to `teams t`) for the scope of a filter, for the
 * queries that read responses themselves (comments, export) rather than the rollup.
 */
export function scopeWhere(f: Partial<ScopeFilter>): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.departmentId !== undefined) (where.push("t.department_id = ?"), params.push(f.departmentId));
  if (f.teamId !== undefined) (where.push("r.team_id = ?"), params.push(f.teamId));
  if (f.staffId !== undefined) (where.push("r.staff_id = ?"), params.push(f.staffId));
  if (f.serviceId !== undefined) (where.push("r.service_id = ?"), params.push(f.serviceId));
  if (f.channel !== undefined) (where.push("r.channel = ?"), params.push(f.channel));
  if (f.teamIds) where.push(`r.team_id in (${f.teamIds.map(Number).join(",") || "null"})`);
  if (f.themeId !== undefined) (where.push("exists (select 1 from response_themes x where x.response_id = r.id and x.theme_id = ?)"), params.push(f.themeId));
  return { sql: where.join(" and "), params };
}
