import { Hono, type MiddlewareHandler } from "hono";
import type { Ctx } from "../../deps";
import { itemDetail } from "../../db/queries/quality/item-detail";
import { itemList } from "../../db/queries/quality/items";
import { sampleByMonth, sampleMonths } from "../../db/queries/quality/samples";
import type { QaScope } from "../../db/queries/quality/scope";
import { listStandards } from "../../db/queries/quality/standards";
import { sampleProgress, scoreCounts, staffProgress } from "../../db/queries/quality/summary";
import { localDate } from "../../domain/periods";
import { emptyQaTally, isQaItemKind, isQaScore, qaFigure, qaFigures, qaProgress, type QaItemKind } from "../../domain/quality";
import { firstWorkingDayOf, monthAfter, monthBefore, monthOf } from "../../domain/quality-sample";
import { NotFoundError } from "../../errors";
import {
  DrawBody,
  QualityItemParam,
  QualityItemsQuery,
  QualityQuery,
  ReviewBody,
  StandardBody,
  StandardOrder,
  StandardParam,
  StandardPatch,
} from "../../schemas/quality";
import type { SessionEnv } from "../../middleware/session";
import type { SessionUser } from "../../services/auth/sessions";
import { drawQualitySample } from "../../services/quality/draw-sample";
import { reviewItem } from "../../services/quality/review-item";
import { qualityScope, requireReviewer } from "../../services/quality/scope";
import { addDefaultStandards, addStandard, reorderStandards, updateStandard, type QaStandard } from "../../services/quality/standards";
import { validate } from "../../validation";
import { requireRole } from "./filters";

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const kindOf = (v: string): QaItemKind => (isQaItemKind(v) ? v : "interaction");
const presentStandard = (s: QaStandard) => ({ id: s.id, text: s.text, position: s.position, retired: s.retiredAt !== null });

/**
 * The monthly quality sample on the dashboard: the month's progress and figures, its items, one
 * item's review, the draw (administrators) and the standards (administrators change them, every
 * role reads them). Every role reviews the items in its scope: a manager, their own team's.
 */
