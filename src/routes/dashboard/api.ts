import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { readsOf } from "../../db/read-pool";
import { SENTIMENTS, TREND_SPLITS } from "../../domain/vocabulary";
import { departmentIdsOf } from "../../db/queries/dashboard/departments";
import { EXPORT_COLUMNS, type ExportCursor } from "../../db/queries/dashboard/export";
import { filterOptions } from "../../db/queries/dashboard/options";
import { liveTargets } from "../../db/queries/dashboard/targets";
import { slaQuery } from "../../db/queries/sla";
import { IsoDate } from "../../schemas/common";
import { requireSession, type SessionEnv } from "../../middleware/session";
import { deleteSession, SESSION_COOKIE, type Session } from "../../services/auth/sessions";
import { validate } from "../../validation";
import { csvLine, toCsv } from "../../domain/csv";
import { SLA_CSV_COLUMNS, SLA_GROUP_BYS, slaCsvRows } from "../../domain/sla";
import { localDate, PERIODS, type Period } from "../../domain/periods";
import { repeatJudging } from "../../domain/repeat-contact";
import { DashboardFilters, defaultRange, lastCompleteRange, resolveScope, resolveStaff, type Scope } from "./filters";
import { followUpsApi } from "./follow-ups";
import { qualityApi } from "./quality";
import { reportPdfApi } from "./report-pdf";
import { actionsApi } from "./actions";
import { settingsApi } from "./settings";

const withoutRole = ({ ownTeamOnly, ...f }: Scope) => (void ownTeamOnly, f);

const SlaFilters = DashboardFilters.and(z.object({ groupBy: z.enum(SLA_GROUP_BYS).default("team") }));

/**
 * The dashboard's JSON API, behind a session. Every handler starts from resolveScope, which
 * applies the viewer's role, so no endpoint can forget it. Chained so its type can be shared
 * with the browser through hono/client.
 */
