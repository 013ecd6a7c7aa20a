import { and, asc, eq, isNull, ne, type SQL } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { departments, targets, teams } from "../../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { targetValueProblem, type Measure, type Target, type TargetInput, type TargetPatch } from "../../schemas/reference";
import { findDepartment, findTeam } from "../../db/queries/lookups";
import { requireActive, requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof targets.$inferSelect;

async function select(db: Db, where: SQL | undefined): Promise<Target[]> {
  const rows = await db
    .select({ target: targets, department: departments.code, team: teams.code })
    .from(targets)
    .leftJoin(departments, eq(departments.id, targets.departmentId))
    .leftJoin(teams, eq(teams.id, targets.teamId))
    .where(where)
    .orderBy(asc(targets.code));
  return rows.map(({ target, department, team }) => ({
    code: target.code,
    measure: target.measure as Measure,
    value: target.value,
    department,
    team,
    ...lifecycle(target),
  }));
}

async function findTarget(db: Db, code: string): Promise<Row | undefined> {
  return (await db.select().from(targets).where(eq(targets.code, code)))[0];
}

async function targetOf(db: Db, code: string): Promise<Target> {
  return requireFound((await select(db, eq(targets.code, code)))[0], "target", code);
}

export async function listTargets(ctx: Ctx, q: { includeRetired: boolean; measure?: Measure; department?: string; team?: string }): Promise<Target[]> {
  const db = ctx.db.read;
  const department = q.department === undefined ? undefined : requireFound(await findDepartment(db, q.department), "department", q.department);
  const teamRow = q.team === undefined ? undefined : requireFound(await findTeam(db, q.team), "team", q.team);
  return select(
    db,
    and(
      q.includeRetired ? undefined : isNull(targets.retiredAt),
      q.measure ? eq(targets.measure, q.measure) : undefined,
      department ? eq(targets.departmentId, department.id) : undefined,
      teamRow ? eq(targets.teamId, teamRow.id) : undefined,
    ),
  );
}

export function getTarget(ctx: Ctx, code: string): Promise<Target> {
  return targetOf(ctx.db.read, code);
}

/**
 * Two active targets for the same measure and scope would leave a dashboard to guess which
 * one a score is held to, so there is at most one (whole organisation, a department, a team).
 */
async function assertScopeFree(tx: Db, t: { id?: number; measure: string; departmentId: number | null; teamId: number | null }) {
  const [clash] = await tx
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
    .limit(1);
  if (clash) throw new ConflictError(`The active target '${clash.code}' already sets ${t.measure} for this scope; retire it or change its value.`);
}

export function createTarget(ctx: Ctx, input: TargetInput): Promise<Target> {
  return ctx.db.write((tx) => createTargetIn(tx, ctx, input));
}

/** createTarget inside the caller's write (the demo data). */
export async function createTargetIn(tx: Db, ctx: Ctx, input: TargetInput): Promise<Target> {
  const departmentId = input.department === undefined ? null : requireActive(await findDepartment(tx, input.department), "department", input.department).id;
  const teamId = input.team === undefined ? null : requireActive(await findTeam(tx, input.team), "team", input.team).id;
  await assertScopeFree(tx, { measure: input.measure, departmentId, teamId });
  await insertOrConflict("target", input.code, () =>
    tx.insert(targets).values({ code: input.code, measure: input.measure, value: input.value, departmentId, teamId, createdAt: ctx.clock.now() }),
  );
  return targetOf(tx, input.code);
}

/** Changes a target's value, retires it or brings it back (if its scope is still free). */
export function updateTarget(ctx: Ctx, code: string, patch: TargetPatch): Promise<Target> {
  return ctx.db.write((tx) => updateTargetIn(tx, ctx, code, patch));
}

/** updateTarget inside the caller's write. */
export async function updateTargetIn(tx: Db, ctx: Ctx, code: string, patch: TargetPatch): Promise<Target> {
  const row = requireFound(await findTarget(tx, code), "target", code);
  const measure = row.measure as Measure;
  if (patch.value !== undefined) {
    const problem = targetValueProblem(measure, patch.value);
    if (problem) throw new ValidationError("The request json is not valid.", [{ path: "value", message: problem }]);
  }
  const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
  if (row.retiredAt !== null && retiredAt === null) {
    await assertScopeFree(tx, { id: row.id, measure, departmentId: row.departmentId, teamId: row.teamId });
    for (const [table, id, what] of [
      [departments, row.departmentId, "department"],
      [teams, row.teamId, "team"],
    ] as const) {
      if (id === null) continue;
      const [scope] = await tx.select({ code: table.code, retiredAt: table.retiredAt }).from(table).where(eq(table.id, id));
      if (!scope) throw new NotFoundError(`The target's ${what} no longer exists.`);
      if (scope.retiredAt !== null) throw new ConflictError(`The target's ${what} '${scope.code}' is retired.`);
    }
  }
  await tx
    .update(targets)
    .set({ value: patch.value ?? row.value, retiredAt })
    .where(eq(targets.id, row.id));
  return targetOf(tx, code);
}

export function retireTarget(ctx: Ctx, code: string): Promise<Target> {
  return updateTarget(ctx, code, { retired: true });
}
