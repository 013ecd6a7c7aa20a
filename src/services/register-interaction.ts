import type { Ctx } from "../deps";
import { emptyTally } from "../domain/measures";
import { contactSubjects, customerContacts } from "../db/schema";
import { prepared, writeTransaction } from "../db/prepared";
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
  return writeTransaction(db.$client, () => {
    if (input.externalRef !== undefined) {
      const existing = prepared(
        db.$client,
        `select i.id, t.nonce from interactions i join survey_tokens t on t.interaction_id = i.id where i.external_ref = ?`,
      ).get(input.externalRef) as { id: number; nonce: string } | undefined;
      if (existing) return links(ctx, existing.id, tokenFromNonce(existing.nonce, config.TOKEN_PEPPER), true);
    }
    const team = requireActive(findTeam(db, input.team), "team", input.team);
    const staffRow = input.staff === undefined ? undefined : requireActive(findStaff(db, input.staff), "staff", input.staff);
    const service = input.service === undefined ? undefined : requireActive(findService(db, input.service), "service", input.service);
    const now = clock.now();
    const interaction = {
      id: Number(
        prepared(
          db.$client,
          `insert into interactions (channel, team_id, staff_id, service_id, occurred_at, external_ref, language, source, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(input.channel, team.id, staffRow?.id ?? null, service?.id ?? null, input.occurredAt, input.externalRef ?? null, input.language, source, now)
          .lastInsertRowid,
      ),
    };
    const nonce = generateNonce();
    const token = tokenFromNonce(nonce, config.TOKEN_PEPPER);
    prepared(db.$client, `insert into survey_tokens (interaction_id, nonce, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)`).run(
      interaction.id,
      nonce,
      hashToken(token, config.TOKEN_PEPPER),
      now + config.TOKEN_TTL_DAYS * DAY,
      now,
    );
    applyToRollup(
      db.$client,
      { occurredAt: input.occurredAt, teamId: team.id, staffId: staffRow?.id ?? null, serviceId: service?.id ?? null, channel: input.channel },
      [],
      { ...emptyTally(), issued: 1 },
      config.TIMEZONE,
    );
    const customer = input.customer;
    if (customer && (customer.email || customer.phone)) {
      db.insert(customerContacts)
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
      db.insert(contactSubjects)
        .values(subjects.map((h) => ({ interactionId: interaction.id, subjectHash: h, createdAt: now })))
        .run();
      if (customer.email && customer.mayContact) enqueueInvitation(ctx, interaction.id, input.occurredAt);
    }
    return links(ctx, interaction.id, token, false);
  });
}

function links(ctx: Ctx, id: number, token: string, existing: boolean): RegisteredInteraction {
  return { id, token, existing, ...surveyLinks(ctx.config.PUBLIC_BASE_URL, token) };
}
