import { z } from "zod";
import type { Ctx } from "../../deps";
import { findStaff, teamWithDepartment } from "../../db/queries/lookups";
import type { ScopeFilter } from "../../db/queries/dashboard/scope";
import { countedRange, localDate, periodStartOfDate, previousPeriodStart, PERIODS, shiftDate, type Period, type YearStart } from "../../domain/periods";
import { ForbiddenError } from "../../errors";
import { Channel, Code, IsoDate } from "../../schemas/common";
import { requireFound } from "../../domain/references";
import { filterIds } from "../../services/summary-filter";
import type { Session } from "../../services/auth/sessions";

/**
 * The filters every dashboard view shares; they are the page's URL query, so a view can be
 * bookmarked. Unknown keys are dropped rather than refused: the browser sends the whole URL
 * state to each endpoint and each one takes what it needs.
 */
export const DashboardFilters = z
  .object({
    period: z.enum(PERIODS).default("month"),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    department: Code.optional(),
    team: Code.optional(),
    service: Code.optional(),
    channel: Channel.optional(),
    theme: Code.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    path: ["to"],
    message: "at most five years at a time",
  });
export type DashboardFilters = z.infer<typeof DashboardFilters>;

/** How far back a view reaches when the URL gives no dates: a useful number of points per chart. */
const DEFAULT_PERIODS: Record<Period, number> = { week: 12, month: 12, quarter: 4, year: 3 };

/** The views over time (trends, teams, themes): the last few periods, up to today. */
export function defaultRange(today: string, period: Period, yearStart: YearStart): { from: string; to: string } {
  let start = periodStartOfDate(today, period, yearStart);
  for (let i = 1; i < DEFAULT_PERIODS[period]; i++) start = previousPeriodStart(start, period, yearStart);
  return { from: start, to: today };
}

/**
 * The Overview's: the last complete period, compared with the one before it. A period still
 * running would be compared as if it were over.
 */
export function lastCompleteRange(today: string, period: Period, yearStart: YearStart): { from: string; to: string } {
  const current = periodStartOfDate(today, period, yearStart);
  return { from: previousPeriodStart(current, period, yearStart), to: shiftDate(current, -1) };
}

/** Which default a view takes when the URL gives no dates. */
export type DefaultView = "recent" | "lastComplete";

export type Scope = ScopeFilter & { ownTeamOnly: boolean };

/**
 * Turns URL filters into ids for the queries and applies the viewer's role: a manager sees
 * only their own team, and naming another team or department is refused (403), not quietly
 * narrowed, so a shared link never shows a manager numbers that look like someone else's.
 */
export async function resolveScope(ctx: Ctx, session: Session, q: DashboardFilters, view: DefaultView = "recent"): Promise<Scope> {
  const { config, clock } = ctx;
  const db = ctx.db.read;
  const yearStart = config.FINANCIAL_YEAR_START;
  const today = localDate(clock.now(), config.TIMEZONE);
  const fallback =
    view === "lastComplete" && !q.from && !q.to ? lastCompleteRange(today, q.period, yearStart) : defaultRange(q.to ?? today, q.period, yearStart);
  const given = { from: q.from ?? fallback.from, to: q.to ?? (q.from ? (q.from > today ? q.from : today) : fallback.to) };
  // Whole periods: every figure, chart and export of the view counts exactly these dates.
  const { from, to } = countedRange(given.from, given.to, q.period, yearStart, today);
  const { departmentId, teamId, serviceId, themeId } = await filterIds(db, q);
  const scope: Scope = {
    period: q.period,
    from,
    to,
    departmentId,
    teamId,
    serviceId,
    channel: q.channel,
    themeId,
    yearStart,
    today,
    ownTeamOnly: false,
  };
  const { user } = session;
  if (user.role === "manager") {
    const own = user.teamId === null ? undefined : await teamWithDepartment(db, user.teamId);
    if (teamId !== undefined && teamId !== own?.id) throw new ForbiddenError("Managers can see their own team's figures only.");
    if (departmentId !== undefined && departmentId !== own?.departmentId) throw new ForbiddenError("Managers can see their own team's figures only.");
    scope.teamIds = own ? [own.id] : [];
    scope.ownTeamOnly = true;
  }
  return scope;
}

/** A staff member by code, checked against the viewer's scope. */
export async function resolveStaff(ctx: Ctx, scope: Scope, code: string) {
  const row = requireFound(await findStaff(ctx.db.read, code), "staff member", code);
  if (scope.teamIds && !scope.teamIds.includes(row.teamId)) throw new ForbiddenError("Managers can see their own team's figures only.");
  return row;
}

export function requireRole(session: Session, ...roles: Session["user"]["role"][]): void {
  if (!roles.includes(session.user.role)) throw new ForbiddenError("Your role cannot see this.");
}
