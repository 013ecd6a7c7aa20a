import { Hono } from "hono";
import type { Ctx } from "../../deps";
import { caseDetail } from "../../db/queries/follow-ups/case-detail";
import { caseList } from "../../db/queries/follow-ups/case-list";
import { localDate, zonedMidnight } from "../../domain/periods";
import { ForbiddenError, NotFoundError } from "../../errors";
import { CaseIdParam, ClearBody, StepParam, DashboardCaseListQuery, NoteBody, OwnerBody, StepBody } from "../../schemas/follow-ups";
import type { SessionEnv } from "../../middleware/session";
import type { SessionUser } from "../../services/auth/sessions";
import { addCaseNote } from "../../services/follow-ups/add-case-note";
import { assignCase } from "../../services/follow-ups/assign-case";
import { actorTeamIds, mayActOn, type CaseActor } from "../../services/follow-ups/case-actor";
import { clearSafeguardingConcern } from "../../services/follow-ups/clear-concern";
import { presentCase } from "../present-case";
import { takeCaseStep } from "../../services/follow-ups/take-step";
import { findTeam } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";
import { validate } from "../../validation";
import { nextDay } from "../../db/queries/dashboard/where";

const asActor = (user: SessionUser): CaseActor => ({ kind: "user", user });

/**
 * Follow-up cases on the dashboard. Every role reads the cases in its scope (a manager, their
 * own team's) and works them; the customer's contact details show only to the case's owner,
 * directors and administrators.
 */
export function followUpsApi(ctx: Ctx) {
  const { config } = ctx;
  const today = () => localDate(ctx.clock.now(), config.TIMEZONE);
  const present = (row: Parameters<typeof presentCase>[0]) => presentCase(row, today(), config.TIMEZONE, config.WORKING_DAYS_CALENDAR);

  async function detail(user: SessionUser, id: number) {
    const found = await caseDetail(ctx.db.read, id);
    if (!found) throw new NotFoundError(`No follow-up case ${id}.`);
    if (!mayActOn(asActor(user), found.row.teamId)) throw new ForbiddenError("Managers can see their own team's cases only.");
    const seesContact = user.role !== "manager" || found.row.ownerId === user.id;
    return {
      case: { ...present(found.row), ...found.by },
      response: { occurredAt: new Date(found.row.occurredAt).toISOString(), language: found.row.language, themes: found.themes },
      contact: seesContact ? found.contact : null,
      contactHidden: !seesContact && found.contact !== null,
      history: found.history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })),
      owners: found.owners,
      can: { act: true, assign: true, clear: found.row.reasons.some((r) => r.rule === "safeguarding") && found.row.clearedAt === null },
    };
  }

  return (
    new Hono<SessionEnv>()
      .get("/", validate("query", DashboardCaseListQuery), async (c) => {
        const q = c.req.valid("query");
        const { user } = c.var.session;
        const team = q.team ? requireFound(await findTeam(ctx.db.read, q.team), "team", q.team) : undefined;
        const teamIds = actorTeamIds(asActor(user));
        if (team && teamIds && !teamIds.includes(team.id)) throw new ForbiddenError("Managers can see their own team's cases only.");
        const list = await caseList(
          ctx.db.read,
          {
            status: q.status,
            priority: q.priority,
            teamIds,
            teamId: team?.id,
            ownerId: q.owner === "me" ? user.id : q.owner === "none" ? null : q.owner,
            overdue: q.overdue,
            openedFrom: q.from ? zonedMidnight(q.from, config.TIMEZONE) : undefined,
            openedBefore: q.to ? zonedMidnight(nextDay(q.to), config.TIMEZONE) : undefined,
            sort: q.sort,
            page: q.page,
          },
          today(),
        );
        return c.json({ items: list.items.map(present), total: list.total, page: q.page, pageSize: list.pageSize, counts: list.counts });
      })
      .get("/:id", validate("param", CaseIdParam), async (c) => c.json(await detail(c.var.session.user, c.req.valid("param").id)))
      .post("/:id/notes", validate("param", CaseIdParam), validate("json", NoteBody), async (c) => {
        const { user } = c.var.session;
        const { id } = c.req.valid("param");
        await addCaseNote(ctx, id, c.req.valid("json").note, asActor(user));
        return c.json({ history: (await detail(user, id)).history }, 201);
      })
      .put("/:id/owner", validate("param", CaseIdParam), validate("json", OwnerBody), async (c) => {
        const { user } = c.var.session;
        const { id } = c.req.valid("param");
        await assignCase(ctx, id, c.req.valid("json").userId, asActor(user));
        const { case: updated, history } = await detail(user, id);
        return c.json({ case: updated, history });
      })
      .post("/:id/not-a-concern", validate("param", CaseIdParam), validate("json", ClearBody), async (c) => {
        const { user } = c.var.session;
        const { id } = c.req.valid("param");
        await clearSafeguardingConcern(ctx, id, c.req.valid("json").reason, asActor(user));
        const { case: updated, history } = await detail(user, id);
        return c.json({ case: updated, history });
      })
      // After /notes and /not-a-concern, which answer first: acknowledge, respond, close.
      .post("/:id/:step", validate("param", StepParam), validate("json", StepBody), async (c) => {
        const { user } = c.var.session;
        const { id, step } = c.req.valid("param");
        await takeCaseStep(ctx, id, step, c.req.valid("json").note || null, asActor(user));
        const { case: updated, history } = await detail(user, id);
        return c.json({ case: updated, history });
      })
  );
}
