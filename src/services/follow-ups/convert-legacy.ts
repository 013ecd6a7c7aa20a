import { eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { lockTableForWrite } from "../../db/locks";
import { followUpCaseEvents, followUpCases, followUps, responses } from "../../db/schema";
import { caseReasons, DEFAULT_CASE_RULES, type CaseStatus } from "../../domain/cases";
import { dueDatesFrom } from "./due-dates";

/** The earlier follow-up list's statuses, as case statuses. */
const STATUS: Record<string, CaseStatus> = { open: "open", contacted: "acknowledged", resolved: "closed" };

/**
 * Turns what staff recorded in the earlier follow-up list (open / contacted / resolved, a note,
 * who and when) into cases, once: a response that already has a case is left alone, so running
 * this at every start costs one empty query after the first. Low scores nobody had touched had
 * no row there, and are not turned into cases: hundreds of cases, most long overdue, would open
 * at once, with a reminder and an escalation each.
 */
export async function convertLegacyFollowUps(ctx: Ctx): Promise<number> {
  // Every start after the first finds nothing: one read, no write and no table lock.
  if ((await unconverted(ctx.db.read).limit(1)).length === 0) return 0;
  return ctx.db.write(async (tx) => {
    // Servers starting together on one PostgreSQL: one converts, the others find nothing left.
    await lockTableForWrite(tx, followUpCases);
    const legacy = await unconverted(tx);
    for (const { f, r } of legacy) {
      const status = STATUS[f.status] ?? "open";
      const reasons = caseReasons(DEFAULT_CASE_RULES, { csat: r.csat, csi: r.csi, fcr: r.fcr, contactRequested: false, safeguarding: [] });
      const acted = status === "open" ? null : f.updatedAt;
      const [created] = await tx
        .insert(followUpCases)
        .values({
          responseId: f.responseId,
          interactionId: r.interactionId,
          teamId: r.teamId,
          status,
          priority: "normal",
          reasons,
          ownerId: f.userId,
          openedAt: r.createdAt,
          ...dueDatesFrom(ctx.config, r.createdAt, false),
          acknowledgedAt: acted,
          acknowledgedBy: acted === null ? null : f.userId,
          closedAt: status === "closed" ? f.updatedAt : null,
          closedBy: status === "closed" ? f.userId : null,
          updatedAt: f.updatedAt,
        })
        .returning({ id: followUpCases.id });
      const caseId = created!.id;
      await tx.insert(followUpCaseEvents).values({ caseId, kind: "opened", detail: { reasons, from: "the earlier follow-up list" }, at: r.createdAt });
      if (status !== "open" || f.note) {
        const kind = status === "open" ? "note" : status === "acknowledged" ? "acknowledged" : "closed";
        await tx.insert(followUpCaseEvents).values({ caseId, kind, userId: f.userId, note: f.note, detail: { was: f.status }, at: f.updatedAt });
      }
    }
    return legacy.length;
  });
}

/** Entries of the earlier list whose response has no case yet. */
function unconverted(db: Db) {
  return db
    .select({
      f: followUps,
      r: {
        interactionId: responses.interactionId,
        teamId: responses.teamId,
        csat: responses.csat,
        csi: responses.csi,
        fcr: responses.fcr,
        createdAt: responses.createdAt,
      },
    })
    .from(followUps)
    .innerJoin(responses, eq(responses.id, followUps.responseId))
    .leftJoin(followUpCases, eq(followUpCases.responseId, followUps.responseId))
    .where(isNull(followUpCases.id));
}
