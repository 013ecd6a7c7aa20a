import { eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { emptyTally } from "../domain/measures";
import { contactSubjects, customerContacts, interactions, surveyTokens } from "../db/schema";
import { subjectHash } from "./privacy/subject-hash";
import type { InteractionCreated, InteractionInput } from "../schemas/interaction";
import { DAY } from "../clock";
import { findService, findStaff, findTeam, requireActive } from "./lookup";
import { applyToRollup } from "./rollup";
import { generateNonce, hashToken, surveyLinks, tokenFromNonce } from "./tokens";
import { enqueueInvitation } from "./enqueue-invitation";

export type InteractionSource = "api" | "signature" | "ivr" | "phone_api" | "import" | "demo";

export type RegisteredInteraction = InteractionCreated & { token: string };

/**
 * Registers one contact and issues its survey token. Idempotent by externalRef: the same
 * reference again returns the first interaction and the same links. Runs in a transaction
 * (the caller's, when inside a batch) so the token, the issued counter and the invitation
 * are written together or not at all.
 */
export function registerInteraction(ctx: Ctx, input: InteractionInput, source: InteractionSource = "api"): RegisteredInteraction {
  const { db, clock, config } = ctx;
  return db.transaction((tx) => {
    if (input.externalRef !== undefined) {
      const existing = tx
        .select({ id: interactions.id, nonce: surveyTokens.nonce })
        .from(interactions)
        .innerJoin(surveyTokens, eq(surveyTokens.interactionId, interactions.id))
        .where(eq(interactions.externalRef, input.externalRef))
        .get();
      if (existing) return links(ctx, existing.id, existing.nonce, true);
    }
    const team = requireActive(findTeam(db, input.team), "team", input.team);
    const staffRow = input.staff === undefined ? undefined : requireActive(findStaff(db, input.staff), "staff", input.staff);
    const service = input.service === undefined ? undefined : requireActive(findService(db, input.service), "service", input.service);
    const now = clock.now();
    const interaction = tx
      .insert(interactions)
      .values({
        channel: input.channel,
        teamId: team.id,
        staffId: staffRow?.id ?? null,
        serviceId: service?.id ?? null,
        occurredAt: input.occurredAt,
        externalRef: input.externalRef ?? null,
        language: input.language,
        source,
        createdAt: now,
      })
      .returning({ id: interactions.id })
      .get();
    const nonce = generateNonce();
    tx.insert(surveyTokens)
      .values({
        interactionId: interaction.id,
        nonce,
        tokenHash: hashToken(tokenFromNonce(nonce, config.TOKEN_PEPPER), config.TOKEN_PEPPER),
        expiresAt: now + config.TOKEN_TTL_DAYS * DAY,
        createdAt: now,
      })
      .run();
    applyToRollup(
      db.$client,
      { occurredAt: input.occurredAt, teamId: team.id, staffId: staffRow?.id ?? null, serviceId: service?.id ?? null, channel: input.channel },
      [],
      { ...emptyTally(), issued: 1 },
      config.TIMEZONE,
    );
    const customer = input.customer;
    if (customer && (customer.email || customer.phone)) {
      tx.insert(customerContacts)
        .values({
          interactionId: interaction.id,
          email: customer.email?.toLowerCase() ?? null,
          phone: customer.phone ?? null,
          mayContact: customer.mayContact,
          createdAt: now,
        })
        .run();
      const subjects = [
        ...(customer.email ? [subjectHash("email", customer.email, config.TOKEN_PEPPER)] : []),
        ...(customer.phone ? [subjectHash("phone", customer.phone, config.TOKEN_PEPPER)] : []),
      ];
      tx.insert(contactSubjects)
        .values(subjects.map((h) => ({ interactionId: interaction.id, subjectHash: h, createdAt: now })))
        .run();
      if (customer.email && customer.mayContact) enqueueInvitation(ctx, interaction.id, input.occurredAt);
    }
    return links(ctx, interaction.id, nonce, false);
  });
}

function links(ctx: Ctx, id: number, nonce: string, existing: boolean): RegisteredInteraction {
  const token = tokenFromNonce(nonce, ctx.config.TOKEN_PEPPER);
  return { id, token, existing, ...surveyLinks(ctx.config.PUBLIC_BASE_URL, token) };
}
