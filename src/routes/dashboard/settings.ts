import type { StandardSchemaV1 } from "@standard-schema/spec";
import { Hono } from "hono";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { deliveryQuery, deliveryRange } from "../../db/queries/dashboard/delivery";
import { settingsQuery } from "../../db/queries/dashboard/settings";
import { localDate } from "../../domain/periods";
import { Code, IsoDate, Name } from "../../schemas/common";
import * as s from "../../schemas/reference";
import { createApiKey, revokeApiKey } from "../../services/api-keys";
import { changeUserRole } from "../../services/auth/change-role";
import { setUserDisabled } from "../../services/auth/disable-user";
import type { SessionEnv } from "../../middleware/session";
import { resetPassword } from "../../services/auth/reset-password";
import * as departments from "../../services/reference/departments";
import * as services from "../../services/reference/services";
import * as staff from "../../services/reference/staff";
import * as targets from "../../services/reference/targets";
import * as teams from "../../services/reference/teams";
import * as themes from "../../services/reference/themes";
import { signatureForStaff } from "../../services/signature/signature-for-staff";
import { createUser, refineRoleTeam, ROLES } from "../../services/users";
import { validate } from "../../validation";
import { CaseRulesBody, SafeguardingPhraseBody } from "../../schemas/follow-ups";
import { readCaseRules } from "../../services/follow-ups/case-settings";
import { setCaseRules } from "../../services/follow-ups/set-case-rules";
import { addSafeguardingPhrase, listSafeguardingPhrases, removeSafeguardingPhrase } from "../../services/follow-ups/safeguarding-phrases";
import { requireRole } from "./filters";

type Out<S extends StandardSchemaV1> = StandardSchemaV1.InferOutput<S>;

/**
 * Create (POST /) and change (PATCH /:code: rename, move, retire, bring back) for one kind of
 * reference data. The verbs are the reference services /api/v1 uses, so the rules (no retiring
 * a department with active teams, one target per scope…) are the same wherever a change comes from.
 */
function editable<C extends StandardSchemaV1, P extends StandardSchemaV1, V>(
  ctx: Ctx,
  create: C,
  patch: P,
  verbs: { create(ctx: Ctx, input: Out<C>): Promise<V>; update(ctx: Ctx, code: string, patch: Out<P>): Promise<V> },
) {
  return new Hono<SessionEnv>()
    .post("/", validate("json", create), async (c) => c.json({ saved: await verbs.create(ctx, c.req.valid("json")) }, 201))
    .patch("/:code", validate("param", s.CodeParam), validate("json", patch), async (c) =>
      c.json({ saved: await verbs.update(ctx, c.req.valid("param").code, c.req.valid("json")) }),
    );
}

export const NewUser = z
  .strictObject({ email: z.email().max(254), role: z.enum(ROLES), team: Code.optional(), department: Code.optional() })
  .superRefine(refineRoleTeam);
export const RoleChange = z.strictObject({ role: z.enum(ROLES), team: Code.optional(), department: Code.optional() }).superRefine(refineRoleTeam);

/** A range of local days for the delivery view: at most a year, so the chart stays readable. */
export const DeliveryRange = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) < 366 * 86_400_000, { path: ["to"], message: "at most 366 days" });

const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });

/**
 * What administrators manage on the Settings page. Administrators only: directors and managers
 * get 403 on every call, reads included. Changes carry the session's CSRF token, which
 * requireSession checks before anything here runs.
 */
export function settingsApi(ctx: Ctx) {
  return new Hono<SessionEnv>()
    .use(async (c, next) => {
      requireRole(c.var.session, "admin");
      await next();
    })
    .get("/", async (c) => c.json(await settingsQuery(ctx.db.read)))
    .route("/departments", editable(ctx, s.DepartmentInput, s.DepartmentPatch, { create: departments.createDepartment, update: departments.updateDepartment }))
    .route("/teams", editable(ctx, s.TeamInput, s.TeamPatch, { create: teams.createTeam, update: teams.updateTeam }))
    .route("/staff", editable(ctx, s.StaffInput, s.StaffPatch, { create: staff.createStaff, update: staff.updateStaff }))
    .route("/services", editable(ctx, s.ServiceInput, s.ServicePatch, { create: services.createService, update: services.updateService }))
    .route("/themes", editable(ctx, s.ThemeInput, s.ThemePatch, { create: themes.createTheme, update: themes.updateTheme }))
    .route("/targets", editable(ctx, s.TargetInput, s.TargetPatch, { create: targets.createTarget, update: targets.updateTarget }))
    .get("/delivery", validate("query", DeliveryRange), async (c) => {
      const today = localDate(ctx.clock.now(), ctx.config.TIMEZONE);
      return c.json(await deliveryQuery(ctx.db.read, deliveryRange(c.req.valid("query"), today)));
    })
    .get("/staff/:code/signature", validate("param", s.CodeParam), async (c) => {
      const { html, text, staff: member } = await signatureForStaff(ctx, c.req.valid("param").code);
      return c.json({ staff: member, html, text });
    })
    .post("/users", validate("json", NewUser), async (c) => {
      const input = c.req.valid("json");
      const created = await createUser(ctx, input);
      // The generated password is shown once, here; only its scrypt hash is kept.
      return c.json({ id: created.id, email: input.email.trim().toLowerCase(), password: created.generatedPassword ?? "" }, 201);
    })
    .patch("/users/:id", validate("param", IdParam), validate("json", z.strictObject({ disabled: z.boolean() })), async (c) =>
      c.json(await setUserDisabled(ctx, { userId: c.req.valid("param").id, disabled: c.req.valid("json").disabled, actingUserId: c.var.session.user.id })),
    )
    .post("/users/:id/role", validate("param", IdParam), validate("json", RoleChange), async (c) =>
      c.json(await changeUserRole(ctx, { userId: c.req.valid("param").id, ...c.req.valid("json"), actingUserId: c.var.session.user.id })),
    )
    .post("/users/:id/password", validate("param", IdParam), async (c) => {
      const reset = await resetPassword(ctx, { userId: c.req.valid("param").id });
      // Like a new user's, the password is shown once, here; the user is signed out everywhere.
      return c.json({ id: reset.id, email: reset.email, password: reset.generatedPassword ?? "" });
    })
    .post("/api-keys", validate("json", z.strictObject({ name: Name.max(100) })), async (c) => {
      const { id, key, prefix } = await createApiKey(ctx, c.req.valid("json").name);
      // Like a password, the key is shown once; only its hash is kept.
      return c.json({ id, key, prefix }, 201);
    })
    .get("/follow-up-rules", async (c) => c.json(await readCaseRules(ctx.db.read)))
    .put("/follow-up-rules", validate("json", CaseRulesBody), async (c) => c.json(await setCaseRules(ctx, c.req.valid("json"), c.var.session.user.id)))
    .get("/safeguarding-phrases", async (c) => c.json({ items: await listSafeguardingPhrases(ctx) }))
    .post("/safeguarding-phrases", validate("json", SafeguardingPhraseBody), async (c) =>
      c.json(await addSafeguardingPhrase(ctx, c.req.valid("json"), c.var.session.user.id), 201),
    )
    .delete("/safeguarding-phrases/:id", validate("param", IdParam), async (c) => {
      await removeSafeguardingPhrase(ctx, c.req.valid("param").id);
      return c.json({ id: c.req.valid("param").id, deleted: true });
    })
    .post("/api-keys/:id/revoke", validate("param", IdParam), async (c) => {
      const id = c.req.valid("param").id;
      await revokeApiKey(ctx, String(id));
      return c.json({ id, revoked: true });
    });
}
