import type { Db } from "../db/database";
import { findDepartment, findService, findStaff, findTeam, findThemeId } from "../db/queries/lookups";
import type { SummaryFilter } from "../db/queries/summary";
import type { SummaryQuery } from "../schemas/report";
import { requireFound } from "../domain/references";

export type FilterCodes = { department?: string; team?: string; staff?: string; service?: string; theme?: string };
export type FilterIds = { departmentId?: number; teamId?: number; staffId?: number; serviceId?: number; themeId?: number };

/**
 * The one place a report's filter codes become ids, for the API's reports and the dashboard's
 * views alike; an unknown code is a 404. One after another: with several unknown codes, the
 * 404 always names the first.
 */
export async function filterIds(db: Db, q: FilterCodes): Promise<FilterIds> {
  const id = async <T extends { id: number }>(code: string | undefined, what: string, find: (code: string) => Promise<T | undefined>) =>
    code === undefined ? undefined : requireFound(await find(code), what, code).id;
  return {
    departmentId: await id(q.department, "department", (code) => findDepartment(db, code)),
    teamId: await id(q.team, "team", (code) => findTeam(db, code)),
    staffId: await id(q.staff, "staff member", (code) => findStaff(db, code)),
    serviceId: await id(q.service, "service", (code) => findService(db, code)),
    themeId: await id(q.theme, "theme", (code) => findThemeId(db, code)),
  };
}

/** The API's report query with its codes turned into ids. */
export async function resolveSummaryFilter(db: Db, q: SummaryQuery): Promise<Omit<SummaryFilter, "yearStart" | "today">> {
  return { groupBy: q.groupBy, period: q.period, from: q.from, to: q.to, channel: q.channel, ...(await filterIds(db, q)) };
}
