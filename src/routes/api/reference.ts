import type { StandardSchemaV1 } from "@standard-schema/spec";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import type { z } from "zod";
import type { Ctx } from "../../deps";
import type { ApiKeyEnv } from "../../middleware/api-key";
import * as s from "../../schemas/reference";
import * as departments from "../../services/reference/departments";
import * as services from "../../services/reference/services";
import * as staff from "../../services/reference/staff";
import * as targets from "../../services/reference/targets";
import * as teams from "../../services/reference/teams";
import * as themes from "../../services/reference/themes";
import { validate } from "../../validation";
import { COMMON_ERRORS, errorResponse, json, unprocessable } from "./openapi-docs";

type Schema = z.ZodType;
/** What the validator hands over (the same as z.output, as hono-openapi spells it). */
type Out<S extends Schema> = StandardSchemaV1.InferOutput<S>;

/** What one kind of reference data needs to be served: its schemas and its service verbs. */
type Resource<Create extends Schema, Patch extends Schema, Query extends Schema, View extends Schema, List extends Schema> = {
  tag: string;
  /** "department": used in summaries and messages. */
  noun: string;
  /** The key of the list in a list response: { departments: [...] }. */
  listKey: string;
  schemas: { create: Create; patch: Patch; query: Query; view: View; list: List };
  list(ctx: Ctx, q: Out<Query>): Promise<Out<View>[]>;
  get(ctx: Ctx, code: string): Promise<Out<View>>;
  create(ctx: Ctx, input: Out<Create>): Promise<Out<View>>;
  update(ctx: Ctx, code: string, patch: Out<Patch>): Promise<Out<View>>;
  retire(ctx: Ctx, code: string): Promise<Out<View>>;
  /** Extra words for the create route's description: what its references must be. */
  notes?: string;
  /** One of them as the API shows it, for the document's examples. */
  example: Out<View> & { code: string };
};

const CREATED = "2026-01-05T09:00:00.000Z";
const lifecycle = { retired: false, retiredAt: null, createdAt: CREATED };

/**
 * Create, read, update, list and retire for one kind of reference data, addressed by code.
 * Retire is POST /:code/retire (not DELETE): nothing is deleted, history keeps the name, and
 * PATCH {retired: false} brings it back.
 */
function resource<C extends Schema, P extends Schema, Q extends Schema, V extends Schema, L extends Schema>(ctx: Ctx, r: Resource<C, P, Q, V, L>) {
  const { tag, noun, example } = r;
  const one = { 200: { description: `The ${noun}`, content: json(r.schemas.view, example) }, ...COMMON_ERRORS };
  const notFound = errorResponse(`No ${noun} with this code`, "not_found", `No ${noun} with code '${example.code}'.`);
  const retiredExample = Object.assign({}, example, { retired: true, retiredAt: "2026-03-02T09:00:00.000Z" });
  return new Hono<ApiKeyEnv>()
    .get(
      "/",
      describeRoute({
        tags: [tag],
        summary: `List ${r.listKey}`,
        description: `Active ${r.listKey} by code; \`includeRetired=true\` lists retired ones too.`,
        responses: {
          200: { description: `The ${r.listKey}`, content: json(r.schemas.list, { [r.listKey]: [example] }) },
          ...COMMON_ERRORS,
          404: errorResponse("A filter names an unknown code", "not_found", "Unknown team 'NOPE'."),
        },
      }),
      validate("query", r.schemas.query),
      async (c) => c.json({ [r.listKey]: await r.list(ctx, c.req.valid("query")) }),
    )
    .post(
      "/",
      describeRoute({
        tags: [tag],
        summary: `Create a ${noun}`,
        description: [`Creates a ${noun} under a code of your choosing, by which other systems refer to it from then on.`, r.notes].filter(Boolean).join(" "),
        responses: {
          201: { description: `The new ${noun}`, content: json(r.schemas.view, example) },
          ...COMMON_ERRORS,
          409: errorResponse(`A ${noun} with this code already exists`, "conflict", `A ${noun} with code '${example.code}' already exists.`),
          ...unprocessable("The body names an unknown or retired code"),
        },
      }),
      validate("json", r.schemas.create),
      async (c) => c.json(await r.create(ctx, c.req.valid("json")), 201),
    )
    .get(
      "/:code",
      describeRoute({
        tags: [tag],
        summary: `Get a ${noun}`,
        description: `The ${noun} with this code, retired or not.`,
        responses: { ...one, 404: notFound },
      }),
      validate("param", s.CodeParam),
      async (c) => c.json(await r.get(ctx, c.req.valid("param").code)),
    )
    .patch(
      "/:code",
      describeRoute({
        tags: [tag],
        summary: `Change a ${noun}`,
        description: "Only the fields given change. The code cannot change: it is how other systems refer to it. `retired: false` brings a retired one back.",
        responses: {
          ...one,
          404: notFound,
          409: errorResponse(
            "The change conflicts with other data (for example, retiring something still in use)",
            "conflict",
            `The ${noun} '${example.code}' is still in use.`,
          ),
          ...unprocessable("The body names an unknown or retired code"),
        },
      }),
      validate("param", s.CodeParam),
      validate("json", r.schemas.patch),
      async (c) => c.json(await r.update(ctx, c.req.valid("param").code, c.req.valid("json"))),
    )
    .post(
      "/:code/retire",
      describeRoute({
        tags: [tag],
        summary: `Retire a ${noun}`,
        description: `Answers the retired ${noun}. It takes no new data but keeps its name in history and reports. Retiring twice is harmless; PATCH {"retired": false} brings it back.`,
        responses: {
          ...one,
          200: { description: `The retired ${noun}`, content: json(r.schemas.view, retiredExample) },
          404: notFound,
          409: errorResponse("Still in use: retire or move what depends on it first", "conflict", `The ${noun} '${example.code}' is still in use.`),
        },
      }),
      validate("param", s.CodeParam),
      async (c) => c.json(await r.retire(ctx, c.req.valid("param").code)),
    );
}

