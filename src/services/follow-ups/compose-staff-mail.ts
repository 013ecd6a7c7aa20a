import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { followUpCases, type staffMail, teams, users } from "../../db/schema";
import { localDate } from "../../domain/periods";
import { staffMailContent, type CaseLine } from "../../mail/templates/staff";
import type { OutgoingMail } from "../../mail/transport";

export type StaffMailRow = typeof staffMail.$inferSelect;

export type ComposedStaffMail = { send: true; mail: OutgoingMail } | { send: false; reason: string };

/**
 * Builds a staff email from the case as it is when sent, not as it was when queued: an
 * escalation for a case acknowledged in the meantime, or a reminder with nothing left in it,
 * is cancelled instead.
 */
export async function composeStaffMail(ctx: Ctx, row: StaffMailRow, now: number): Promise<ComposedStaffMail> {
  const { config } = ctx;
  const db = ctx.db.read;
  const dashboard = `${config.PUBLIC_BASE_URL}/dashboard/follow-up`;
  const caseLink = (id: number) => `${dashboard}/${id}`;
  const today = localDate(now, config.TIMEZONE);
  const theCase = async () => {
    if (row.caseId === null) return undefined;
    const [found] = await db
      .select({
        id: followUpCases.id,
        status: followUpCases.status,
        team: teams.name,
        openedAt: followUpCases.openedAt,
        acknowledgeBy: followUpCases.acknowledgeBy,
        respondBy: followUpCases.respondBy,
        ownerId: followUpCases.ownerId,
      })
      .from(followUpCases)
      .innerJoin(teams, eq(teams.id, followUpCases.teamId))
      .where(eq(followUpCases.id, row.caseId));
    return found;
  };
  const recipient = async () => {
    if (row.userId === null) return undefined;
    const [user] = await db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.id, row.userId), isNull(users.disabledAt)));
    return user?.email;
  };

  if (row.kind === "safeguarding") {
    const found = await theCase();
    if (!found) return { send: false, reason: "no such case" };
    if (!config.SAFEGUARDING_EMAIL) return { send: false, reason: "SAFEGUARDING_EMAIL is not set" };
    const openedAt = new Intl.DateTimeFormat("en-GB", { timeZone: config.TIMEZONE, dateStyle: "long", timeStyle: "short" }).format(found.openedAt);
    const content = staffMailContent({
      kind: "safeguarding",
      orgName: config.ORG_NAME,
      caseId: found.id,
      team: found.team,
      openedAt,
      link: caseLink(found.id),
    });
    return { send: true, mail: { to: config.SAFEGUARDING_EMAIL.join(", "), ...content, headers: { Importance: "high", "X-Priority": "1" } } };
  }

  const to = await recipient();
  if (!to) return { send: false, reason: "the recipient is no longer an active user" };

  if (row.kind === "escalation") {
    const found = await theCase();
    if (!found) return { send: false, reason: "no such case" };
    const step = found.status === "open" ? "acknowledge" : found.status === "acknowledged" ? "respond" : null;
    const due = step === "acknowledge" ? found.acknowledgeBy : found.respondBy;
    if (step === null || due >= today) return { send: false, reason: "the case is no longer overdue" };
    const [owner] = found.ownerId === null ? [] : await db.select({ email: users.email }).from(users).where(eq(users.id, found.ownerId));
    const content = staffMailContent({
      kind: "escalation",
      orgName: config.ORG_NAME,
      caseId: found.id,
      team: found.team,
      owner: owner?.email ?? null,
      step,
      due,
      link: caseLink(found.id),
    });
    return { send: true, mail: { to, ...content } };
  }

  // case_reminder: the owner's cases due today or overdue, as they stand now.
  const due = await db
    .select({
      id: followUpCases.id,
      status: followUpCases.status,
      priority: followUpCases.priority,
      team: teams.name,
      acknowledgeBy: followUpCases.acknowledgeBy,
      respondBy: followUpCases.respondBy,
    })
    .from(followUpCases)
    .innerJoin(teams, eq(teams.id, followUpCases.teamId))
    .where(and(eq(followUpCases.ownerId, row.userId!), inArray(followUpCases.status, ["open", "acknowledged"])))
    .orderBy(asc(followUpCases.id));
  const cases: CaseLine[] = due.flatMap((c) => {
    const step = c.status === "open" ? ("acknowledge" as const) : ("respond" as const);
    const date = step === "acknowledge" ? c.acknowledgeBy : c.respondBy;
    return date <= today ? [{ id: c.id, team: c.team, priority: c.priority, due: date, overdue: date < today, step }] : [];
  });
  if (cases.length === 0) return { send: false, reason: "nothing due" };
  cases.sort((a, b) => Number(b.priority === "urgent") - Number(a.priority === "urgent") || a.due.localeCompare(b.due) || a.id - b.id);
  const content = staffMailContent({ kind: "case_reminder", orgName: config.ORG_NAME, today, cases, link: `${dashboard}?owner=me`, caseLink });
  return { send: true, mail: { to, ...content } };
}
