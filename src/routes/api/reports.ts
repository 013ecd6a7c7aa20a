import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import type { Ctx } from "../../deps";
import { readsOf } from "../../db/read-pool";
import { ErrorBody } from "../../schemas/common";
import { SummaryQuery, SummaryResponse } from "../../schemas/report";
import { resolveSummaryFilter } from "../../services/summary-filter";
import { validate } from "../../validation";
import type { ApiKeyEnv } from "../../middleware/api-key";

export function reportRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>().get(
    "/reports/summary",
    describeRoute({
      tags: ["Reports"],
      summary: "CSAT, CES, CSI, FCR and response rate per group and period",
      description:
        "Each figure carries its count n and a 95% interval (Wilson for proportions, normal for means). Figures of groups below the minimum count are null with tooFew: true, and n is kept. Periods are whole weeks (Monday), months or quarters in the organisation's time zone: `from` is widened to the start of its period. Responses are counted in the period of their interaction.",
      responses: {
        200: { description: "The summary", content: { "application/json": { schema: resolver(SummaryResponse) } } },
        400: { description: "Malformed query: the parameters that are wrong", content: { "application/json": { schema: resolver(ErrorBody) } } },
        404: { description: "A filter names an unknown code", content: { "application/json": { schema: resolver(ErrorBody) } } },
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