/** Reference data under /api/v1: create, read, update, list and retire, by stable code. */
export function referenceRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>()
    .route(
      "/departments",
      resource(ctx, {
        tag: "Departments",
        noun: "department",
        listKey: "departments",
        schemas: { create: s.DepartmentInput, patch: s.DepartmentPatch, query: s.DepartmentListQuery, view: s.Department, list: s.DepartmentList },
        list: departments.listDepartments,
        get: departments.getDepartment,
        create: departments.createDepartment,
        update: departments.updateDepartment,
        retire: departments.retireDepartment,
        example: { code: "REVENUES", name: "Revenues and Benefits", ...lifecycle },
      }),
    )
    .route(
      "/teams",
      resource(ctx, {
        tag: "Teams",
        noun: "team",
        listKey: "teams",
        schemas: { create: s.TeamInput, patch: s.TeamPatch, query: s.TeamListQuery, view: s.Team, list: s.TeamList },
        list: teams.listTeams,
        get: teams.getTeam,
        create: teams.createTeam,
        update: teams.updateTeam,
        retire: teams.retireTeam,
        notes: "`department` is the code of an active department.",
        example: { code: "CT-BILLING", name: "Council Tax billing", department: "REVENUES", ...lifecycle },
      }),
    )
    .route(
      "/staff",
      resource(ctx, {
        tag: "Staff",
        noun: "staff member",
        listKey: "staff",
        schemas: { create: s.StaffInput, patch: s.StaffPatch, query: s.StaffListQuery, view: s.StaffMember, list: s.StaffList },
        list: staff.listStaff,
        get: staff.getStaff,
        create: staff.createStaff,
        update: staff.updateStaff,
        retire: staff.retireStaff,
        notes: "`team` is the code of an active team.",
        example: { code: "faisal.khan", name: "Faisal Khan", email: "faisal.khan@council.example", team: "CC-REVENUES", ...lifecycle },
      }),
    )
    .route(
      "/services",
      resource(ctx, {
        tag: "Services",
        noun: "service",
        listKey: "services",
        schemas: { create: s.ServiceInput, patch: s.ServicePatch, query: s.ServiceListQuery, view: s.Service, list: s.ServiceList },
        list: services.listServices,
        get: services.getService,
        create: services.createService,
        update: services.updateService,
        retire: services.retireService,
        example: { code: "council-tax", name: "Council Tax", ...lifecycle },
      }),
    )
    .route(
      "/themes",
      resource(ctx, {
        tag: "Themes",
        noun: "theme",
        listKey: "themes",
        schemas: { create: s.ThemeInput, patch: s.ThemePatch, query: s.ThemeListQuery, view: s.Theme, list: s.ThemeList },
        list: themes.listThemes,
        get: themes.getTheme,
        create: themes.createTheme,
        update: themes.updateTheme,
        retire: themes.retireTheme,
        notes:
          "Rules are words and phrases per language (en, cy, pl, pt, ar), 1 to 200 each: `wait*` matches words starting with 'wait', `on hold` matches the phrase. English rules apply to comments in every language. Changed rules tag comments recorded from then on.",
        example: { code: "WAITING", name: "Waiting times", rules: { en: ["wait*", "on hold", "queue*"], cy: ["aros"] }, ...lifecycle },
      }),
    )
    .route(
      "/targets",
      resource(ctx, {
        tag: "Targets",
        noun: "target",
        listKey: "targets",
        schemas: { create: s.TargetInput, patch: s.TargetPatch, query: s.TargetListQuery, view: s.Target, list: s.TargetList },
        list: targets.listTargets,
        get: targets.getTarget,
        create: targets.createTarget,
        update: targets.updateTarget,
        retire: targets.retireTarget,
        notes:
          "A target for the whole organisation, or for one `department` or one `team` (not both). Values: csat, ces_easy, fcr, response_rate and csi_index 0 to 100; ces_mean 1 to 7; csi_net -100 to 100. At most one active target per measure and scope.",
        example: { code: "revenues-csat-75", measure: "csat", value: 75, department: "REVENUES", team: null, ...lifecycle },
      }),
    );
}
