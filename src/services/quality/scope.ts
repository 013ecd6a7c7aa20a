import type { Db } from "../../db/database";
import type { QaScope } from "../../db/queries/quality/scope";
import { ForbiddenError } from "../../errors";
import type { SessionUser } from "../auth/sessions";
import { findTeam } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";

const OWN_TEAM_ONLY = "Managers can see and review their own team's quality sample only.";

/** The teams whose sampled items a user reads and reviews; undefined means every team. */
export function reviewerTeamIds(user: SessionUser): readonly number[] | undefined {
  if (user.role === "manager") return user.teamId === null ? [] : [user.teamId];
  return undefined;
}

export function mayReview(user: SessionUser, teamId: number): boolean {
  const teams = reviewerTeamIds(user);
  return teams === undefined || teams.includes(teamId);
}

export function requireReviewer(user: SessionUser, teamId: number): void {
  if (!mayReview(user, teamId)) throw new ForbiddenError(OWN_TEAM_ONLY);
}

/**
 * The viewer's scope, and a team they asked for: a manager naming another team is refused (403),
 * not quietly narrowed, as on every other dashboard page.
 */
export async function qualityScope(db: Db, user: SessionUser, teamCode: string | undefined): Promise<QaScope> {
  const teamIds = reviewerTeamIds(user);
  const team = teamCode ? requireFound(await findTeam(db, teamCode), "team", teamCode) : undefined;
  if (team && teamIds && !teamIds.includes(team.id)) throw new ForbiddenError(OWN_TEAM_ONLY);
  return { teamIds, teamId: team?.id };
}
