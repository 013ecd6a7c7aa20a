import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { departments, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { Department, DepartmentInput, DepartmentPatch } from "../../schemas/reference";
import { findDepartment } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof departments.$inferSelect;

const view = (row: Row): Department => ({ code: row.code, name: row.name, ...lifecycle(row) });

export async function listDepartments(ctx: Ctx, q: { includeRetired: boolean }): Promise<Department[]> {
  const rows = await ctx.db.read
    .select()
    .from(departments)
    .where(q.includeRetired ? undefined : isNull(departments.retiredAt))
    .orderBy(asc(departments.code));
  return rows.map(view);
}

export async function getDepartment(ctx: Ctx, code: string): Promise<Department> {
  return view(requireFound(await findDepartment(ctx.db.read, code), "department", code));
}

export function createDepartment(ctx: Ctx, input: DepartmentInput): Promise<Department> {
  return ctx.db.write((tx) => createDepartmentIn(tx, ctx, input));
}

/** createDepartment inside the caller's write. */
export async function createDepartmentIn(tx: Db, ctx: Ctx, input: DepartmentInput): Promise<Department> {
  const [row] = await insertOrConflict("department", input.code, () =>
    tx.insert(departments).values({ code: input.code, name: input.name, createdAt: ctx.clock.now() }).returning(),
  );
  return view(row!);
}

/**
 * Renames, retires or brings back a department. A department with active teams cannot be
 * retired: its teams would go on taking interactions under a department that no longer exists.
 */
export function updateDepartment(ctx: Ctx, code: string, patch: DepartmentPatch): Promise<Department> {
  return ctx.db.write((tx) => updateDepartmentIn(tx, ctx, code, patch));
}

/** updateDepartment inside the caller's write. */
export async function updateDepartmentIn(tx: Db, ctx: Ctx, code: string, patch: DepartmentPatch): Promise<Department> {
  const row = requireFound(await findDepartment(tx, code), "department", code);
  const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
  if (row.retiredAt === null && retiredAt !== null) {
    const active = await tx
      .select({ code: teams.code })
      .from(teams)
      .where(and(eq(teams.departmentId, row.id), isNull(teams.retiredAt)))
      .orderBy(asc(teams.code));
    if (active.length > 0) {
      throw new ConflictError(`The department '${code}' still has active teams (${active.map((t) => t.code).join(", ")}); retire or move them first.`);
    }
  }
  const [updated] = await tx
    .update(departments)
    .set({ name: patch.name ?? row.name, retiredAt })
    .where(eq(departments.id, row.id))
    .returning();
  return view(updated!);
}

export function retireDepartment(ctx: Ctx, code: string): Promise<Department> {
  return updateDepartment(ctx, code, { retired: true });
}