export function qualityApi(ctx: Ctx) {
  const { config } = ctx;
  const db = ctx.db.read;
  const lastMonth = () => monthBefore(monthOf(localDate(ctx.clock.now(), config.TIMEZONE)));

  async function summary(month: string, scope: QaScope) {
    const sample = await sampleByMonth(db, month);
    if (!sample) return null;
    const [progress, staff, counts, standards] = await Promise.all([
      sampleProgress(db, sample.id, scope),
      staffProgress(db, sample.id, scope),
      scoreCounts(db, sample.id, scope),
      listStandards(db),
    ]);
    const figures = qaFigures(counts);
    const none = { interaction: qaFigure(emptyQaTally()), case: qaFigure(emptyQaTally()) };
    const { total, teams } = qaProgress(progress);
    const teamNames = new Map(teams.map((t) => [t.teamId, t.name]));
    return {
      drawnAt: iso(sample.drawnAt),
      seed: sample.seed,
      progress: total,
      overall: figures.overall,
      // Retired standards still show where this month's reviews scored them.
      standards: standards
        .filter((s) => s.retiredAt === null || figures.standards.has(s.id))
        .map((s) => ({ ...presentStandard(s), figures: figures.standards.get(s.id) ?? none })),
      teams: teams.map(({ teamId, ...t }) => ({ ...t, figures: figures.teams.get(teamId) ?? none })),
      staff: staff.map((s) => ({
        code: s.code,
        name: s.name,
        team: teamNames.get(s.teamId) ?? "",
        items: s.items,
        reviewed: s.reviewed,
        figure: figures.staff.get(s.staffId) ?? qaFigure(emptyQaTally()),
      })),
    };
  }

  async function detail(user: SessionUser, id: number) {
    const found = await itemDetail(db, id);
    if (!found) throw new NotFoundError(`No sampled item ${id}.`);
    requireReviewer(user, found.item.teamId);
    const { item } = found;
    const scored = new Set(found.scores.map((s) => s.standardId));
    const standards = (await listStandards(db)).filter((s) => s.retiredAt === null || scored.has(s.id));
    return {
      item: {
        id: item.id,
        month: found.month,
        kind: kindOf(item.kind),
        caseId: item.caseId,
        channel: item.channel,
        team: { code: item.teamCode, name: item.teamName },
        staff: item.staffName,
        service: item.service,
        occurredAt: iso(item.occurredAt),
        externalRef: item.externalRef,
      },
      response: found.response,
      followUp: found.followUp && { ...found.followUp, openedAt: iso(found.followUp.openedAt), closedAt: isoOrNull(found.followUp.closedAt) },
      history: found.history.map((h) => ({ ...h, at: iso(h.at) })),
      standards: standards.map(presentStandard),
      scores: found.scores.flatMap((s) => (isQaScore(s.score) ? [{ standardId: s.standardId, score: s.score }] : [])),
      review: item.reviewedAt === null ? null : { reviewer: item.reviewer, reviewedAt: iso(item.reviewedAt), comment: item.comment },
    };
  }

  // Before any validation: a manager or director gets 403 whatever they sent.
  const adminOnly: MiddlewareHandler<SessionEnv> = async (c, next) => {
    requireRole(c.var.session, "admin");
    await next();
  };

  return new Hono<SessionEnv>()
    .get("/", validate("query", QualityQuery), async (c) => {
      const q = c.req.valid("query");
      const { user } = c.var.session;
      const scope = await qualityScope(db, user, q.team);
      const months = await sampleMonths(db, scope);
      const month = q.month ?? months[0]?.month ?? lastMonth();
      return c.json({
        month,
        lastMonth: lastMonth(),
        // When the platform draws this month's sample by itself (a month not over has none yet).
        drawsOn: firstWorkingDayOf(monthAfter(month), config.WORKING_DAYS_CALENDAR),
        months: months.map((m) => ({ ...m, drawnAt: iso(m.drawnAt) })),
        sample: await summary(month, scope),
        sizes: { perStaff: config.QA_SAMPLE_PER_STAFF, casesPerDepartment: config.QA_SAMPLE_CASES },
        can: { draw: user.role === "admin", manageStandards: user.role === "admin" },
      });
    })
    .get("/items", validate("query", QualityItemsQuery), async (c) => {
      const q = c.req.valid("query");
      const scope = await qualityScope(db, c.var.session.user, q.team);
      const sample = await sampleByMonth(db, q.month);
      const reviewed = q.status === undefined ? undefined : q.status === "reviewed";
      const list = sample ? await itemList(db, sample.id, { ...scope, kind: q.kind, reviewed, page: q.page }) : { items: [], total: 0, pageSize: 0 };
      return c.json({
        month: q.month,
        page: q.page,
        total: list.total,
        pageSize: list.pageSize,
        items: list.items.map((i) => ({
          id: i.id,
          kind: kindOf(i.kind),
          caseId: i.caseId,
          channel: i.channel,
          team: { code: i.teamCode, name: i.teamName },
          staff: i.staffName,
          service: i.service,
          occurredAt: iso(i.occurredAt),
          reviewedAt: isoOrNull(i.reviewedAt),
          reviewer: i.reviewer,
        })),
      });
    })
    .get("/items/:id", validate("param", QualityItemParam), async (c) => c.json(await detail(c.var.session.user, c.req.valid("param").id)))
    .put("/items/:id/review", validate("param", QualityItemParam), validate("json", ReviewBody), async (c) => {
      const { user } = c.var.session;
      const { id } = c.req.valid("param");
      await reviewItem(ctx, id, c.req.valid("json"), user);
      return c.json(await detail(user, id));
    })
    .post("/samples", adminOnly, validate("json", DrawBody), async (c) => {
      const drawn = await drawQualitySample(ctx, c.req.valid("json").month);
      return c.json({ ...drawn, drawnAt: iso(drawn.drawnAt) }, 201);
    })
    .get("/standards", async (c) => c.json({ items: (await listStandards(db)).map(presentStandard) }))
    .post("/standards", adminOnly, validate("json", StandardBody), async (c) => c.json(presentStandard(await addStandard(ctx, c.req.valid("json").text)), 201))
    .post("/standards/defaults", adminOnly, async (c) => c.json({ added: await addDefaultStandards(ctx) }, 201))
    .put("/standards/order", adminOnly, validate("json", StandardOrder), async (c) => {
      await reorderStandards(ctx, c.req.valid("json").ids);
      return c.json({ items: (await listStandards(db)).map(presentStandard) });
    })
    .patch("/standards/:id", adminOnly, validate("param", StandardParam), validate("json", StandardPatch), async (c) =>
      c.json(presentStandard(await updateStandard(ctx, c.req.valid("param").id, c.req.valid("json")))),
    );
}
