import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { caseList, caseRow, type CaseRow } from "../../db/queries/follow-ups/case-list";
import { CASE_PRIORITIES, CASE_RULES, CASE_STATUSES } from "../../domain/cases";
import { localDate, zonedMidnight } from "../../domain/periods";
import { nextDay } from "../../db/queries/dashboard/where";
import { NotFoundError } from "../../errors";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { Fcr } from "../../schemas/common";
import { CaseIdParam, CaseListQuery, StepBody } from "../../schemas/follow-ups";
import type { CaseActor } from "../../services/follow-ups/case-actor";
import { presentCase } from "../present-case";
import { takeCaseStep } from "../../services/follow-ups/take-step";
import { findTeam } from "../../db/queries/lookups";
import { requireFound } from "../../domain/references";
import { validate } from "../../validation";
import { COMMON_ERRORS, errorResponse, json } from "./openapi-docs";

const FollowUpCase = z.object({
  id: z.number().int(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  reasons: z.array(z.object({ rule: z.enum(CASE_RULES), words: z.array(z.string()) })),
  openedAt: z.string().describe("ISO timestamp"),
  acknowledgeBy: z.string().describe("YYYY-MM-DD, in the organisation's time zone"),
  respondBy: z.string().describe("YYYY-MM-DD, in the organisation's time zone"),
  acknowledgedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean().describe("past the due date of its next step today"),
  interactionId: z.number().int(),
  externalRef: z.string().nullable().describe("the CRM's reference given when the interaction was registered"),
  team: z.string().describe("team code"),
  staff: z.string().nullable().describe("staff code"),
  service: z.string().nullable().describe("service code"),
  channel: z.string(),
  csat: z.number().int().nullable(),
  ces: z.number().int().nullable(),
  csi: z.number().int().nullable(),
  fcr: Fcr.nullable(),
  comment: z.string().nullable().describe("the customer's comment, personal data masked"),
});
type FollowUpCase = z.infer<typeof FollowUpCase>;
const CaseListResponse = z.object({ items: z.array(FollowUpCase), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const EXAMPLE: FollowUpCase = {
  id: 812,
  status: "open",
  priority: "normal",
  reasons: [{ rule: "low_csat", words: [] }],
  openedAt: "2026-12-24T10:12:00.000Z",
  acknowledgeBy: "2027-01-05",
  respondBy: "2027-01-19",
  acknowledgedAt: null,
  respondedAt: null,
  closedAt: null,
  overdue: false,
  interactionId: 55012,
  externalRef: "CRM-2026-118273",
  team: "CC-REVENUES",
  staff: "S0142",
  service: "COUNCIL-TAX",
  channel: "phone",
  csat: 1,
  ces: 2,
  csi: 2,
  fcr: "no",
  comment: "Third time I have called about the same bill.",
};

/**
 * Follow-up cases for CRMs that work them in their own system: the list, and the three steps.
 * Contact details a customer left are not given here: they are shown on the dashboard, to the
 * case's owner and above, and deleted when the case closes.
 */
export function followUpRoutes(ctx: Ctx) {
  const { config } = ctx;
  const today = () => localDate(ctx.clock.now(), config.TIMEZONE);
  const view = (row: CaseRow): FollowUpCase => {
    const p = presentCase(row, today(), config.TIMEZONE, config.WORKING_DAYS_CALENDAR);
    const { id, status, priority, reasons, openedAt, acknowledgeBy, respondBy, acknowledgedAt, respondedAt, closedAt, overdue } = p;
    const { interactionId, externalRef, channel, csat, ces, csi, fcr, comment } = p;
    return {
      ...{ id, status, priority, reasons, openedAt, acknowledgeBy, respondBy, acknowledgedAt, respondedAt, closedAt, overdue },
      ...{ interactionId, externalRef, channel, csat, ces, csi, fcr, comment },
      team: row.teamCode,
      staff: row.staffCode,
      service: row.serviceCode,
    };
  };
  const one = {
    description: "The case after the step",
    content: json(FollowUpCase, { ...EXAMPLE, status: "acknowledged", acknowledgedAt: "2026-12-29T09:30:00.000Z" }),
  };
  const stepRoute = (summary: string) =>
    describeRoute({
      tags: ["Follow-up cases"],
      summary,
      description:
        'Optional body `{ "note": "…" }`, kept in the case\'s history (personal data masked). Steps go open → acknowledged → responded → closed; respond may skip acknowledge, and close may be taken from any open status. A step out of order answers 409.',
      responses: {
        200: one,
        ...COMMON_ERRORS,
        404: errorResponse("No case with this id", "not_found", "No follow-up case 812."),
        409: errorResponse("The step is out of order", "conflict", "This case is closed."),
      },
    });
  const act = async (apiKeyId: number, id: number, step: "acknowledge" | "respond" | "close", note: string | undefined) => {
    const actor: CaseActor = { kind: "api", apiKeyId };
    await takeCaseStep(ctx, id, step, note || null, actor);
    // Only the case's own row: the page's history, themes and owners are not part of this answer.
    const row = await caseRow(ctx.db.read, id);
    if (!row) throw new NotFoundError(`No follow-up case ${id}.`);
    return view(row);
  };

  return new Hono<ApiKeyEnv>()
    .get(
      "/follow-ups",
      describeRoute({
        tags: ["Follow-up cases"],
        summary: "Follow-up cases, most urgent and soonest due first",
        description:
          "status defaults to every case not closed (`active`). `overdue=true` keeps the cases past the due date of their next step. `from` and `to` filter by the local date the case opened. 50 cases a page; `page` counts from 0.",
        responses: {
          200: { description: "A page of cases", content: json(CaseListResponse, { items: [EXAMPLE], total: 1, page: 0, pageSize: 50 }) },
          ...COMMON_ERRORS,
          404: errorResponse("The team filter names an unknown code", "not_found", "No team with code 'NOPE'."),
        },
      }),
      validate("query", CaseListQuery),
      async (c) => {
        const q = c.req.valid("query");
        const team = q.team ? requireFound(await findTeam(ctx.db.read, q.team), "team", q.team) : undefined;
        const list = await caseList(
          ctx.db.read,
          {
            status: q.status,
            priority: q.priority,
            teamId: team?.id,
            overdue: q.overdue,
            openedFrom: q.from ? zonedMidnight(q.from, config.TIMEZONE) : undefined,
            openedBefore: q.to ? zonedMidnight(nextDay(q.to), config.TIMEZONE) : undefined,
            sort: "due",
            page: q.page,
          },
          today(),
        );
        return c.json({ items: list.items.map(view), total: list.total, page: q.page, pageSize: list.pageSize });
      },
    )
    .post("/follow-ups/:id/acknowledge", stepRoute("Acknowledge a case"), validate("param", CaseIdParam), validate("json", StepBody), async (c) =>
      c.json(await act(c.var.apiKeyId, c.req.valid("param").id, "acknowledge", c.req.valid("json").note)),
    )
    .post(
      "/follow-ups/:id/respond",
      stepRoute("Record that the customer has had a response"),
      validate("param", CaseIdParam),
      validate("json", StepBody),
      async (c) => c.json(await act(c.var.apiKeyId, c.req.valid("param").id, "respond", c.req.valid("json").note)),
    )
    .post("/follow-ups/:id/close", stepRoute("Close a case"), validate("param", CaseIdParam), validate("json", StepBody), async (c) =>
      c.json(await act(c.var.apiKeyId, c.req.valid("param").id, "close", c.req.valid("json").note)),
    );
}
