import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../database";
import { followUpCaseEvents, followUpCases, followUpContacts, responseThemes, themes, users } from "../../schema";
import { casesWithResponse } from "./case-list";

/** Who made a change (a subquery: drizzle's aliases do not carry over to PostgreSQL here). */
const actedBy = sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${followUpCaseEvents.userId})`;

/** One case with what its page shows: the response's themes, the contact request, the history, who may own it. */
export async function caseDetail(db: Db, caseId: number) {
  const [row] = await casesWithResponse(db).where(eq(followUpCases.id, caseId));
  if (!row) return undefined;
  const [themeRows, [contact], history, owners] = await Promise.all([
    db
      .select({ name: themes.name })
      .from(responseThemes)
      .innerJoin(themes, eq(themes.id, responseThemes.themeId))
      .where(eq(responseThemes.responseId, row.responseId))
      .orderBy(asc(themes.name)),
    db.select().from(followUpContacts).where(eq(followUpContacts.interactionId, row.interactionId)),
    db
      .select({
        id: followUpCaseEvents.id,
        kind: followUpCaseEvents.kind,
        at: followUpCaseEvents.at,
        user: actedBy,
        note: followUpCaseEvents.note,
        detail: followUpCaseEvents.detail,
      })
      .from(followUpCaseEvents)
      .where(eq(followUpCaseEvents.caseId, caseId))
      .orderBy(asc(followUpCaseEvents.at), asc(followUpCaseEvents.id)),
    db
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(and(isNull(users.disabledAt), or(inArray(users.role, ["director", "admin"]), and(eq(users.role, "manager"), eq(users.teamId, row.teamId)))))
      .orderBy(asc(users.email)),
  ]);
  const ids = [row.acknowledgedById, row.respondedById, row.closedById].filter((id): id is number => typeof id === "number");
  const emails = new Map(
    ids.length === 0
      ? []
      : (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.email] as const),
  );
  const emailOf = (id: number | null | undefined) => (id == null ? null : (emails.get(id) ?? null));
  return {
    row,
    by: { acknowledgedBy: emailOf(row.acknowledgedById), respondedBy: emailOf(row.respondedById), closedBy: emailOf(row.closedById) },
    themes: themeRows.map((t) => t.name),
    contact: contact ? { email: contact.email, phone: contact.phone, message: contact.message, consentText: contact.consentText } : null,
    history,
    owners,
  };
}
