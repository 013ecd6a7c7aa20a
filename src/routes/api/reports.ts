import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { readsOf } from "../../db/read-pool";
import { slaQuery } from "../../db/queries/sla";
import { localDate, PERIODS } from "../../domain/periods";
import { repeatJudging } from "../../domain/repeat-contact";
import { SLA_GROUP_BYS, slaFigures, type SlaFigures, type SlaPeriod } from "../../domain/sla";
import { Code, IsoDate } from "../../schemas/common";
import { SummaryQuery, SummaryResponse } from "../../schemas/report";
import { findDepartment, findTeam } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";
import { resolveSummaryFilter } from "../../services/summary-filter";
import { validate } from "../../validation";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { COMMON_ERRORS, errorResponse, json } from "./openapi-docs";

const figure = (n: number, value: number | null, low: number | null, high: number | null) => ({
  n,
  value,
  low,
  high,
  tooFew: value === null,
  status: value === null ? ("tooFew" as const) : ("ok" as const),
});
const SUMMARY_EXAMPLE: SummaryResponse = {
  period: "month",
  from: "2026-01-01",
  to: "2026-01-31",
  minCount: 10,
  rows: [
    {
      group: { code: "CC-REVENUES", name: "Contact Centre: Revenues Line" },
      periodStart: "2026-01-01",
      periodLabel: "2026-01",
      partial: false,
      scores: {
        responses: 212,
        issued: 1240,
        answered: 212,
        withoutToken: 0,
        csat: figure(208, 78.4, 72.3, 83.4),
        cesMean: figure(190, 5.6, 5.4, 5.8),
        cesEasy: figure(190, 71.1, 64.3, 77.0),
        csiIndex: figure(201, 74.2, 71.0, 77.4),
        csiNet: figure(201, 41.3, 33.8, 48.8),
        fcr: figure(205, 66.8, 60.1, 72.9),
        responseRate: figure(1240, 17.1, 15.1, 19.3),
        fcrObserved: figure(610, 71.5, 67.8, 74.9),
        contactsPerRequest: figure(610, 1.26, 1.21, 1.32),
        sentimentPositive: figure(96, 41.7, 32.3, 51.7),
        sentimentNegative: figure(96, 33.3, 24.7, 43.2),
        sentimentNet: figure(96, 8.3, -7.0, 23.7),
      },
    },
  ],
};

