import { asc, eq } from "drizzle-orm";
import { followUpCaseEvents, followUpCases, followUpContacts, staffMail, teams, users } from "../../src/db/schema";
import { createSession, SESSION_COOKIE } from "../../src/services/auth/sessions";
import type { Config } from "../../src/config";
import { recordResponse, type ContactRequest } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { hashPassword } from "../../src/services/users";
import { createTestApp, seedOrganisation } from "../helpers";

export const PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | undefined;

const USERS = [
  ["admin@council.example", "admin", undefined],
  ["director@council.example", "director", undefined],
  ["manager@council.example", "manager", "CONTACT"],
  ["waste@council.example", "manager", "WASTE"],
] as const;
export type Who = { cookie: string; csrf: string };

/**
 * An organisation with an administrator, a director, the Contact Centre's manager and the Waste
 * team's manager, signed in; and ways to answer, read cases and call the dashboard's case API.
 */
export async function caseSetup(overrides: Partial<Config> = {}, start = "2026-03-02T09:00:00Z") {
  const t = await createTestApp(overrides, start);
  await seedOrganisation(t);
  // Users inserted with one password hash made once per test file, and sessions started
  // directly: scrypt's deliberate cost, paid eight times per test, would dominate the suite.
  // Signing in through the form is tested in test/dashboard.
  const passwordHash = await (hashed ??= hashPassword(PASSWORD));
  const teamIds = new Map((await t.db.read.select({ id: teams.id, code: teams.code }).from(teams)).map((r) => [r.code, r.id]));
  const ids = await t.db.write((tx) =>
    tx
      .insert(users)
      .values(USERS.map(([email, role, team]) => ({ email, role, teamId: team ? teamIds.get(team)! : null, passwordHash, createdAt: t.clock.now() })))
      .returning({ id: users.id }),
  );
  const sessions = new Map<Who, { userId: number; expiresAt: number }>();
  const session = async (i: number): Promise<Who> => {
    const { cookieValue, csrfToken, expiresAt } = await createSession(t.ctx, ids[i]!.id);
    const who = { cookie: `${SESSION_COOKIE}=${cookieValue}`, csrf: csrfToken };
    sessions.set(who, { userId: ids[i]!.id, expiresAt });
    return who;
  };
  /** Tests move the clock on by days: a user whose session has run out signs in again. */
  const fresh = async (who: Who) => {
    const held = sessions.get(who);
    if (held && held.expiresAt <= t.clock.now()) {
      const { cookieValue, csrfToken, expiresAt } = await createSession(t.ctx, held.userId);
      Object.assign(who, { cookie: `${SESSION_COOKIE}=${cookieValue}`, csrf: csrfToken });
      held.expiresAt = expiresAt;
    }
    return who;
  };
  const who = { admin: await session(0), director: await session(1), manager: await session(2), waste: await session(3) };

  type Answer = {
    csat?: number | null;
    ces?: number | null;
    csi?: number | null;
    fcr?: "yes" | "partly" | "no" | null;
    comment?: string | null;
    contactRequest?: ContactRequest | null;
  };
  /** Registers a contact with a team and answers it; returns the interaction id. */
  const answer = async (team: string, a: Answer, externalRef?: string) => {
    const r = await registerInteraction(
      t.ctx,
      { channel: "phone", team, service: "bins", occurredAt: t.clock.now() - 3_600_000, language: "en", externalRef },
      "api",
    );
    await change(r.id, a);
    return r.id;
  };
  const change = (interactionId: number, a: Answer) =>
    recordResponse(t.ctx, {
      interactionId,
      csat: a.csat ?? null,
      ces: a.ces ?? null,
      csi: a.csi ?? null,
      fcr: a.fcr ?? null,
      comment: a.comment ?? null,
      language: "en",
      confirmedVia: "form",
      contactRequest: a.contactRequest ?? null,
    });
  const db = t.db.read;
  const cases = () => db.select().from(followUpCases).orderBy(asc(followUpCases.id));
  const caseOf = async (interactionId: number) => (await db.select().from(followUpCases).where(eq(followUpCases.interactionId, interactionId)))[0];
  const events = (caseId: number) => db.select().from(followUpCaseEvents).where(eq(followUpCaseEvents.caseId, caseId)).orderBy(asc(followUpCaseEvents.id));
  const mails = () => db.select().from(staffMail).orderBy(asc(staffMail.id));
  const contactRows = () => db.select().from(followUpContacts);
  const call = async (user: Who, method: string, path: string, body?: unknown) => (
    await fresh(user),
    t.app.request(`/dashboard/api${path}`, {
      method,
      headers: { Cookie: user.cookie, "X-CSRF-Token": user.csrf, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  );
  return { ...t, who, answer, change, cases, caseOf, events, mails, contactRows, call };
}
