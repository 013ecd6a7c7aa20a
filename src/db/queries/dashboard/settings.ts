import type { Db } from "../../client";

/**
 * Everything an administrator manages, as read-only lists. Password hashes, key hashes and
 * token secrets are never selected.
 */
export function settingsQuery(db: Db) {
  const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  return {
    departments: q<{ code: string; name: string; retiredAt: number | null }>("select code, name, retired_at as retiredAt from departments order by name"),
    teams: q<{ code: string; name: string; department: string; retiredAt: number | null }>(
      "select t.code, t.name, d.name as department, t.retired_at as retiredAt from teams t join departments d on d.id = t.department_id order by t.name",
    ),
    staff: q<{ code: string; name: string; team: string; retiredAt: number | null }>(
      "select s.code, s.name, t.name as team, s.retired_at as retiredAt from staff s join teams t on t.id = s.team_id order by s.name",
    ),
    services: q<{ code: string; name: string; retiredAt: number | null }>("select code, name, retired_at as retiredAt from services order by name"),
    themes: q<{ code: string; name: string; rules: string; retiredAt: number | null }>("select code, name, rules, retired_at as retiredAt from themes order by name").map((t) => ({
      ...t,
      rules: JSON.parse(t.rules) as Record<string, string[]>,
    })),
    targets: q<{ code: string; measure: string; department: string | null; team: string | null; value: number }>(
      `select g.code, g.measure, d.name as department, t.name as team, g.value from targets g
       left join departments d on d.id = g.department_id left join teams t on t.id = g.team_id where g.retired_at is null order by g.measure`,
    ),
    users: q<{ email: string; role: string; team: string | null; lockedUntil: number | null; disabledAt: number | null }>(
      "select u.email, u.role, t.name as team, u.locked_until as lockedUntil, u.disabled_at as disabledAt from users u left join teams t on t.id = u.team_id order by u.email",
    ),
    apiKeys: q<{ name: string; prefix: string; createdAt: number; lastUsedAt: number | null; revokedAt: number | null }>(
      "select name, prefix, created_at as createdAt, last_used_at as lastUsedAt, revoked_at as revokedAt from api_keys order by created_at desc",
    ),
  };
}
export type Settings = ReturnType<typeof settingsQuery>;
