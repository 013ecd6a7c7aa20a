import { z } from "zod";
import type { Ctx } from "../../deps";
import { findThemeId, teamWithDepartment } from "../../db/queries/lookups";
import type { ScopeFilter } from "../../db/queries/dashboard/overview";
import { localDate, periodStartOfDate, previousPeriodStart, type Period } from "../../domain/periods";
import { ForbiddenError } from "../../errors";
import { Channel, Code, IsoDate } from "../../schemas/common";
import { findDepartment, findService, findStaff, findTeam, requireFound } from "../../services/lookup";
import type { Session } from "../../services/auth/sessions";

/**
 * The filters every dashboard view shares; they are the page's URL query, so a view can be
 * bookmarked. Unknown keys are dropped rather than refused: the browser sends the whole URL
 * state to each endpoint and each one takes what it needs.
 */
export const DashboardFilters = z
  .object({
    period: z.enum(["week", "month", "quarter"]).default("month"),
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
const DEFAULT_PERIODS: Record<Period, number> = { week: 12, month: 12, quarter: 4 };

export function defaultRange(today: string, period: Period): { from: string; to: string } {
  let start = periodStartOfDate(today, period);
  for (let i = 1; i < DEFAULT_PERIODS[period]; i++) start = previousPeriodStart(start, period);
  return { from: start, to: today };
}

export type Scope = ScopeFilter & { ownTeamOnly: boolean };

/**
 * Turns URL filters into ids for the queries and applies the viewer's role: a manager sees
 * only their own team, and naming another team or department is refused (403), not quietly
 * narrowed, so a shared link never shows a manager numbers that look like someone else's.
 */
export async function resolveScope(ctx: Ctx, session: Session, q: DashboardFilters): Promise<Scope> {
  const { config, clock } = ctx;
  const db = ctx.db.read;
  const today = localDate(clock.now(), config.TIMEZONE);
  const range = defaultRange(q.to ?? today, q.period);
  const from = q.from ?? range.from;
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const department = q.department ? requireFound(await findDepartment(db, q.department), "department", q.department) : undefined;
  const team = q.team ? requireFound(await findTeam(db, q.team), "team", q.team) : undefined;
  const service = q.service ? requireFound(await findService(db, q.service), "service", q.service) : undefined;
  const theme = q.theme ? requireFound(await findThemeId(db, q.theme), "theme", q.theme) : undefined;
  const scope: Scope = {
    period: q.period,
    from,
    to,
    departmentId: department?.id,
    teamId: team?.id,
    serviceId: service?.id,
    channel: q.channel,
    themeId: theme?.id,
    ownTeamOnly: false,
  };
  const { user } = session;
  if (user.role === "manager") {
    const own = user.teamId === null ? undefined : await teamWithDepartment(db, user.teamId);
    if (team && team.id !== own?.id) throw new ForbiddenError("Managers can see their own team's figures only.");
    if (department && department.id !== own?.departmentId) throw new ForbiddenError("Managers can see their own team's figures only.");
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
