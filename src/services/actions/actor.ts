import type { Db } from "../../db/database";
import { reachOfTeams, type Reach } from "../../db/queries/actions/reach";
import { ForbiddenError } from "../../errors";
import type { SessionUser } from "../auth/sessions";

/**
 * Who reads or changes the tracker: a signed-in user, or an integrating system through an API
 * key, which acts for the organisation (as a director would).
 */
export type ActionActor = { kind: "user"; user: SessionUser } | { kind: "api"; apiKeyId: number };

export const actorUserId = (actor: ActionActor): number | null => (actor.kind === "user" ? actor.user.id : null);

/** Directors and administrators keep the tracker; managers read it. */
export function mayEditActions(actor: ActionActor): boolean {
  return actor.kind === "api" || actor.user.role === "admin" || actor.user.role === "director";
}

export function requireEditor(actor: ActionActor): void {
  if (!mayEditActions(actor)) throw new ForbiddenError("Only directors and administrators can change the tracker.");
}

/**
 * What the actor may read: undefined for everything; for a manager, the actions linked to their
 * team or to its department (one linked to the department concerns every team in it). Actions
 * linked only to themes, or to other teams, are not theirs to read.
 */
export async function readReach(db: Db, actor: ActionActor): Promise<Reach | undefined> {
  if (actor.kind === "api" || actor.user.role !== "manager") return undefined;
  return reachOfTeams(db, actor.user.teamId === null ? [] : [actor.user.teamId]);
}

export const OUT_OF_REACH = "Managers can see the actions linked to their own team or department only.";
