import { and, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { Db } from "../../database";
import { followUpCases, interactions, teams } from "../../schema";

/** A contact that may be sampled: a known staff member's, with what its sample item keeps. */
export type ContactInMonth = { interactionId: number; staffId: number; teamId: number; channel: string };
/** A closed case that may be sampled, with its department and its contact's staff member and channel. */
export type ClosedCase = { caseId: number; departmentId: number; teamId: number; interactionId: number; staffId: number | null; channel: string };

/**
 * What a month's sample is drawn from, between two instants (the month's local midnights):
 * every contact with a staff member, and every follow-up case closed. A month of a large
 * contact centre is about 125,000 contacts: three numbers and a word each, read once a month.
 */
export async function qaPopulation(db: Db, range: { from: number; to: number }): Promise<{ interactions: ContactInMonth[]; cases: ClosedCase[] }> {
  const [contacts, cases] = await Promise.all([
    db
      .select({ interactionId: interactions.id, staffId: interactions.staffId, teamId: interactions.teamId, channel: interactions.channel })
      .from(interactions)
      .where(and(gte(interactions.occurredAt, range.from), lt(interactions.occurredAt, range.to), isNotNull(interactions.staffId))),
    db
      .select({
        caseId: followUpCases.id,
        departmentId: teams.departmentId,
        teamId: followUpCases.teamId,
        interactionId: followUpCases.interactionId,
        staffId: interactions.staffId,
        channel: interactions.channel,
      })
      .from(followUpCases)
      .innerJoin(teams, eq(teams.id, followUpCases.teamId))
      .innerJoin(interactions, eq(interactions.id, followUpCases.interactionId))
      .where(and(gte(followUpCases.closedAt, range.from), lt(followUpCases.closedAt, range.to))),
  ]);
  return { interactions: contacts.map((c) => ({ ...c, staffId: c.staffId! })), cases };
}
