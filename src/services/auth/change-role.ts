import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { users } from "../../db/schema";
import { ConflictError, NotFoundError } from "../../errors";
import { findTeam, requireActive } from "../lookup";
import { requireRoleTeamAgree, type Role } from "../users";

/**
 * Changes what a user may see: their role, and for a manager their team. Takes effect on their
 * next request (sessions read the role from the user each time). Nobody changes their own
 * role, so the administrator making the change always remains one.
 */
export function changeUserRole(ctx: Ctx, input: { userId: number; role: Role; team?: string; actingUserId: number }) {
  if (input.userId === input.actingUserId) throw new ConflictError("You cannot change your own role.");
  requireRoleTeamAgree(input.role, input.team);
  const team = input.team === undefined ? null : requireActive(findTeam(ctx.db, input.team), "team", input.team);
  const row = ctx.db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, input.userId)).get();
  if (!row) throw new NotFoundError(`No user with id ${input.userId}.`);
  ctx.db.update(users).set({ role: input.role, teamId: team?.id ?? null }).where(eq(users.id, row.id)).run();
  return { id: row.id, email: row.email, role: input.role, team: input.team ?? null };
}
