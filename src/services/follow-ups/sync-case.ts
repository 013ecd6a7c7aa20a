import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { contactSubjects, followUpCaseEvents, followUpCases, followUpContacts, users } from "../../db/schema";
import { lockForUpdate, prepared } from "../../db/sql";
import { caseReasons, priorityOf, type CaseReason } from "../../domain/cases";
import type { Fcr } from "../../domain/measures";
import type { ContactRequest } from "../record-response";
import { subjectHash } from "../privacy/subject-hash";
import { dueDatesFrom } from "./due-dates";
import { caseSettingsIn } from "./case-settings";
import { queueStaffMail } from "./queue-staff-mail";

export type CaseSource = {
  responseId: number;
  interactionId: number;
  teamId: number;
  /** Whether the response was stored just now (no case can exist yet). */
  isNew: boolean;
  csat: number | null;
  csi: number | null;
  fcr: Fcr | null;
  /** The stored (masked) comment. */
  comment: string | null;
  contactRequest: ContactRequest | null;
};

const caseOfResponse = prepared("sync_case_find", (db) =>
  db
    .select({
      id: followUpCases.id,
      reasons: followUpCases.reasons,
      priority: followUpCases.priority,
      clearedAt: followUpCases.clearedAt,
      status: followUpCases.status,
    })
    .from(followUpCases)
    .where(eq(followUpCases.responseId, sql.placeholder("responseId"))),
);

/**
 * Opens, or updates, the follow-up case of a response, in the answer's own transaction: a case
 * and its safeguarding alert exist exactly when the answer does, whatever crashes after. One
 * case per response; a changed answer changes the case's reasons, never opens a second.
 * Answers that meet no rule (most of them) cost no query here.
 */
export async function syncCaseIn(tx: Db, ctx: Ctx, source: CaseSource): Promise<void> {
  const settings = await caseSettingsIn(tx, ctx);
  const texts = [source.comment, source.contactRequest?.message ?? null].filter((t): t is string => t !== null && t !== "");
  const safeguarding = texts.flatMap((t) => settings.safeguarding(t));
  const now = ctx.clock.now();
  if (source.contactRequest) await storeContactRequest(tx, source.interactionId, source.contactRequest, now, ctx.config.TOKEN_PEPPER);
  const [existing] = source.isNew ? [] : await caseOfResponse(tx, { responseId: source.responseId });
  // A request to be contacted made with an earlier version of this answer still stands.
  const contactRequested = source.contactRequest !== null || (existing !== undefined && (await hasContactRequest(tx, source.interactionId)));
  const reasons = caseReasons(settings.rules, { csat: source.csat, csi: source.csi, fcr: source.fcr, contactRequested, safeguarding });
  if (!existing) {
    if (reasons.length > 0) await openCase(tx, ctx, source, reasons, now);
    return;
  }
  if (sameReasons(existing.reasons, reasons)) return;
  await lockForUpdate(tx, followUpCases, eq(followUpCases.id, existing.id));
  // A new safeguarding concern makes the case urgent, and due the same working day, unless a
  // reviewer already judged this response's words not to be a concern. It never turns back to
  // normal by itself: a customer editing the words away does not undo what they wrote.
  const becomesUrgent = existing.priority === "normal" && priorityOf(reasons) === "urgent" && existing.clearedAt === null && existing.status !== "closed";
  const set: Partial<typeof followUpCases.$inferInsert> = { reasons, updatedAt: now };
  if (becomesUrgent) Object.assign(set, { priority: "urgent" as const, ...dueDatesFrom(ctx.config, now, true) });
  await tx.update(followUpCases).set(set).where(eq(followUpCases.id, existing.id));
  await tx.insert(followUpCaseEvents).values({ caseId: existing.id, kind: "reasons_changed", detail: { before: existing.reasons, after: reasons }, at: now });
  if (becomesUrgent) await alertSafeguarding(tx, ctx, existing.id, now);
}

async function openCase(tx: Db, ctx: Ctx, source: CaseSource, reasons: CaseReason[], now: number): Promise<void> {
  const priority = priorityOf(reasons);
  const [manager] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "manager"), eq(users.teamId, source.teamId), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .limit(1);
  const [opened] = await tx
    .insert(followUpCases)
    .values({
      responseId: source.responseId,
      interactionId: source.interactionId,
      teamId: source.teamId,
      status: "open",
      priority,
      reasons,
      ownerId: manager?.id ?? null,
      openedAt: now,
      ...dueDatesFrom(ctx.config, now, priority === "urgent"),
      updatedAt: now,
    })
    .returning({ id: followUpCases.id });
  const caseId = opened!.id;
  await tx.insert(followUpCaseEvents).values({ caseId, kind: "opened", detail: { reasons, ownerId: manager?.id ?? null }, at: now });
  if (priority === "urgent") await alertSafeguarding(tx, ctx, caseId, now);
}

/** The safeguarding alert, due at once: no invitation delay and no quiet hours apply to it. */
async function alertSafeguarding(tx: Db, ctx: Ctx, caseId: number, now: number): Promise<void> {
  if (!ctx.config.SAFEGUARDING_EMAIL) return;
  await queueStaffMail(tx, { kind: "safeguarding", dedupeKey: `safeguarding:${caseId}`, caseId, now });
}

/**
 * Keeps the details apart from the response, with keyed hashes of them beside the invitation
 * contacts' own, so that an erasure by email address or phone number finds this interaction.
 */
async function storeContactRequest(tx: Db, interactionId: number, request: ContactRequest, now: number, pepper: string): Promise<void> {
  const values = { email: request.email, phone: request.phone, message: request.message, consentText: request.consentText, createdAt: now };
  await tx
    .insert(followUpContacts)
    .values({ interactionId, ...values })
    .onConflictDoUpdate({ target: followUpContacts.interactionId, set: values });
  const hashes = [
    ...(request.email ? [subjectHash("email", request.email, pepper)] : []),
    ...(request.phone ? [subjectHash("phone", request.phone, pepper)] : []),
  ];
  if (hashes.length > 0) {
    await tx
      .insert(contactSubjects)
      .values(hashes.map((subjectHash) => ({ interactionId, subjectHash, createdAt: now })))
      .onConflictDoNothing();
  }
}

async function hasContactRequest(tx: Db, interactionId: number): Promise<boolean> {
  const found = await tx.select({ id: followUpContacts.interactionId }).from(followUpContacts).where(eq(followUpContacts.interactionId, interactionId));
  return found.length > 0;
}

function sameReasons(a: readonly CaseReason[], b: readonly CaseReason[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
