import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { staff, teams } from "../../db/schema";
import { ConflictError } from "../../errors";
import type { StaffInput, StaffMember, StaffPatch } from "../../schemas/reference";
import { findStaff, findTeam } from "../../db/queries/lookups";
import { requireActive, requireFound } from "../../domain/references";
import { insertOrConflict, lifecycle, nextRetiredAt } from "./common";

async function select(db: Db, where: SQL | undefined): Promise<StaffMember[]> {
  const rows = await db
    .select({ member: staff, team: teams.code })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(where)
    .orderBy(asc(staff.code));
  return rows.map(({ member, team }) => ({ code: member.code, name: member.name, email: member.email, team, ...lifecycle(member) }));
}

export async function listStaff(ctx: Ctx, q: { includeRetired: boolean; team?: string }): Promise<StaffMember[]> {
  const db = ctx.db.read;
  const team = q.team === undefined ? undefined : requireFound(await findTeam(db, q.team), "team", q.team);
  return select(db, and(q.includeRetired ? undefined : isNull(staff.retiredAt), team ? eq(staff.teamId, team.id) : undefined));
}

export function getStaff(ctx: Ctx, code: string): Promise<StaffMember> {
  return staffMember(ctx.db.read, code);
}

async function staffMember(db: Db, code: string): Promise<StaffMember> {
  return requireFound((await select(db, eq(staff.code, code)))[0], "staff member", code);
}

export function createStaff(ctx: Ctx, input: StaffInput): Promise<StaffMember> {
  return ctx.db.write((tx) => createStaffIn(tx, ctx, input));
}

/** createStaff inside the caller's write. */
export async function createStaffIn(tx: Db, ctx: Ctx, input: StaffInput): Promise<StaffMember> {
  const team = requireActive(await findTeam(tx, input.team), "team", input.team);
  await insertOrConflict("staff member", input.code, () =>
    tx.insert(staff).values({ code: input.code, name: input.name, email: input.email.toLowerCase(), teamId: team.id, createdAt: ctx.clock.now() }),
  );
  return staffMember(tx, input.code);
}

/**
 * Renames, moves, retires or brings back a staff member. Interactions already registered keep
 * the team they were registered to, so a move does not carry a person's history between teams.
 */
export function updateStaff(ctx: Ctx, code: string, patch: StaffPatch): Promise<StaffMember> {
  return ctx.db.write((tx) => updateStaffIn(tx, ctx, code, patch));
}

/** updateStaff inside the caller's write. */
export async function updateStaffIn(tx: Db, ctx: Ctx, code: string, patch: StaffPatch): Promise<StaffMember> {
  const row = requireFound(await findStaff(tx, code), "staff member", code);
  const retiredAt = nextRetiredAt(row.retiredAt, patch.retired, ctx.clock.now());
  const team = patch.team === undefined ? undefined : requireActive(await findTeam(tx, patch.team), "team", patch.team);
  if (row.retiredAt !== null && retiredAt === null && team === undefined) {
    const [current] = await tx.select().from(teams).where(eq(teams.id, row.teamId));
    if (current?.retiredAt != null) {
      throw new ConflictError(`The staff member's team '${current.code}' is retired; move them to an active team.`);
    }
  }
  await tx
    .update(staff)
    .set({
      name: patch.name ?? row.name,
      email: patch.email?.toLowerCase() ?? row.email,
      teamId: team?.id ?? row.teamId,
      retiredAt,
    })
    .where(eq(staff.id, row.id));
  return staffMember(tx, code);
}

export function retireStaff(ctx: Ctx, code: string): Promise<StaffMember> {
  return updateStaff(ctx, code, { retired: true });
}
