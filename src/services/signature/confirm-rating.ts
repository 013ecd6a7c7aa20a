import { and, count, countDistinct, desc, eq, gt, or, sql } from "drizzle-orm";
import { DAY } from "../../clock";
import type { Ctx } from "../../deps";
import { signatureConfirmations, staff, suspectedClicks, surveyTokens, teams } from "../../db/schema";
import { lockForUpdate, prepared } from "../../db/sql";
import { BURST_WINDOW_MS, isBurst } from "../../domain/automation";
import type { Language } from "../../domain/languages";
import { NotFoundError } from "../../errors";
import { recordResponseIn } from "../record-response";
import { registerInteractionIn } from "../register-interaction";
import { tokenFromNonce } from "../tokens";
import { recordSuspectedClickIn } from "./record-suspected-click";

export type ConfirmedRating =
  | { kind: "counted"; interactionId: number; token: string; changed: boolean }
  /** Kept apart as suspected, never counted: a burst of new ratings for one staff member. */
  | { kind: "suspected"; reason: "burst" };

/**
 * A repeat confirmation for the same person within this time, from the same browser or the
 * same address, changes the first instead of adding one.
 */
export const SAME_BROWSER_WINDOW = DAY;

// Prepared: every confirmed face runs these.
const personByCode = prepared("confirm_rating_person", (db) =>
  db
    .select({ id: staff.id, code: staff.code, retiredAt: staff.retiredAt, teamCode: teams.code })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .where(eq(staff.code, sql.placeholder("code"))),
);
// The earlier confirmations of this browser and of this address (each stored under its own key).
const earlierConfirmations = prepared("confirm_rating_earlier", (db) =>
  db
    .select({ key: signatureConfirmations.browserKey, interactionId: signatureConfirmations.interactionId })
    .from(signatureConfirmations)
    .where(
      and(
        or(eq(signatureConfirmations.browserKey, sql.placeholder("browserKey")), eq(signatureConfirmations.browserKey, sql.placeholder("addressKey"))),
        eq(signatureConfirmations.staffId, sql.placeholder("staffId")),
        gt(signatureConfirmations.createdAt, sql.placeholder("since")),
      ),
    )
    .orderBy(desc(signatureConfirmations.createdAt))
    .limit(10),
);
const answersSince = prepared("confirm_rating_answers_since", (db) =>
  db
    .select({ n: countDistinct(signatureConfirmations.interactionId) })
    .from(signatureConfirmations)
    .where(and(eq(signatureConfirmations.staffId, sql.placeholder("staffId")), gt(signatureConfirmations.createdAt, sql.placeholder("since")))),
);
const burstsSince = prepared("confirm_rating_bursts_since", (db) =>
  db
    .select({ n: count() })
    .from(suspectedClicks)
    .where(
      and(
        eq(suspectedClicks.staffId, sql.placeholder("staffId")),
        eq(suspectedClicks.reason, "burst"),
        gt(suspectedClicks.createdAt, sql.placeholder("since")),
      ),
    ),
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
  db
    .select({ nonce: surveyTokens.nonce })
    .from(surveyTokens)
    .where(eq(surveyTokens.interactionId, sql.placeholder("interactionId"))),
);

/**
 * A customer confirmed a face from a staff member's signature strip. The first time, this
 * registers an email interaction for the staff member's team (source "signature") and its
 * response. One answer per staff member per browser and per client address a day: the same
 * browser confirming again changes its answer (keeping what it added on the survey page
 * since), and another browser at the same address replaces that answer whole. A new answer
 * in a burst of them for one staff member is kept apart as suspected instead. One write: the
 * interaction, the answer and the keys are written together or not at all.
 */
export function confirmSignatureRating(
  ctx: Ctx,
  input: { staffCode: string; score: number; browserKey: string; addressKey: string; language: Language },
): Promise<ConfirmedRating> {
  const { clock, config } = ctx;
  return ctx.db.write(async (tx): Promise<ConfirmedRating> => {
    const now = clock.now();
    const [person] = await personByCode(tx, { code: input.staffCode });
    if (!person || person.retiredAt !== null) throw new NotFoundError("No such staff member.");
    // Confirmations for one person take turns: on PostgreSQL a double click's second
    // confirmation must find the first's record, and a burst must be counted whole.
    await lockForUpdate(tx, staff, eq(staff.id, person.id));
    const earlier = await earlierConfirmations(tx, {
      browserKey: input.browserKey,
      addressKey: input.addressKey,
      staffId: person.id,
      since: now - SAME_BROWSER_WINDOW,
    });
    const sameBrowser = earlier.find((r) => r.key === input.browserKey);
    const sameAddress = earlier.find((r) => r.key === input.addressKey);
    const replaced = sameBrowser ?? sameAddress;
    if (!replaced) {
      const since = now - BURST_WINDOW_MS;
      const [answers] = await answersSince(tx, { staffId: person.id, since });
      const [bursts] = await burstsSince(tx, { staffId: person.id, since });
      if (isBurst((answers?.n ?? 0) + (bursts?.n ?? 0))) {
        await recordSuspectedClickIn(tx, ctx, { reason: "burst", staffId: person.id, score: input.score });
        return { kind: "suspected", reason: "burst" };
      }
    }
    const interactionId =
      replaced?.interactionId ??
      (
        await registerInteractionIn(
          tx,
          ctx,
          { channel: "email", team: person.teamCode, staff: person.code, occurredAt: now, language: input.language },
          "signature",
        )
      ).id;
    // merge for the same browser: a second confirmation changes the face but keeps the other
    // answers it gave since. Another browser's answer is replaced whole: it is not theirs to see.
    await recordResponseIn(
      tx,
      ctx,
      { interactionId, csat: input.score, ces: null, csi: null, fcr: null, comment: null, language: input.language, confirmedVia: "signature" },
      { merge: sameBrowser !== undefined },
    );
    if (!sameBrowser) await insertConfirmation(tx, { browserKey: input.browserKey, staffId: person.id, interactionId, now });
    if (!sameAddress) await insertConfirmation(tx, { browserKey: input.addressKey, staffId: person.id, interactionId, now });
    const [token] = await nonceOf(tx, { interactionId });
    if (!token) throw new NotFoundError("No survey token for this interaction.");
    return { kind: "counted", interactionId, token: tokenFromNonce(token.nonce, config.TOKEN_PEPPER), changed: replaced !== undefined };
  });
}
