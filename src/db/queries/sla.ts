import { and, eq, exists, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../database";
import { departments, followUpCases, responses, responseThemes, teams } from "../schema";
import { periodStartOfDate, zonedMidnight, type Period, type YearStart } from "../../domain/periods";
import { slaReport, type SlaCase, type SlaGroupBy, type SlaReport, type SlaSettings } from "../../domain/sla";
import type { GroupScope } from "./group-where";
import { nextDay } from "./dashboard/where";

export type SlaFilter = Omit<GroupScope, "staffId"> & {
  groupBy: SlaGroupBy;
  period: Period;
  yearStart: YearStart;
  from: string;
  to: string;
  themeId?: number;
};

/**
 * The follow-up cases opened from the start of `from`'s period to the end of `to` (local days in
 * the organisation's zone), each with the columns the SLA figures need and the group it counts
 * in. One query, grouped in domain/sla.ts: cases number in the thousands, and judging one
 * needs today's date and the zone's calendar, which SQL would spell differently on each database.
 * The service, channel and theme filters are those of the response that opened the case.
 */
export async function slaCases(db: Db, f: SlaFilter, timeZone: string): Promise<SlaCase[]> {
  const group = f.groupBy === "team" ? teams : departments;
  const where: (SQL | undefined)[] = [
    gte(followUpCases.openedAt, zonedMidnight(periodStartOfDate(f.from, f.period, f.yearStart), timeZone)),
    lt(followUpCases.openedAt, zonedMidnight(nextDay(f.to), timeZone)),
  ];
  if (f.teamId !== undefined) where.push(eq(followUpCases.teamId, f.teamId));
  if (f.departmentId !== undefined) where.push(eq(teams.departmentId, f.departmentId));
  if (f.teamIds) where.push(f.teamIds.length === 0 ? sql`1 = 0` : inArray(followUpCases.teamId, [...f.teamIds]));
  // Correlated, so each case looks its response up by key rather than reading a theme's year of tags.
  const byResponse: SQL[] = [];
  if (f.serviceId !== undefined) byResponse.push(eq(responses.serviceId, f.serviceId));
  if (f.channel !== undefined) byResponse.push(eq(responses.channel, f.channel));
  if (byResponse.length > 0) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(responses)
          .where(and(eq(responses.id, followUpCases.responseId), ...byResponse)),
      ),
    );
  }
  if (f.themeId !== undefined) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(responseThemes)
          .where(and(eq(responseThemes.responseId, followUpCases.responseId), eq(responseThemes.themeId, f.themeId))),
      ),
    );
  }
  return db
    .select({
      groupId: group.id,
      groupCode: group.code,
      groupName: group.name,
      status: followUpCases.status,
      openedAt: followUpCases.openedAt,
      acknowledgeBy: followUpCases.acknowledgeBy,
      respondBy: followUpCases.respondBy,
      acknowledgedAt: followUpCases.acknowledgedAt,
      respondedAt: followUpCases.respondedAt,
      closedAt: followUpCases.closedAt,
    })
    .from(followUpCases)
    .innerJoin(teams, eq(teams.id, followUpCases.teamId))
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(and(...where));
}

/** SLA compliance for a filter: the cases from slaCases, counted by domain/sla.ts. */
export async function slaQuery(db: Db, f: SlaFilter, settings: SlaSettings): Promise<SlaReport> {
  return slaReport(await slaCases(db, f, settings.timeZone), f, settings);
}
