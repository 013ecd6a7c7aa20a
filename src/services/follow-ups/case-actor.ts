import { eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import { followUpCases } from "../../db/schema";
import { lockForUpdate } from "../../db/sql";
import { ForbiddenError, NotFoundError } from "../../errors";
import type { SessionUser } from "../auth/sessions";

/**
 * Who works a case: a signed-in user, or an integrating system through an API key (the key's
 * id goes in the history; the change has no user).
 */
export type CaseActor = { kind: "user"; user: SessionUser } | { kind: "api"; apiKeyId: number };

export const actorUserId = (actor: CaseActor): number | null => (actor.kind === "user" ? actor.user.id : null);

/** The teams whose cases an actor may see and act on; undefined means every team. */
export function actorTeamIds(actor: CaseActor): readonly number[] | undefined {
  if (actor.kind === "user" && actor.user.role === "manager") return actor.user.teamId === null ? [] : [actor.user.teamId];
  return undefined;
}

export function mayActOn(actor: CaseActor, teamId: number): boolean {
  const teams = actorTeamIds(actor);
  return teams === undefined || teams.includes(teamId);
}

/** The case, locked for the caller's write, after checking the actor may act on it. */
export async function caseForChange(tx: Db, caseId: number, actor: CaseActor) {
  await lockForUpdate(tx, followUpCases, eq(followUpCases.id, caseId));
  const [found] = await tx.select().from(followUpCases).where(eq(followUpCases.id, caseId));
  if (!found) throw new NotFoundError(`No follow-up case ${caseId}.`);
  if (!mayActOn(actor, found.teamId)) throw new ForbiddenError("Managers can work their own team's cases only.");
  return found;
}

/** What the history records of who made a change through the API. */
export const actorDetail = (actor: CaseActor): Record<string, unknown> => (actor.kind === "api" ? { apiKeyId: actor.apiKeyId } : {});
