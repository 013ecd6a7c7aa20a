import type { Db } from "../../client";

/**
 * Everything an administrator manages, retired things included (so they can be brought back),
 * with the codes the edit forms send back. Password hashes, key hashes and token secrets are
 * never selected.
 */
export function settingsQuery(db: Db) {
  const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  return {
    departments: q<{ code: string; name: string; retiredAt: number | null }>("select code, name, retired_at as retiredAt from departments order by name"),
    teams: q<{ code: string; name: string; department: string; departmentName: string; retiredAt: number | null }>(
      `select t.code, t.name, d.code as department, d.name as departmentName, t.retired_at as retiredAt
       from teams t join departments d on d.id = t.department_id order by t.name`,
    ),
    staff: q<{ code: string; name: string; email: string | null; team: string; teamName: string; retiredAt: number | null }>(
      `select s.code, s.name, s.email, t.code as team, t.name as teamName, s.retired_at as retiredAt
       from staff s join teams t on t.id = s.team_id order by s.name`,
    ),
    services: q<{ code: string; name: string; retiredAt: number | null }>("select code, name, retired_at as retiredAt from services order by name"),
    themes: q<{ code: string; name: string; rules: string; retiredAt: number | null }>("select code, name, rules, retired_at as retiredAt from themes order by name").map((t) => ({
      ...t,
      rules: JSON.parse(t.rules) as Record<string, string[]>,
    })),
    targets: q<{ code: string; measure: string; department: string | null; departmentName: string | null; team: string | null; teamName: string | null; value: number; retiredAt: number | null }>(
      `select g.code, g.measure, d.code as department, d.name as departmentName, t.code as team, t.name as teamName, g.value, g.retired_at as retiredAt
       from targets g left join departments d on d.id = g.department_id left join teams t on t.id = g.team_id
       order by g.retired_at is not null, g.measure, g.code`,
    ),
    users: q<{ id: number; email: string; role: string; team: string | null; teamName: string | null; lockedUntil: number | null; disabledAt: number | null }>(
      `select u.id, u.email, u.role, t.code as team, t.name as teamName, u.locked_until as lockedUntil, u.disabled_at as disabledAt
       from users u left join teams t on t.id = u.team_id order by u.email`,
    ),
    apiKeys: q<{ id: number; name: string; prefix: string; createdAt: number; lastUsedAt: number | null; revokedAt: number | null }>(
      "select id, name, prefix, created_at as createdAt, last_used_at as lastUsedAt, revoked_at as revokedAt from api_keys order by created_at desc, id desc",
    ),
  };
}
export type Settings = ReturnType<typeof settingsQuery>;
