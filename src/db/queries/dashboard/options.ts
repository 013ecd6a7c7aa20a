import type { Db } from "../../client";
import { CHANNELS } from "../../../schemas/common";

/** The choices for the filter bar; a manager's teams are limited to their own. */
export function filterOptions(db: Db, teamIds?: readonly number[]) {
  const q = <T>(sql: string) => db.$client.prepare(sql).all() as T[];
  const allTeams = q<{ id: number; code: string; name: string; departmentCode: string }>(
    "select t.id, t.code, t.name, d.code as departmentCode from teams t join departments d on d.id = t.department_id where t.retired_at is null order by t.name",
  );
  const teams = teamIds ? allTeams.filter((t) => teamIds.includes(t.id)) : allTeams;
  const deptCodes = new Set(teams.map((t) => t.departmentCode));
  return {
    departments: q<{ code: string; name: string }>("select code, name from departments where retired_at is null order by name").filter((d) => deptCodes.has(d.code)),
    teams: teams.map(({ code, name, departmentCode }) => ({ code, name, departmentCode })),
    services: q<{ code: string; name: string }>("select code, name from services where retired_at is null order by name"),
    themes: q<{ code: string; name: string }>("select code, name from themes where retired_at is null order by name"),
    channels: [...CHANNELS],
  };
}
