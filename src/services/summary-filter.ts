import type { Db } from "../db/client";
import type { SummaryFilter } from "../db/queries/summary";
import type { SummaryQuery } from "../schemas/report";
import { findDepartment, findService, findStaff, findTeam, requireFound } from "./lookup";
import { eq } from "drizzle-orm";
import { themes } from "../db/schema";

/** Turns the codes of a report query into ids; an unknown code in a filter is a 404. */
export function resolveSummaryFilter(db: Db, q: SummaryQuery): SummaryFilter {
  const id = <T extends { id: number }>(row: T | undefined, what: string, code: string | undefined) =>
    code === undefined ? undefined : requireFound(row, what, code).id;
  return {
    groupBy: q.groupBy,
    period: q.period,
    from: q.from,
    to: q.to,
    channel: q.channel,
    departmentId: id(q.department ? findDepartment(db, q.department) : undefined, "department", q.department),
    teamId: id(q.team ? findTeam(db, q.team) : undefined, "team", q.team),
    staffId: id(q.staff ? findStaff(db, q.staff) : undefined, "staff member", q.staff),
    serviceId: id(q.service ? findService(db, q.service) : undefined, "service", q.service),
    themeId: id(q.theme ? db.select().from(themes).where(eq(themes.code, q.theme)).get() : undefined, "theme", q.theme),
  };
}
