import type { Db } from "../db/database";
import { findThemeId } from "../db/queries/lookups";
import type { SummaryFilter } from "../db/queries/summary";
import type { SummaryQuery } from "../schemas/report";
import { findDepartment, findService, findStaff, findTeam, requireFound } from "./lookup";

/** Turns the codes of a report query into ids; an unknown code in a filter is a 404. */
export async function resolveSummaryFilter(db: Db, q: SummaryQuery): Promise<Omit<SummaryFilter, "yearStart" | "today">> {
  const id = async <T extends { id: number }>(code: string | undefined, what: string, find: (code: string) => Promise<T | undefined>) =>
    code === undefined ? undefined : requireFound(await find(code), what, code).id;
  // One after another: with several unknown codes, the 404 always names the first.
  return {
    groupBy: q.groupBy,
    period: q.period,
    from: q.from,
    to: q.to,
    channel: q.channel,
    departmentId: await id(q.department, "department", (code) => findDepartment(db, code)),
    teamId: await id(q.team, "team", (code) => findTeam(db, code)),
    staffId: await id(q.staff, "staff member", (code) => findStaff(db, code)),
    serviceId: await id(q.service, "service", (code) => findService(db, code)),
    themeId: await id(q.theme, "theme", (code) => findThemeId(db, code)),
  };
}
