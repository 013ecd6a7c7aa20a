import { and, asc, eq, isNull, ne, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Ctx } from "../../deps";
import { departments, targets, teams } from "../../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { targetValueProblem, type Measure, type Target, type TargetInput, type TargetPatch } from "../../schemas/reference";
import { findDepartment, findTeam, requireActive, requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof targets.$inferSelect;

const dept = alias(departments, "target_department");
const team = alias(teams, "target_team");

function select(ctx: Ctx, where: SQL | undefined): Target[] {
  return ctx.db
    .select({ target: targets, department: dept.code, team: team.code })
    .from(targets)
    .leftJoin(dept, eq(dept.id, targets.departmentId))
    .leftJoin(team, eq(team.id, targets.teamId))
    .where(where)
    .orderBy(asc(targets.code))
    .all()
    .map(({ target, department, team }) => ({
      code: target.code,
      measure: target.measure as Measure,
      value: target.value,
      department,
      team,
      ...lifecycle(target),
    }));
}

function findTarget(ctx: Ctx, code: string): Row | undefined {
  return ctx.db.select().from(targets).where(eq(targets.code, code)).get();
}

export function listTargets(
  ctx: Ctx,
  q: { includeRetired: boolean; measure?: Measure; department?: string; team?: string },
): Target[] {
  const department = q.department === undefined ? undefined : requireFound(findDepartment(ctx.db, q.department), "department", q.department);
  const teamRow = q.team === undefined ? undefined : requireFound(findTeam(ctx.db, q.team), "team", q.team);
  return select(
    ctx,
    and(
      q.includeRetired ? undefined : isNull(targets.retiredAt),
      q.measure ? eq(targets.measure, q.measure) : undefined,
      department ? eq(targets.departmentId, department.id) : undefined,
      teamRow ? eq(targets.teamId, teamRow.id) : undefined,
    ),
  );
}

export function getTarget(ctx: Ctx, code: string): Target {
  requireFound(findTarget(ctx, code), "target", code);
  return select(ctx, eq(targets.code, code))[0]!;
}

/**
 * Two active targets for the same measure and scope would leave a dashboard to guess which
 * one a score is held to, so there is at most one (whole organisation, a department, a team).
 */
function assertScopeFree(ctx: Ctx, t: { id?: number; measure: string; departmentId: number | null; teamId: number | null }) {
  const clash = ctx.db
    .select({ code: targets.code })
    .from(targets)
    .where(
      and(
        eq(targets.measure, t.measure),
        isNull(targets.retiredAt),
        t.departmentId === null ? isNull(targets.departmentId) : eq(targets.departmentId, t.departmentId),
        t.teamId === null ? isNull(targets.teamId) : eq(targets.teamId, t.teamId),
        t.id === undefined ? undefined : ne(targets.id, t.id),
      ),
    )
    .get();
  if (clash) throw new ConflictError(`The active target '${clash.code}' already sets ${t.measure} for this scope; retire it or change its value.`);
}

export function createTarget(ctx: Ctx, input: TargetInput): Target {
  ctx.db.transaction(() => {
    const departmentId =
      input.department === undefined ? null : requireActive(findDepartment(ctx.db, input.department), "department", input.department).id;
    const teamId = input.team === undefined ? null : requireActive(findTeam(ctx.db, input.team), "team", input.team).id;
    assertScopeFree(ctx, { measure: input.measure, departmentId, teamId });
    insertOrConflict("target", input.code, () =>
      ctx.db
        .insert(targets)
        .values({ code: input.code, measure: input.measure, value: input.value, departmentId, teamId, createdAt: ctx.clock.now() })
        .run(),
    );
  });
  return getTarget(ctx, input.code);
}

/** Changes a target's value, retires it or brings it back (if its scope is still free). */
export function updateTarget(ctx: Ctx, code: string, patch: TargetPatch): Target {
  ctx.db.transaction(() => {
    const row = requireFound(findTarget(ctx, code), "target", code);
    const measure = row.measure as Measure;
    if (patch.value !== undefined) {
      const problem = targetValueProblem(measure, patch.value);
      if (problem) throw new ValidationError("The request json is not valid.", [{ path: "value", message: problem }]);
    }
    const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
    if (row.retiredAt !== null && retiredAt === null) {
      assertScopeFree(ctx, { id: row.id, measure, departmentId: row.departmentId, teamId: row.teamId });
      for (const [table, id, what] of [
        [departments, row.departmentId, "department"],
        [teams, row.teamId, "team"],
      ] as const) {
        if (id === null) continue;
        const scope = ctx.db.select().from(table).where(eq(table.id, id)).get();
        if (!scope) throw new NotFoundError(`The target's ${what} no longer exists.`);
        if (scope.retiredAt !== null) throw new ConflictError(`The target's ${what} '${scope.code}' is retired.`);
      }
    }
    ctx.db
      .update(targets)
      .set({ value: patch.value ?? row.value, retiredAt })
      .where(eq(targets.id, row.id))
      .run();
  });
  return getTarget(ctx, code);
}

export function retireTarget(ctx: Ctx, code: string): Target {
  return updateTarget(ctx, code, { retired: true });
}
