import { asc, eq } from "drizzle-orm";
import { DAY } from "../../src/clock";
import type { Config } from "../../src/config";
import { followUpCases, interactions, qaSampleItems, qaSamples, responses, services, staff, teams } from "../../src/db/schema";
import type { hc, InferResponseType } from "hono/client";
import type { DashboardApi } from "../../src/routes/dashboard/api";
import { caseSetup } from "../follow-ups/setup";

type Quality = ReturnType<typeof hc<DashboardApi>>["quality"];
/** The Quality API's answers, from its routes' own types. */
export type Summary = InferResponseType<Quality["$get"], 200>;
export type ItemList = InferResponseType<Quality["items"]["$get"], 200>;
export type ItemDetail = InferResponseType<Quality["items"][":id"]["$get"], 200>;
export type Standards = InferResponseType<Quality["standards"]["$get"], 200>;
export type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

export type Channel = "phone" | "email" | "face_to_face" | "web_chat" | "letter";

/**
 * The follow-up cases' organisation and signed-in users (an administrator, a director, the
 * Contact Centre's manager and the Waste team's), with quick ways to put a month's contacts and
 * closed cases in place. Rows are inserted directly: what is tested is the sample drawn from them.
 * The clock starts on Monday 2 March 2026, the first working day of March: February is due.
 */
export async function qualitySetup(overrides: Partial<Config> = {}, start = "2026-03-02T09:00:00Z") {
  const t = await caseSetup(overrides, start);
  const db = t.db.read;
  const teamIds = new Map((await db.select({ id: teams.id, code: teams.code }).from(teams)).map((r) => [r.code, r.id]));
  const teamId = (code: string) => teamIds.get(code)!;
  const staffIds = new Map((await db.select({ id: staff.id, code: staff.code }).from(staff)).map((r) => [r.code, r.id]));
  const [service] = await db.select({ id: services.id }).from(services).where(eq(services.code, "council-tax"));

  /** A staff member of a team (alice is the Contact Centre's and bob the Waste team's already). */
  const addStaff = async (code: string, team: string) => {
    const [row] = await t.db.write((tx) =>
      tx
        .insert(staff)
        .values({ code, name: code[0]!.toUpperCase() + code.slice(1), teamId: teamId(team), createdAt: t.clock.now() })
        .returning({ id: staff.id }),
    );
    staffIds.set(code, row!.id);
    return row!.id;
  };

  /** Contacts of a staff member (or of a team without one) at an instant, one per channel given. */
  const addContacts = async (who: { staff?: string; team: string }, at: string, channels: readonly Channel[], externalRef?: (i: number) => string) => {
    if (channels.length === 0) return [];
    const occurredAt = Date.parse(at);
    const rows = await t.db.write((tx) =>
      tx
        .insert(interactions)
        .values(
          channels.map((channel, i) => ({
            channel,
            teamId: teamId(who.team),
            staffId: who.staff ? staffIds.get(who.staff)! : null,
            serviceId: service!.id,
            occurredAt: occurredAt + i * 60_000,
            externalRef: externalRef?.(i) ?? null,
            source: "api" as const,
            createdAt: occurredAt,
          })),
        )
        .returning({ id: interactions.id }),
    );
    return rows.map((r) => r.id);
  };

  /** A follow-up case on a contact of the team, answered with CSAT 1, closed at `closedAt` (or still open). */
  const addCase = async (team: string, closedAt: string | null, staffCode?: string) => {
    const openedAt = (closedAt ? Date.parse(closedAt) : t.clock.now()) - 3 * DAY;
    const [interactionId] = await addContacts({ team, staff: staffCode }, new Date(openedAt).toISOString(), ["phone"]);
    return t.db.write(async (tx) => {
      const [response] = await tx
        .insert(responses)
        .values({
          interactionId: interactionId!,
          teamId: teamId(team),
          channel: "phone",
          occurredAt: openedAt,
          csat: 1,
          comment: "Nobody rang me back",
          commented: 1,
          language: "en",
          confirmedVia: "form",
          createdAt: openedAt,
          updatedAt: openedAt,
        })
        .returning({ id: responses.id });
      const [c] = await tx
        .insert(followUpCases)
        .values({
          responseId: response!.id,
          interactionId: interactionId!,
          teamId: teamId(team),
          status: closedAt ? "closed" : "open",
          priority: "normal",
          reasons: [{ rule: "low_csat", words: [] }],
          openedAt,
          acknowledgeBy: "2026-01-01",
          respondBy: "2026-01-01",
          closedAt: closedAt ? Date.parse(closedAt) : null,
          updatedAt: openedAt,
        })
        .returning({ id: followUpCases.id });
      return c!.id;
    });
  };

  /** The stored items of a month's sample, in id order. */
  const items = async (month: string) =>
    db
      .select({
        id: qaSampleItems.id,
        kind: qaSampleItems.kind,
        interactionId: qaSampleItems.interactionId,
        caseId: qaSampleItems.caseId,
        staffId: qaSampleItems.staffId,
        teamId: qaSampleItems.teamId,
        channel: qaSampleItems.channel,
      })
      .from(qaSampleItems)
      .innerJoin(qaSamples, eq(qaSamples.id, qaSampleItems.sampleId))
      .where(eq(qaSamples.month, month))
      .orderBy(asc(qaSampleItems.id));
  /** An answer's status and its JSON, typed as the route's answer (an error body when it is not 2xx). */
  const json = async <T>(res: Response | Promise<Response>) => {
    const r = await res;
    return { status: r.status, body: (await r.json()) as T };
  };
  return { ...t, teamId, staffIds, addStaff, addContacts, addCase, items, json };
}

export type QualityTest = Awaited<ReturnType<typeof qualitySetup>>;
