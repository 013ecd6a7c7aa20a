import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../deps";
import type { InteractionSource } from "../domain/vocabulary";
import { reportCalendar } from "../config";
import type { Db } from "../db/database";
import { emptyTally } from "../domain/measures";
import { contactSubjects, customerContacts, interactions, surveyTokens } from "../db/schema";
import { prepared } from "../db/sql";
import { ConflictError } from "../errors";
import { subjectHash } from "./privacy/subject-hash";
import type { InteractionCreated, InteractionInput } from "../schemas/interaction";
import { DAY } from "../clock";
import { findService, findStaff, findTeam } from "../db/queries/lookups";
import { requireActive } from "../domain/references";
import { applyToRollup } from "./rollup";
import { generateNonce, hashToken, surveyLinks, tokenFromNonce } from "./tokens";
import { enqueueInvitation } from "./enqueue-invitation";
import { customerHashOf, linkNewContact, type CustomerIdentity } from "./repeat-contact";

export type RegisteredInteraction = InteractionCreated & { token: string };

/*
 * Prepared statements: every interaction registered runs these (the API, each face of the
 * signature strip, each phone call), and building them per call cost more than the database's work.
 */
const byExternalRef = prepared("register_interaction_by_ref", (db) =>
  db
    .select({ id: interactions.id, nonce: surveyTokens.nonce })
    .from(interactions)
    .innerJoin(surveyTokens, eq(surveyTokens.interactionId, interactions.id))
    .where(eq(interactions.externalRef, sql.placeholder("externalRef"))),
);
// "Do nothing" on a conflict: the only one possible is a second registration of the same
// externalRef committed meanwhile (PostgreSQL, another request); that one's links are returned.
const insertInteraction = prepared("register_interaction_insert", (db) =>
  db
    .insert(interactions)
    .values({
      channel: sql.placeholder("channel"),
      teamId: sql.placeholder("teamId"),
      staffId: sql.placeholder("staffId"),
      serviceId: sql.placeholder("serviceId"),
      occurredAt: sql.placeholder("occurredAt"),
      externalRef: sql.placeholder("externalRef"),
      language: sql.placeholder("language"),
      source: sql.placeholder("source"),
      customerHash: sql.placeholder("customerHash"),
      createdAt: sql.placeholder("now"),
    })
    .onConflictDoNothing()
    .returning({ id: interactions.id }),
);
const insertToken = prepared("register_interaction_token", (db) =>
  db.insert(surveyTokens).values({
    interactionId: sql.placeholder("interactionId"),
    nonce: sql.placeholder("nonce"),
    tokenHash: sql.placeholder("tokenHash"),
    expiresAt: sql.placeholder("expiresAt"),
    createdAt: sql.placeholder("now"),
  }),
);

/**
 * Registers one contact and issues its survey token. Idempotent by externalRef: the same
 * reference again returns the first interaction and the same links. The token, the issued
 * counter and the invitation are written together or not at all.
 */
export function registerInteraction(ctx: Ctx, input: InteractionInput, source: InteractionSource = "api"): Promise<RegisteredInteraction> {
  return ctx.db.write((tx) => registerInteractionIn(tx, ctx, input, source));
}

/**
 * registerInteraction inside the caller's write (a batch, a signature confirmation, a phone call).
 * `caller` names the customer for repeat contact when the input's customer does not (the phone
 * survey's caller): only its keyed hash is kept, and nothing is stored to contact them by.
 */
export async function registerInteractionIn(
  tx: Db,
  ctx: Ctx,
  input: InteractionInput,
  source: InteractionSource = "api",
  caller?: CustomerIdentity,
): Promise<RegisteredInteraction> {
  const { clock, config } = ctx;
  if (input.externalRef !== undefined) {
    const existing = await existingLinks(tx, ctx, input.externalRef);
    if (existing) return existing;
  }
  const team = requireActive(await findTeam(tx, input.team), "team", input.team);
  const staffRow = input.staff === undefined ? undefined : requireActive(await findStaff(tx, input.staff), "staff", input.staff);
  const service = input.service === undefined ? undefined : requireActive(await findService(tx, input.service), "service", input.service);
  const now = clock.now();
  const customerHash = customerHashOf(input.customer ?? caller, config.TOKEN_PEPPER);
  const [inserted] = await insertInteraction(tx, {
    channel: input.channel,
    teamId: team.id,
    staffId: staffRow?.id ?? null,
    serviceId: service?.id ?? null,
    occurredAt: input.occurredAt,
    externalRef: input.externalRef ?? null,
    language: input.language,
    source,
    customerHash,
    now,
  });
  if (!inserted) {
    const existing = input.externalRef === undefined ? undefined : await existingLinks(tx, ctx, input.externalRef);
    if (existing) return existing;
    throw new ConflictError("The interaction could not be registered; please try again.");
  }
  const interactionId = inserted.id;
  const nonce = generateNonce();
  const token = tokenFromNonce(nonce, config.TOKEN_PEPPER);
  await insertToken(tx, { interactionId, nonce, tokenHash: hashToken(token, config.TOKEN_PEPPER), expiresAt: now + config.TOKEN_TTL_DAYS * DAY, now });
  applyToRollup(
    tx,
    { occurredAt: input.occurredAt, teamId: team.id, staffId: staffRow?.id ?? null, serviceId: service?.id ?? null, channel: input.channel },
    [],
    { ...emptyTally(), issued: 1 },
    reportCalendar(config),
  );
  const contact = {
    id: interactionId,
    occurredAt: input.occurredAt,
    teamId: team.id,
    staffId: staffRow?.id ?? null,
    serviceId: service?.id ?? null,
    channel: input.channel,
  };
  await linkNewContact(tx, ctx, { ...contact, customerHash, repeatOf: null, repeated: 0 });
  const customer = input.customer;
  if (customer && (customer.email || customer.phone)) {
    await tx.insert(customerContacts).values({
      interactionId,
      email: customer.email?.toLowerCase() ?? null,
      phone: customer.phone ?? null,
      mayContact: customer.mayContact,
      createdAt: now,
    });
    const subjects = [
      ...(customer.email ? [subjectHash("email", customer.email, config.TOKEN_PEPPER)] : []),
      ...(customer.phone ? [subjectHash("phone", customer.phone, config.TOKEN_PEPPER)] : []),
    ];
    await tx.insert(contactSubjects).values(subjects.map((h) => ({ interactionId, subjectHash: h, createdAt: now })));
    if (customer.email && customer.mayContact) await enqueueInvitation(tx, ctx, interactionId, input.occurredAt);
  }
  return links(ctx, interactionId, token, false);
}

async function existingLinks(tx: Db, ctx: Ctx, externalRef: string): Promise<RegisteredInteraction | undefined> {
  const [existing] = await byExternalRef(tx, { externalRef });
  return existing && links(ctx, existing.id, tokenFromNonce(existing.nonce, ctx.config.TOKEN_PEPPER), true);
}

function links(ctx: Ctx, id: number, token: string, existing: boolean): RegisteredInteraction {
  return { id, token, existing, ...surveyLinks(ctx.config.PUBLIC_BASE_URL, token) };
}
