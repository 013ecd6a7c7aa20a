import { asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../client";
import { departments, services, teams, themes } from "../../schema";
import { CHANNELS } from "../../../domain/vocabulary";

/** The choices for the filter bar; a manager's teams are limited to their own. */
export async function filterOptions(db: Db, teamIds?: readonly number[]) {
  const [allTeams, allDepartments, serviceRows, themeRows] = await Promise.all([
    db
      .select({ id: teams.id, code: teams.code, name: teams.name, departmentCode: departments.code })
      .from(teams)
      .innerJoin(departments, eq(departments.id, teams.departmentId))
      .where(isNull(teams.retiredAt))
      .orderBy(asc(teams.name)),
    db.select({ code: departments.code, name: departments.name }).from(departments).where(isNull(departments.retiredAt)).orderBy(asc(departments.name)),
    db.select({ code: services.code, name: services.name }).from(services).where(isNull(services.retiredAt)).orderBy(asc(services.name)),
    db.select({ code: themes.code, name: themes.name }).from(themes).where(isNull(themes.retiredAt)).orderBy(asc(themes.name)),
  ]);
  const teamRows = teamIds ? allTeams.filter((t) => teamIds.includes(t.id)) : allTeams;
  const deptCodes = new Set(teamRows.map((t) => t.departmentCode));
  return {
    departments: allDepartments.filter((d) => deptCodes.has(d.code)),
    teams: teamRows.map(({ code, name, departmentCode }) => ({ code, name, departmentCode })),
    services: serviceRows,
    themes: themeRows,
    channels: [...CHANNELS],
  };
}
