import { and, desc, eq, gt, sql } from "drizzle-orm";
import { DAY } from "../../clock";
import type { Ctx } from "../../deps";
import { signatureConfirmations, staff, surveyTokens, teams } from "../../db/schema";
import { lockForUpdate, prepared } from "../../db/sql";
import type { Language } from "../../domain/languages";
import { NotFoundError } from "../../errors";
import { recordResponseIn } from "../record-response";
import { registerInteractionIn } from "../register-interaction";
import { tokenFromNonce } from "../tokens";

export type ConfirmedRating = { interactionId: number; token: string; changed: boolean };

/** A repeat confirmation from the same browser for the same person within this time changes the first. */
export const SAME_BROWSER_WINDOW = DAY;

// Prepared: every confirmed face runs these.
const personByCode = prepared("confirm_rating_person", (db) =>
  db
    .select({ id: staff.id, code: staff.code, retiredAt: staff.retiredAt, teamCode: teams.code })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.code, sql.placeholder("code"))),
);
const earlierConfirmation = prepared("confirm_rating_earlier", (db) =>
  db
    .select({ interactionId: signatureConfirmations.interactionId })
    .from(signatureConfirmations)
    .where(
      and(
        eq(signatureConfirmations.browserKey, sql.placeholder("browserKey")),
        eq(signatureConfirmations.staffId, sql.placeholder("staffId")),
        gt(signatureConfirmations.createdAt, sql.placeholder("since")),
      ),
    )
    .orderBy(desc(signatureConfirmations.createdAt))
    .limit(1),
);
const insertConfirmation = prepared("confirm_rating_insert", (db) =>
  db.insert(signatureConfirmations).values({
    browserKey: sql.placeholder("browserKey"),
    staffId: sql.placeholder("staffId"),
    interactionId: sql.placeholder("interactionId"),
    createdAt: sql.placeholder("now"),
  }),
);
const nonceOf = prepared("confirm_rating_nonce", (db) =>
  db.select({ nonce: surveyTokens.nonce }).from(surveyTokens).where(eq(surveyTokens.interactionId, sql.placeholder("interactionId"))),
);

/**
 * A customer confirmed a face from a staff member's signature strip. The first time, this
 * registers an email interaction for the staff member's team (source "signature") and its
 * response; the same browser confirming again within 24 hours changes that response instead
 * of adding another. One write: the interaction, the answer and the browser's record are
 * written together or not at all.
 */
export function confirmSignatureRating(
  ctx: Ctx,
  input: { staffCode: string; score: number; browserKey: string; language: Language },
): Promise<ConfirmedRating> {
  const { clock, config } = ctx;
  return ctx.db.write(async (tx) => {
    const now = clock.now();
    const [person] = await personByCode(tx, { code: input.staffCode });
    if (!person || person.retiredAt !== null) throw new NotFoundError("No such staff member.");
    // A double click sends two confirmations at once: on PostgreSQL the second must wait and
    // find the first's record, not register a second interaction beside it.
    await lockForUpdate(tx, staff, eq(staff.id, person.id));
    const [earlier] = await earlierConfirmation(tx, { browserKey: input.browserKey, staffId: person.id, since: now - SAME_BROWSER_WINDOW });
    const interactionId =
      earlier?.interactionId ??
      (await registerInteractionIn(tx, ctx, { channel: "email", team: person.teamCode, staff: person.code, occurredAt: now, language: input.language }, "signature")).id;
    // merge: a second confirmation changes the face but keeps the other answers given since.
    await recordResponseIn(
      tx,
      ctx,
      { interactionId, csat: input.score, ces: null, csi: null, fcr: null, comment: null, language: input.language, confirmedVia: "signature" },
      { merge: true },
    );
    if (!earlier) await insertConfirmation(tx, { browserKey: input.browserKey, staffId: person.id, interactionId, now });
    const [token] = await nonceOf(tx, { interactionId });
    if (!token) throw new NotFoundError("No survey token for this interaction.");
    return { interactionId, token: tokenFromNonce(token.nonce, config.TOKEN_PEPPER), changed: earlier !== undefined };
  });
}
