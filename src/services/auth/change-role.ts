import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { users } from "../../db/schema";
import { ConflictError, NotFoundError } from "../../errors";
import { findDepartment, findTeam } from "../../db/queries/lookups";
import { requireActive } from "../../domain/references";
import { requireRoleTeamAgree, type Role } from "../users";

/**
 * Changes what a user may see: their role, for a manager their team, and for a director the
 * department whose overdue cases escalate to them. Takes effect on their
 * next request (sessions read the role from the user each time). Nobody changes their own
 * role, so the administrator making the change always remains one.
 */
export async function changeUserRole(ctx: Ctx, input: { userId: number; role: Role; team?: string; department?: string; actingUserId: number }) {
  if (input.userId === input.actingUserId) throw new ConflictError("You cannot change your own role.");
  requireRoleTeamAgree(input.role, input.team, input.department);
  return ctx.db.write(async (tx) => {
    const team = input.team === undefined ? null : requireActive(await findTeam(tx, input.team), "team", input.team);
    const department = input.department === undefined ? null : requireActive(await findDepartment(tx, input.department), "department", input.department);
    const [row] = await tx
      .update(users)
      .set({ role: input.role, teamId: team?.id ?? null, departmentId: department?.id ?? null })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email });
    if (!row) throw new NotFoundError(`No user with id ${input.userId}.`);
    return { id: row.id, email: row.email, role: input.role, team: input.team ?? null, department: input.department ?? null };
  });
}