export function dashboardApi(ctx: Ctx) {
  const { config } = ctx;
  const db = ctx.db.read;
  const min = config.MIN_RESPONSES;
  // Figures come from the report readers: a reader thread on SQLite (off the event loop), the
  // reports' own pool on PostgreSQL; in tests, the database's own reads.
  const reads = readsOf(ctx);
  // Today, for the repeat-contact figures: contacts too recent to judge are left out.
  const judging = () => repeatJudging(ctx.clock.now(), config.TIMEZONE, config.REPEAT_CONTACT_DAYS);
  // Follow-up cases are few (thousands), so SLA figures are read here rather than on the report readers.
  const sla = async (session: Session, q: z.infer<typeof SlaFilters>) => {
    const scope = await resolveScope(ctx, session, q);
    // A manager's department row would hold their own team's cases under the department's name.
    const groupBy = scope.ownTeamOnly ? "team" : q.groupBy;
    const { period, from, to, departmentId, teamId, teamIds, serviceId, channel, themeId, yearStart } = scope;
    return slaQuery(
      db,
      { groupBy, period, from, to, departmentId, teamId, teamIds, serviceId, channel, themeId, yearStart },
      { today: localDate(ctx.clock.now(), config.TIMEZONE), timeZone: config.TIMEZONE, minCount: min, target: config.SLA_TARGET },
    );
  };
  return new Hono<SessionEnv>()
    .use(requireSession(ctx))
    .get("/me", (c) => {
      const { user, csrfToken } = c.var.session;
      return c.json({ email: user.email, role: user.role, teamId: user.teamId, csrfToken, orgName: config.ORG_NAME, minCount: min });
    })
    .post("/logout", async (c) => {
      await deleteSession(ctx, c.var.session.id);
      deleteCookie(c, SESSION_COOKIE, { path: "/dashboard" });
      return c.json({ signedOut: true });
    })
    .get("/options", async (c) => {
      const scope = await resolveScope(ctx, c.var.session, { period: "month" });
      // The range each period shows when the URL names none, so the date boxes can say so.
      const today = localDate(ctx.clock.now(), config.TIMEZONE);
      const yearStart = config.FINANCIAL_YEAR_START;
      const rangesBy = (range: typeof defaultRange) =>
        Object.fromEntries(PERIODS.map((p) => [p, range(today, p, yearStart)])) as Record<Period, { from: string; to: string }>;
      // Views over time show the last few periods; the Overview, the last complete one.
      return c.json({ ...(await filterOptions(db, scope.teamIds)), defaultRanges: rangesBy(defaultRange), overviewRanges: rangesBy(lastCompleteRange) });
    })
    .get("/overview", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, c.req.valid("query"), "lastComplete");
      return c.json(await reads.run("overview", { ...withoutRole(scope), judging: judging() }, min, await liveTargets(db, config.CES_AMBER_MARGIN)));
    })
    .get("/trends", validate("query", DashboardFilters.and(z.object({ split: z.enum(TREND_SPLITS).default("department") }))), async (c) => {
      const q = c.req.valid("query");
      const scope = await resolveScope(ctx, c.var.session, q);
      return c.json(await reads.run("trends", withoutRole(scope), scope.ownTeamOnly && q.split === "department" ? "team" : q.split, min));
    })
    .get("/teams", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, c.req.valid("query"));
      const f = withoutRole(scope);
      const targets = await liveTargets(db, config.CES_AMBER_MARGIN);
      const [departments, teams] = await Promise.all([
        scope.ownTeamOnly ? [] : reads.run("groupTable", f, "department", min, targets),
        reads.run("groupTable", f, "team", min, targets),
      ]);
      return c.json({ from: f.from, to: f.to, minCount: min, departments, teams });
    })
    .get("/teams/:team/staff", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, { ...c.req.valid("query"), team: c.req.param("team") });
      const staff = await reads.run("groupTable", withoutRole(scope), "staff", min, await liveTargets(db, config.CES_AMBER_MARGIN));
      return c.json({ team: c.req.param("team"), minCount: min, staff });
    })
    .get("/staff/:staff", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, c.req.valid("query"));
      const member = await resolveStaff(ctx, scope, c.req.param("staff"));
      return c.json(
        await reads.run("overview", { ...withoutRole(scope), staffId: member.id, judging: judging() }, min, await liveTargets(db, config.CES_AMBER_MARGIN)),
      );
    })
    .get("/themes", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, c.req.valid("query"));
      return c.json(await reads.run("themes", withoutRole(scope), min, config.TIMEZONE, await departmentIdsOf(db, scope)));
    })
    .get(
      "/comments",
      validate(
        "query",
        DashboardFilters.and(
          z.object({
            score: z.coerce.number().int().min(1).max(5).optional(),
            sentiment: z.enum(SENTIMENTS).optional(),
            q: z.string().trim().max(200).optional(),
            page: z.coerce.number().int().min(0).max(10_000).default(0),
          }),
        ),
      ),
      async (c) => {
        const q = c.req.valid("query");
        const scope = await resolveScope(ctx, c.var.session, q);
        return c.json(
          await reads.run(
            "comments",
            { ...withoutRole(scope), score: q.score, sentiment: q.sentiment, search: q.q || undefined, page: q.page },
            config.TIMEZONE,
          ),
        );
      },
    )
    .get("/report/quarterly", validate("query", DashboardFilters.and(z.object({ quarter: IsoDate.optional() }))), async (c) => {
      const q = c.req.valid("query");
      const scope = await resolveScope(ctx, c.var.session, q);
      const { period, from, to, ...rest } = withoutRole(scope);
      void period, void from, void to;
      const slaSettings = { today: localDate(ctx.clock.now(), config.TIMEZONE), timeZone: config.TIMEZONE, target: config.SLA_TARGET };
      return c.json({
        orgName: config.ORG_NAME,
        ...(await reads.run(
          "quarterly",
          { ...rest, judging: judging() },
          q.quarter,
          min,
          await liveTargets(db, config.CES_AMBER_MARGIN),
          await departmentIdsOf(db, scope),
          slaSettings,
        )),
      });
    })
    .get("/sla", validate("query", SlaFilters), async (c) => c.json(await sla(c.var.session, c.req.valid("query"))))
    .get("/export/sla.csv", validate("query", SlaFilters), async (c) => {
      const report = await sla(c.var.session, c.req.valid("query"));
      return c.body(toCsv(SLA_CSV_COLUMNS, slaCsvRows(report)), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="follow-up-sla-${report.from}-to-${report.to}.csv"`,
        "Cache-Control": "no-store",
      });
    })
    .get("/export/responses.csv", validate("query", DashboardFilters), async (c) => {
      const scope = await resolveScope(ctx, c.var.session, c.req.valid("query"));
      const f = withoutRole(scope);
      const encoder = new TextEncoder();
      let cursor: ExportCursor = null;
      // Streamed a batch at a time, each read and turned into CSV by the report readers (off
      // the answering path); the next batch is asked for only once the client has taken this one.
      const body = new ReadableStream<Uint8Array>(
        {
          start(controller) {
            controller.enqueue(encoder.encode(csvLine(EXPORT_COLUMNS)));
          },
          async pull(controller) {
            const batch = await reads.run("exportCsv", f, config.TIMEZONE, cursor);
            cursor = batch.next;
            if (batch.csv) controller.enqueue(encoder.encode(batch.csv));
            if (cursor === null) controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      return c.body(body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="responses-${scope.from}-to-${scope.to}.csv"`,
        "Cache-Control": "no-store",
      });
    })
    .route("/report", reportPdfApi(ctx))
    .route("/settings", settingsApi(ctx))
    .route("/follow-ups", followUpsApi(ctx))
    .route("/quality", qualityApi(ctx))
    .route("/actions", actionsApi(ctx));
}

export type DashboardApi = ReturnType<typeof dashboardApi>;
