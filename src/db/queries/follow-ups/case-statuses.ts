import { inArray } from "drizzle-orm";
import type { Db } from "../../database";
import { followUpCases } from "../../schema";
import type { CaseStatus } from "../../../domain/cases";

/** The follow-up case of each of some responses, if it has one (for the comments feed). */
export async function caseStatuses(db: Db, responseIds: readonly number[]): Promise<Map<number, { id: number; status: CaseStatus }>> {
  if (responseIds.length === 0) return new Map();
  const found = await db
    .select({ responseId: followUpCases.responseId, id: followUpCases.id, status: followUpCases.status })
    .from(followUpCases)
    .where(inArray(followUpCases.responseId, [...responseIds]));
  return new Map(found.map((r) => [r.responseId, { id: r.id, status: r.status }]));
}
