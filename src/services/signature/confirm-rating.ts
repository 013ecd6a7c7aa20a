import { and, desc, eq, gt } from "drizzle-orm";
import { DAY } from "../../clock";
import type { Ctx } from "../../deps";
import { signatureConfirmations, staff, surveyTokens, teams } from "../../db/schema";
import type { Language } from "../../domain/languages";
import { NotFoundError } from "../../errors";
import { recordResponse } from "../record-response";
import { registerInteraction } from "../register-interaction";
import { tokenFromNonce } from "../tokens";

export type ConfirmedRating = { interactionId: number; token: string; changed: boolean };

/** A repeat confirmation from the same browser for the same person within this time changes the first. */
export const SAME_BROWSER_WINDOW = DAY;

/**
 * A customer confirmed a face from a staff member's signature strip. The first time, this
 * registers an email interaction for the staff member's team (source "signature") and its
 * response; the same browser confirming again within 24 hours changes that response instead
 * of adding another. One transaction: the interaction, the answer and the browser's record
 * are written together or not at all.
 */
export function confirmSignatureRating(ctx: Ctx, input: { staffCode: string; score: number; browserKey: string; language: Language }): ConfirmedRating {
  const { db, clock, config } = ctx;
  return db.transaction(
    () => {
      const now = clock.now();
      const person = db
        .select({ id: staff.id, code: staff.code, retiredAt: staff.retiredAt, teamCode: teams.code })
        .from(staff)
        .innerJoin(teams, eq(teams.id, staff.teamId))
        .where(eq(staff.code, input.staffCode))
        .get();
      if (!person || person.retiredAt !== null) throw new NotFoundError("No such staff member.");
      const earlier = db
        .select({ interactionId: signatureConfirmations.interactionId })
        .from(signatureConfirmations)
        .where(
          and(
            eq(signatureConfirmations.browserKey, input.browserKey),
            eq(signatureConfirmations.staffId, person.id),
            gt(signatureConfirmations.createdAt, now - SAME_BROWSER_WINDOW),
          ),
        )
        .orderBy(desc(signatureConfirmations.createdAt))
        .get();
      const interactionId =
        earlier?.interactionId ??
        registerInteraction(ctx, { channel: "email", team: person.teamCode, staff: person.code, occurredAt: now, language: input.language }, "signature").id;
      // merge: a second confirmation changes the face but keeps the other answers given since.
      recordResponse(
        ctx,
        { interactionId, csat: input.score, ces: null, csi: null, fcr: null, comment: null, language: input.language, confirmedVia: "signature" },
        { merge: true },
      );
      if (!earlier) db.insert(signatureConfirmations).values({ browserKey: input.browserKey, staffId: person.id, interactionId, createdAt: now }).run();
      const token = db.select({ nonce: surveyTokens.nonce }).from(surveyTokens).where(eq(surveyTokens.interactionId, interactionId)).get();
      if (!token) throw new NotFoundError("No survey token for this interaction.");
      return { interactionId, token: tokenFromNonce(token.nonce, config.TOKEN_PEPPER), changed: earlier !== undefined };
    },
    { behavior: "immediate" },
  );
}
