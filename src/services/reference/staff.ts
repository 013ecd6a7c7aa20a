import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { staff, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { StaffInput, StaffMember, StaffPatch } from "../../schemas/reference";
import { findStaff, findTeam, requireActive, requireFound } from "../lookup";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

function select(ctx: Ctx, where: SQL | undefined): StaffMember[] {
  return ctx.db
    .select({ member: staff, team: teams.code })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(where)
    .orderBy(asc(staff.code))
    .all()
    .map(({ member, team }) => ({ code: member.code, name: member.name, email: member.email, team, ...lifecycle(member) }));
}

export function listStaff(ctx: Ctx, q: { includeRetired: boolean; team?: string }): StaffMember[] {
  const team = q.team === undefined ? undefined : requireFound(findTeam(ctx.db, q.team), "team", q.team);
  return select(ctx, and(q.includeRetired ? undefined : isNull(staff.retiredAt), team ? eq(staff.teamId, team.id) : undefined));
}

export function getStaff(ctx: Ctx, code: string): StaffMember {
  requireFound(findStaff(ctx.db, code), "staff member", code);
  return select(ctx, eq(staff.code, code))[0]!;
}

export function createStaff(ctx: Ctx, input: StaffInput): StaffMember {
  const team = requireActive(findTeam(ctx.db, input.team), "team", input.team);
  insertOrConflict("staff member", input.code, () =>
    ctx.db
      .insert(staff)
      .values({ code: input.code, name: input.name, email: input.email.toLowerCase(), teamId: team.id, createdAt: ctx.clock.now() })
      .run(),
  );
  return getStaff(ctx, input.code);
}

/**
 * Renames, moves, retires or brings back a staff member. Interactions already registered keep
 * the team they were registered to, so a move does not carry a person's history between teams.
 */
export function updateStaff(ctx: Ctx, code: string, patch: StaffPatch): StaffMember {
  const row = requireFound(findStaff(ctx.db, code), "staff member", code);
  const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
  const team = patch.team === undefined ? undefined : requireActive(findTeam(ctx.db, patch.team), "team", patch.team);
  if (row.retiredAt !== null && retiredAt === null && team === undefined) {
    const current = ctx.db.select().from(teams).where(eq(teams.id, row.teamId)).get();
    if (current?.retiredAt != null) {
      throw new ConflictError(`The staff member's team '${current.code}' is retired; move them to an active team.`);
    }
  }
  ctx.db
    .update(staff)
    .set({
      name: patch.name ?? row.name,
      email: patch.email?.toLowerCase() ?? row.email,
      teamId: team?.id ?? row.teamId,
      retiredAt,
    })
    .where(eq(staff.id, row.id))
    .run();
  return getStaff(ctx, code);
}

export function retireStaff(ctx: Ctx, code: string): StaffMember {
  return updateStaff(ctx, code, { retired: true });
}
