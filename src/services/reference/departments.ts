import { and, asc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { departments, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { Department, DepartmentInput, DepartmentPatch } from "../../schemas/reference";
import { findDepartment, requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

type Row = typeof departments.$inferSelect;

const view = (row: Row): Department => ({ code: row.code, name: row.name, ...lifecycle(row) });

export function listDepartments(ctx: Ctx, q: { includeRetired: boolean }): Department[] {
  return ctx.db
    .select()
    .from(departments)
    .where(q.includeRetired ? undefined : isNull(departments.retiredAt))
    .orderBy(asc(departments.code))
    .all()
    .map(view);
}

export function getDepartment(ctx: Ctx, code: string): Department {
  return view(requireFound(findDepartment(ctx.db, code), "department", code));
}

export function createDepartment(ctx: Ctx, input: DepartmentInput): Department {
  const row = insertOrConflict("department", input.code, () =>
    ctx.db.insert(departments).values({ code: input.code, name: input.name, createdAt: ctx.clock.now() }).returning().get(),
  );
  return view(row);
}

/**
 * Renames, retires or brings back a department. A department with active teams cannot be
 * retired: its teams would go on taking interactions under a department that no longer exists.
 */
export function updateDepartment(ctx: Ctx, code: string, patch: DepartmentPatch): Department {
  return ctx.db.transaction((tx) => {
    const row = requireFound(findDepartment(ctx.db, code), "department", code);
    const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
    if (row.retiredAt === null && retiredAt !== null) {
      const active = tx
        .select({ code: teams.code })
        .from(teams)
        .where(and(eq(teams.departmentId, row.id), isNull(teams.retiredAt)))
        .orderBy(asc(teams.code))
        .all();
      if (active.length > 0) {
        throw new ConflictError(
          `The department '${code}' still has active teams (${active.map((t) => t.code).join(", ")}); retire or move them first.`,
        );
      }
    }
    const updated = tx
      .update(departments)
      .set({ name: patch.name ?? row.name, retiredAt })
      .where(eq(departments.id, row.id))
      .returning()
      .get();
    return view(updated);
  });
}

export function retireDepartment(ctx: Ctx, code: string): Department {
  return updateDepartment(ctx, code, { retired: true });
}
