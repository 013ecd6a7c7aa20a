import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { departments, staff, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { Team, TeamInput, TeamPatch } from "../../schemas/reference";
import { findDepartment, findTeam, requireActive, requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

function select(ctx: Ctx, where: SQL | undefined): Team[] {
  return ctx.db
    .select({ team: teams, department: departments.code })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(where)
    .orderBy(asc(teams.code))
    .all()
    .map(({ team, department }) => ({ code: team.code, name: team.name, department, ...lifecycle(team) }));
}

export function listTeams(ctx: Ctx, q: { includeRetired: boolean; department?: string }): Team[] {
  const department = q.department === undefined ? undefined : requireFound(findDepartment(ctx.db, q.department), "department", q.department);
  return select(
    ctx,
    and(q.includeRetired ? undefined : isNull(teams.retiredAt), department ? eq(teams.departmentId, department.id) : undefined),
  );
}

export function getTeam(ctx: Ctx, code: string): Team {
  requireFound(findTeam(ctx.db, code), "team", code);
  return select(ctx, eq(teams.code, code))[0]!;
}

/** A new team joins an active department; naming an unknown or retired one is a 422. */
export function createTeam(ctx: Ctx, input: TeamInput): Team {
  const department = requireActive(findDepartment(ctx.db, input.department), "department", input.department);
  insertOrConflict("team", input.code, () =>
    ctx.db
      .insert(teams)
      .values({ code: input.code, name: input.name, departmentId: department.id, createdAt: ctx.clock.now() })
      .run(),
  );
  return getTeam(ctx, input.code);
}

/**
 * Renames, moves, retires or brings back a team. Past interactions keep their team, but
 * department reports group teams by their current department, so moving a team to another
 * department moves its history with it.
 * A team with active staff cannot be retired (move or retire them first), and a team cannot be
 * brought back into a retired department.
 */
export function updateTeam(ctx: Ctx, code: string, patch: TeamPatch): Team {
  ctx.db.transaction((tx) => {
    const row = requireFound(findTeam(ctx.db, code), "team", code);
    const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
    const departmentId =
      patch.department === undefined
        ? row.departmentId
        : requireActive(findDepartment(ctx.db, patch.department), "department", patch.department).id;
    if (row.retiredAt === null && retiredAt !== null) {
      const active = tx
        .select({ code: staff.code })
        .from(staff)
        .where(and(eq(staff.teamId, row.id), isNull(staff.retiredAt)))
        .orderBy(asc(staff.code))
        .all();
      if (active.length > 0) {
        throw new ConflictError(
          `The team '${code}' still has active staff (${active.map((s) => s.code).join(", ")}); retire or move them first.`,
        );
      }
    }
    if (row.retiredAt !== null && retiredAt === null && patch.department === undefined) {
      const department = tx.select().from(departments).where(eq(departments.id, departmentId)).get();
      if (department?.retiredAt != null) {
        throw new ConflictError(`The team's department '${department.code}' is retired; bring it back or move the team first.`);
      }
    }
    tx.update(teams)
      .set({ name: patch.name ?? row.name, departmentId, retiredAt })
      .where(eq(teams.id, row.id))
      .run();
  });
  return getTeam(ctx, code);
}

export function retireTeam(ctx: Ctx, code: string): Team {
  return updateTeam(ctx, code, { retired: true });
}
