import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { departments, staff, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { Team, TeamInput, TeamPatch } from "../../schemas/reference";
import { findDepartment, findTeam } from "../../db/queries/lookups";
import { requireActive, requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

async function select(db: Db, where: SQL | undefined): Promise<Team[]> {
  const rows = await db
    .select({ team: teams, department: departments.code })
    .from(teams)
    .innerJoin(departments, eq(departments.id, teams.departmentId))
    .where(where)
    .orderBy(asc(teams.code));
  return rows.map(({ team, department }) => ({ code: team.code, name: team.name, department, ...lifecycle(team) }));
}

async function teamOf(db: Db, code: string): Promise<Team> {
  return requireFound((await select(db, eq(teams.code, code)))[0], "team", code);
}

export async function listTeams(ctx: Ctx, q: { includeRetired: boolean; department?: string }): Promise<Team[]> {
  const db = ctx.db.read;
  const department = q.department === undefined ? undefined : requireFound(await findDepartment(db, q.department), "department", q.department);
  return select(db, and(q.includeRetired ? undefined : isNull(teams.retiredAt), department ? eq(teams.departmentId, department.id) : undefined));
}

export function getTeam(ctx: Ctx, code: string): Promise<Team> {
  return teamOf(ctx.db.read, code);
}

/** A new team joins an active department; naming an unknown or retired one is a 422. */
export function createTeam(ctx: Ctx, input: TeamInput): Promise<Team> {
  return ctx.db.write((tx) => createTeamIn(tx, ctx, input));
}

/** createTeam inside the caller's write. */
export async function createTeamIn(tx: Db, ctx: Ctx, input: TeamInput): Promise<Team> {
  const department = requireActive(await findDepartment(tx, input.department), "department", input.department);
  await insertOrConflict("team", input.code, () =>
    tx.insert(teams).values({ code: input.code, name: input.name, departmentId: department.id, createdAt: ctx.clock.now() }),
  );
  return teamOf(tx, input.code);
}

/**
 * Renames, moves, retires or brings back a team. Past interactions keep their team, but
 * department reports group teams by their current department, so moving a team to another
 * department moves its history with it.
 * A team with active staff cannot be retired (move or retire them first), and a team cannot be
 * brought back into a retired department.
 */
export function updateTeam(ctx: Ctx, code: string, patch: TeamPatch): Promise<Team> {
  return ctx.db.write((tx) => updateTeamIn(tx, ctx, code, patch));
}

/** updateTeam inside the caller's write. */
export async function updateTeamIn(tx: Db, ctx: Ctx, code: string, patch: TeamPatch): Promise<Team> {
  const row = requireFound(await findTeam(tx, code), "team", code);
  const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
  const departmentId =
    patch.department === undefined ? row.departmentId : requireActive(await findDepartment(tx, patch.department), "department", patch.department).id;
  if (row.retiredAt === null && retiredAt !== null) {
    const active = await tx
      .select({ code: staff.code })
      .from(staff)
      .where(and(eq(staff.teamId, row.id), isNull(staff.retiredAt)))
      .orderBy(asc(staff.code));
    if (active.length > 0) {
      throw new ConflictError(`The team '${code}' still has active staff (${active.map((s) => s.code).join(", ")}); retire or move them first.`);
    }
  }
  if (row.retiredAt !== null && retiredAt === null && patch.department === undefined) {
    const [department] = await tx.select().from(departments).where(eq(departments.id, departmentId));
    if (department?.retiredAt != null) {
      throw new ConflictError(`The team's department '${department.code}' is retired; bring it back or move the team first.`);
    }
  }
  await tx
    .update(teams)
    .set({ name: patch.name ?? row.name, departmentId, retiredAt })
    .where(eq(teams.id, row.id));
  return teamOf(tx, code);
}

export function retireTeam(ctx: Ctx, code: string): Promise<Team> {
  return updateTeam(ctx, code, { retired: true });
}
