import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../database";
import { followUpCaseEvents, followUpCases, qaSampleItems, qaSamples, qaScores, responses, users } from "../../schema";
import { itemsWithContact } from "./items";

const eventBy = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${followUpCaseEvents.userId})`;
const caseOwner = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${followUpCases.ownerId})`;

/**
 * One sampled item with what its reviewer reads: the contact, the customer's answer and comment
 * (masked when stored), for a case its history, and the scores given so far. No contact details:
 * a quality review judges how the organisation handled the contact, not who the customer is.
 */
export async function itemDetail(db: Db, itemId: number) {
  const [item] = await itemsWithContact(db).where(eq(qaSampleItems.id, itemId));
  if (!item) return undefined;
  const [[sample], [response], scores, [followUp], history] = await Promise.all([
    db
      .select({ month: qaSamples.month, drawnAt: qaSamples.drawnAt })
      .from(qaSamples)
      .innerJoin(qaSampleItems, eq(qaSampleItems.sampleId, qaSamples.id))
      .where(eq(qaSampleItems.id, itemId)),
    db
      .select({ csat: responses.csat, ces: responses.ces, csi: responses.csi, fcr: responses.fcr, comment: responses.comment, language: responses.language })
      .from(responses)
      .where(eq(responses.interactionId, item.interactionId)),
    db.select({ standardId: qaScores.standardId, score: qaScores.score }).from(qaScores).where(eq(qaScores.itemId, itemId)),
    item.caseId === null
      ? Promise.resolve([])
      : db
          .select({
            id: followUpCases.id,
            status: followUpCases.status,
            priority: followUpCases.priority,
            reasons: followUpCases.reasons,
            openedAt: followUpCases.openedAt,
            closedAt: followUpCases.closedAt,
            owner: caseOwner,
          })
          .from(followUpCases)
          .where(eq(followUpCases.id, item.caseId)),
    item.caseId === null
      ? Promise.resolve([])
      : db
          .select({
            id: followUpCaseEvents.id,
            kind: followUpCaseEvents.kind,
            at: followUpCaseEvents.at,
            user: eventBy,
            note: followUpCaseEvents.note,
            detail: followUpCaseEvents.detail,
          })
          .from(followUpCaseEvents)
          .where(eq(followUpCaseEvents.caseId, item.caseId))
          .orderBy(asc(followUpCaseEvents.at), asc(followUpCaseEvents.id)),
  ]);
  return { item, month: sample!.month, response: response ?? null, scores, followUp: followUp ?? null, history };
}
