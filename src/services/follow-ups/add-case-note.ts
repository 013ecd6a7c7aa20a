import type { Ctx } from "../../deps";
import { followUpCaseEvents } from "../../db/schema";
import { maskPersonalData } from "../../domain/pii";
import { actorDetail, actorUserId, caseForChange, type CaseActor } from "./case-actor";

/** A note on a case's history. Personal data typed into it is masked, as in comments. */
export function addCaseNote(ctx: Ctx, caseId: number, note: string, actor: CaseActor): Promise<{ caseId: number }> {
  return ctx.db.write(async (tx) => {
    await caseForChange(tx, caseId, actor);
    await tx
      .insert(followUpCaseEvents)
      .values({ caseId, kind: "note", userId: actorUserId(actor), note: maskPersonalData(note), detail: actorDetail(actor), at: ctx.clock.now() });
    return { caseId };
  });
}
