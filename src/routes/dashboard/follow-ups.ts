import { Hono } from "hono";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { maskPersonalData } from "../../domain/pii";
import { FOLLOW_UP_STATUSES, followUpsQuery } from "../../db/queries/dashboard/follow-ups";
import type { SessionEnv } from "../../services/auth/middleware";
import { setFollowUp } from "../../services/follow-ups/set-follow-up";
import { validate } from "../../validation";
import { DashboardFilters, resolveScope } from "./filters";

export const FollowUpChange = z.strictObject({
  status: z.enum(FOLLOW_UP_STATUSES),
  // Notes say what was done ("called back via CRM case 123"). Contact details belong in the
  // CRM, not here: any typed in are masked, as in comments, before the note is stored.
  note: z
    .string()
    .trim()
    .max(1000)
    .transform((n) => (n ? maskPersonalData(n) : null)),
});

/**
 * Following up low scores (PRODUCT.md: "it makes sure a bad experience gets followed up").
 * Every role reads the list within its scope; managers change their own team's only.
 */
export function followUpsApi(ctx: Ctx) {
  return new Hono<SessionEnv>()
    .get(
      "/",
      validate(
        "query",
        DashboardFilters.and(
          z.object({
            status: z.enum(FOLLOW_UP_STATUSES).optional(),
            page: z.coerce.number().int().min(0).max(10_000).default(0),
          }),
        ),
      ),
      async (c) => {
        const q = c.req.valid("query");
        const { ownTeamOnly, ...scope } = await resolveScope(ctx, c.var.session, q);
        void ownTeamOnly;
        return c.json(await followUpsQuery(ctx.db.read, { ...scope, status: q.status, page: q.page }, ctx.config.TIMEZONE));
      },
    )
    .put("/:response", validate("param", z.strictObject({ response: z.coerce.number().int().positive() })), validate("json", FollowUpChange), async (c) => {
      const { user } = c.var.session;
      const teamIds = user.role === "manager" ? (user.teamId === null ? [] : [user.teamId]) : undefined;
      const { status, note } = c.req.valid("json");
      return c.json(await setFollowUp(ctx, { responseId: c.req.valid("param").response, status, note }, { userId: user.id, teamIds }));
    });
}