export const SlaQuery = z
  .strictObject({
    groupBy: z.enum(SLA_GROUP_BYS).default("team"),
    period: z.enum(PERIODS).default("month"),
    from: IsoDate,
    to: IsoDate,
    department: Code.optional(),
    team: Code.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, { path: ["to"], message: "at most five years per request" });
export type SlaQuery = z.infer<typeof SlaQuery>;

const SlaFigure = z.object({
  n: z.number().int().describe("Cases that can be judged: the step was taken, or its due date has passed"),
  value: z.number().nullable().describe("Percentage taken in time; null below the minimum count"),
  low: z.number().nullable(),
  high: z.number().nullable(),
  tooFew: z.boolean(),
  status: z.enum(["green", "amber", "red"]).nullable().describe("Against the target: green meets it, amber is within 5 points, red is further below"),
});
const SlaFigures = {
  acknowledgedInTime: SlaFigure,
  respondedInTime: SlaFigure,
  opened: z.number().int().describe("Cases opened"),
  open: z.number().int().describe("Of those, not closed now"),
  overdue: z.number().int().describe("Of those, the ones whose next step (acknowledge while open, respond once acknowledged) is past its due date today"),
};
const SlaSeries = z.object({
  periods: z.array(z.object({ period: z.string(), from: z.string(), to: z.string(), partial: z.boolean(), ...SlaFigures })),
  overall: z.object(SlaFigures),
});

/** SLA compliance as the API answers it: groups by code. */
export const SlaResponse = z.object({
  from: z.string(),
  to: z.string(),
  period: z.enum(PERIODS),
  groupBy: z.enum(SLA_GROUP_BYS),
  target: z.number().describe("The share to meet, as a percentage"),
  minCount: z.number().int(),
  groups: z.array(SlaSeries.extend({ code: z.string(), name: z.string() })),
  total: SlaSeries,
});
export type SlaResponse = z.infer<typeof SlaResponse>;

// Worked out by the domain, so the example's intervals and colours are the real ones.
const SLA_FIGURES_EXAMPLE: SlaFigures = slaFigures(
  { ackN: 42, ackInTime: 40, respN: 38, respInTime: 33, opened: 45, open: 9, overdue: 2 },
  { minCount: 10, target: 0.95 },
);
const SLA_PERIOD_EXAMPLE: SlaPeriod = { period: "2026-01", from: "2026-01-01", to: "2026-01-31", partial: false, ...SLA_FIGURES_EXAMPLE };
const SLA_EXAMPLE: SlaResponse = {
  from: "2026-01-01",
  to: "2026-01-31",
  period: "month",
  groupBy: "team",
  target: 95,
  minCount: 10,
  groups: [{ code: "CC-REVENUES", name: "Contact Centre: Revenues Line", periods: [SLA_PERIOD_EXAMPLE], overall: SLA_FIGURES_EXAMPLE }],
  total: { periods: [SLA_PERIOD_EXAMPLE], overall: SLA_FIGURES_EXAMPLE },
};

export function reportRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>()
    .get(
      "/reports/summary",
      describeRoute({
        tags: ["Reports"],
        summary: "CSAT, CES, CSI, FCR and response rate per group and period",
        description:
          "Each figure carries its count n, a 95% interval (Wilson for proportions, Student's t for means, widened on bounded scales so that it never has zero width) and a status: ok, tooFew (below the minimum count: value null, n kept) or notApplicable (the response rate and the repeat-contact figures per theme). Periods are whole weeks (Monday), months, financial quarters or financial years (FINANCIAL_YEAR_START; labels like 2026/27 Q3) in the organisation's time zone: `from` and `to` in the answer are the dates counted (whole periods, no later than today), and a row's period holding today is partial. Responses are counted in the period of their interaction. The response rate is answers to survey tokens over tokens issued; answers without a token (imported history) are withoutToken. " +
          "fcrObserved and contactsPerRequest come from the contacts themselves, not from answers: n is the contacts by a known customer (customer.key, else email, else phone) about a named service, old enough to judge (a contact counts from the day after the REPEAT_CONTACT_DAYS window after it closes). fcrObserved is the share of them that no contact by the same customer about the same service followed within that window; contactsPerRequest (NI 14) is those contacts divided by the requests among them, a chain of repeat contacts being one request. Theme groups have neither.",
        responses: {
          200: { description: "The summary", content: json(SummaryResponse, SUMMARY_EXAMPLE) },
          ...COMMON_ERRORS,
          400: { ...COMMON_ERRORS[400], description: "Malformed query: the parameters that are wrong" },
          404: errorResponse("A filter names an unknown code", "not_found", "Unknown team 'NOPE'."),
        },
      }),
      validate("query", SummaryQuery),
      async (c) => {
        const query = c.req.valid("query");
        const { clock, config } = ctx;
        const today = localDate(clock.now(), config.TIMEZONE);
        const filter = {
          ...(await resolveSummaryFilter(ctx.db.read, query)),
          yearStart: config.FINANCIAL_YEAR_START,
          today,
          judging: repeatJudging(clock.now(), config.TIMEZONE, config.REPEAT_CONTACT_DAYS),
        };
        const report = await readsOf(ctx).run("summary", filter, config.MIN_RESPONSES);
        // Integrating systems know things by code; internal ids stay inside.
        const body: SummaryResponse = {
          ...report,
          rows: report.rows.map(({ group, ...row }) => ({ ...row, group: { code: group.code, name: group.name } })),
        };
        return c.json(body);
      },
    )
    .get(
      "/reports/sla",
      describeRoute({
        tags: ["Reports"],
        summary: "Follow-up cases acknowledged and responded to in time, per group and period",
        description:
          "Cases are counted in the week (Monday), month or quarter of the local date they opened, in the organisation's time zone; `from` is widened to the start of its period. acknowledgedInTime is the share, of cases acknowledged or past their acknowledge-by date today, acknowledged on or before that date; a case responded to or closed without an acknowledgement counts as acknowledged then. respondedInTime is the same for the respond-by date (a closure without a response counts as the response). Cases not yet due and not yet done are not judged. Each share carries n and a Wilson 95% interval; below the minimum count its value is null with tooFew: true. target is SLA_TARGET as a percentage. total covers every case in scope.",
        responses: {
          200: { description: "SLA compliance", content: json(SlaResponse, SLA_EXAMPLE) },
          ...COMMON_ERRORS,
          400: { ...COMMON_ERRORS[400], description: "Malformed query: the parameters that are wrong" },
          404: errorResponse("A filter names an unknown code", "not_found", "No team with code 'NOPE'."),
        },
      }),
      validate("query", SlaQuery),
      async (c) => {
        const q = c.req.valid("query");
        const db = ctx.db.read;
        const department = q.department === undefined ? undefined : requireFound(await findDepartment(db, q.department), "department", q.department);
        const team = q.team === undefined ? undefined : requireFound(await findTeam(db, q.team), "team", q.team);
        const { config } = ctx;
        const report = await slaQuery(
          db,
          {
            groupBy: q.groupBy,
            period: q.period,
            from: q.from,
            to: q.to,
            departmentId: department?.id,
            teamId: team?.id,
            yearStart: config.FINANCIAL_YEAR_START,
          },
          { today: localDate(ctx.clock.now(), config.TIMEZONE), timeZone: config.TIMEZONE, minCount: config.MIN_RESPONSES, target: config.SLA_TARGET },
        );
        const body: SlaResponse = { ...report, groupBy: q.groupBy, groups: report.groups.map(({ id, ...group }) => (void id, group)) };
        return c.json(body);
      },
    );
}
