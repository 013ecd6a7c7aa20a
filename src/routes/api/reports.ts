import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { Ctx } from "../../deps";
import { readsOf } from "../../db/read-pool";
import { SummaryQuery, SummaryResponse } from "../../schemas/report";
import { resolveSummaryFilter } from "../../services/summary-filter";
import { validate } from "../../validation";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { COMMON_ERRORS, errorResponse, json } from "./openapi-docs";

const figure = (n: number, value: number | null, low: number | null, high: number | null) => ({ n, value, low, high, tooFew: value === null });
const SUMMARY_EXAMPLE: SummaryResponse = {
  period: "month",
  from: "2026-01-01",
  to: "2026-01-31",
  minCount: 10,
  rows: [
    {
      group: { code: "CC-REVENUES", name: "Contact Centre: Revenues Line" },
      periodStart: "2026-01-01",
      periodLabel: "January 2026",
      scores: {
        responses: 212,
        issued: 1240,
        csat: figure(208, 78.4, 72.3, 83.4),
        cesMean: figure(190, 5.6, 5.4, 5.8),
        cesEasy: figure(190, 71.1, 64.3, 77.0),
        csiIndex: figure(201, 74.2, 71.0, 77.4),
        csiNet: figure(201, 41.3, 33.8, 48.8),
        fcr: figure(205, 66.8, 60.1, 72.9),
        responseRate: figure(1240, 17.1, 15.1, 19.3),
      },
    },
  ],
};

export function reportRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().get(
    "/reports/summary",
    describeRoute({
      tags: ["Reports"],
      summary: "CSAT, CES, CSI, FCR and response rate per group and period",
      description:
        "Each figure carries its count n and a 95% interval (Wilson for proportions, normal for means). Figures of groups below the minimum count are null with tooFew: true, and n is kept. Periods are whole weeks (Monday), months or quarters in the organisation's time zone: `from` is widened to the start of its period. Responses are counted in the period of their interaction.",
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
      const report = await readsOf(ctx).run("summary", await resolveSummaryFilter(ctx.db.read, query), ctx.config.MIN_RESPONSES);
      // Integrating systems know things by code; internal ids stay inside.
      const body: SummaryResponse = {
        ...report,
        rows: report.rows.map(({ group, ...row }) => ({ ...row, group: { code: group.code, name: group.name } })),
      };
      return c.json(body);
    },
  );
}
