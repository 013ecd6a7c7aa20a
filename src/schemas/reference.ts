import { z } from "zod";
import { LANGUAGES } from "../domain/languages";
import { TARGET_MEASURES } from "../domain/targets";
import { Code, Name } from "./common";

/*
 * Reference data as integrating systems see it: addressed by stable codes, references by code
 * (never internal ids), times as ISO strings. Things are retired rather than deleted so history
 * keeps its names; PATCH {retired: false} brings one back.
 */

/** At least one field: an empty PATCH is almost certainly a client bug, not a wish to do nothing. */
const someField = <T extends z.ZodObject>(schema: T) =>
  schema.refine((v) => Object.values(v).some((x) => x !== undefined), { message: "give at least one field to change" });

const Retired = z.boolean().describe("true retires it (it keeps its name in history); false brings it back");

const IsoTime = z.string().meta({ format: "date-time", example: "2026-03-02T09:00:00.000Z" });
const Lifecycle = {
  retired: z.boolean(),
  retiredAt: IsoTime.nullable(),
  createdAt: IsoTime,
};

export const CodeParam = z.strictObject({ code: Code });

/** `?includeRetired=true` lists retired things too; by default lists show only active ones. */
const IncludeRetired = z
  .enum(["true", "false"])
  .default("false")
  .transform((v) => v === "true");

// ---- departments -----------------------------------------------------------------------------

export const DepartmentInput = z.strictObject({ code: Code, name: Name });
export type DepartmentInput = z.infer<typeof DepartmentInput>;
export const DepartmentPatch = someField(z.strictObject({ name: Name.optional(), retired: Retired.optional() }));
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;
export const Department = z.object({ code: z.string(), name: z.string(), ...Lifecycle });
export type Department = z.infer<typeof Department>;
export const DepartmentList = z.object({ departments: z.array(Department) });
export const DepartmentListQuery = z.strictObject({ includeRetired: IncludeRetired });

// ---- teams -----------------------------------------------------------------------------------

export const TeamInput = z.strictObject({ code: Code, name: Name, department: Code });
export type TeamInput = z.infer<typeof TeamInput>;
export const TeamPatch = someField(z.strictObject({ name: Name.optional(), department: Code.optional(), retired: Retired.optional() }));
export type TeamPatch = z.infer<typeof TeamPatch>;
export const Team = z.object({ code: z.string(), name: z.string(), department: z.string(), ...Lifecycle });
export type Team = z.infer<typeof Team>;
export const TeamList = z.object({ teams: z.array(Team) });
export const TeamListQuery = z.strictObject({ includeRetired: IncludeRetired, department: Code.optional() });

// ---- staff -----------------------------------------------------------------------------------

const StaffEmail = z.email().max(254);

export const StaffInput = z.strictObject({ code: Code, name: Name, email: StaffEmail, team: Code });
export type StaffInput = z.infer<typeof StaffInput>;
export const StaffPatch = someField(
  z.strictObject({ name: Name.optional(), email: StaffEmail.optional(), team: Code.optional(), retired: Retired.optional() }),
);
export type StaffPatch = z.infer<typeof StaffPatch>;
export const StaffMember = z.object({
  code: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  team: z.string(),
  ...Lifecycle,
});
export type StaffMember = z.infer<typeof StaffMember>;
export const StaffList = z.object({ staff: z.array(StaffMember) });
export const StaffListQuery = z.strictObject({ includeRetired: IncludeRetired, team: Code.optional() });

// ---- services --------------------------------------------------------------------------------

export const ServiceInput = z.strictObject({ code: Code, name: Name });
export type ServiceInput = z.infer<typeof ServiceInput>;
export const ServicePatch = someField(z.strictObject({ name: Name.optional(), retired: Retired.optional() }));
export type ServicePatch = z.infer<typeof ServicePatch>;
export const Service = z.object({ code: z.string(), name: z.string(), ...Lifecycle });
export type Service = z.infer<typeof Service>;
export const ServiceList = z.object({ services: z.array(Service) });
export const ServiceListQuery = z.strictObject({ includeRetired: IncludeRetired });

// ---- themes ----------------------------------------------------------------------------------

/** One word or phrase in the syntax of src/domain/themes.ts ("wait*", "on hold", "*انتظار"). */
const ThemeRule = z
  .string()
  .trim()
  .min(1)
  .max(100)
  // A rule of stars alone would match every comment; themes.ts ignores it, so refuse it here.
  .refine((r) => /[\p{L}\p{N}]/u.test(r), "a rule needs at least one letter or digit");

export const ThemeRules = z
  .partialRecord(z.enum(LANGUAGES), z.array(ThemeRule).min(1).max(200))
  .refine((r) => Object.keys(r).length > 0, `give rules for at least one language (${LANGUAGES.join(", ")})`)
  .describe("Words and phrases per language: 'wait*' matches a prefix, 'on hold' a phrase; English rules apply to every comment");

export const ThemeInput = z.strictObject({ code: Code, name: Name, rules: ThemeRules });
export type ThemeInput = z.infer<typeof ThemeInput>;
export const ThemePatch = someField(z.strictObject({ name: Name.optional(), rules: ThemeRules.optional(), retired: Retired.optional() }));
export type ThemePatch = z.infer<typeof ThemePatch>;
export const Theme = z.object({
  code: z.string(),
  name: z.string(),
  rules: z.record(z.string(), z.array(z.string())),
  ...Lifecycle,
});
export type Theme = z.infer<typeof Theme>;
export const ThemeList = z.object({ themes: z.array(Theme) });
export const ThemeListQuery = z.strictObject({ includeRetired: IncludeRetired });

// ---- targets ---------------------------------------------------------------------------------

export const Measure = z.enum(TARGET_MEASURES);
export type Measure = z.infer<typeof Measure>;

/** What a target's value can be, on the scale each measure is reported on (README, "The measures"). */
export const MEASURE_RANGES: Record<Measure, { min: number; max: number; unit: string }> = {
  csat: { min: 0, max: 100, unit: "% satisfied" },
  ces_easy: { min: 0, max: 100, unit: "% easy" },
  ces_mean: { min: 1, max: 7, unit: "mean on 1-7" },
  csi_index: { min: 0, max: 100, unit: "index 0-100" },
  csi_net: { min: -100, max: 100, unit: "net %" },
  fcr: { min: 0, max: 100, unit: "% resolved" },
  response_rate: { min: 0, max: 100, unit: "% responded" },
};

/** The message for a value outside its measure's range, or null when it fits. */
export function targetValueProblem(measure: Measure, value: number): string | null {
  const { min, max, unit } = MEASURE_RANGES[measure];
  return value < min || value > max ? `a ${measure} target is ${unit}: from ${min} to ${max}` : null;
}

const TargetValue = z.number().finite();

export const TargetInput = z
  .strictObject({
    code: Code,
    measure: Measure,
    value: TargetValue,
    department: Code.optional(),
    team: Code.optional(),
  })
  .superRefine((t, ctx) => {
    const problem = targetValueProblem(t.measure, t.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
    if (t.department !== undefined && t.team !== undefined) {
      ctx.addIssue({ code: "custom", path: ["team"], message: "a target is for a department or a team, not both" });
    }
  });
export type TargetInput = z.infer<typeof TargetInput>;
/** Measure and scope are what a target is; to change them, retire it and create another. */
export const TargetPatch = someField(z.strictObject({ value: TargetValue.optional(), retired: Retired.optional() }));
export type TargetPatch = z.infer<typeof TargetPatch>;
export const Target = z.object({
  code: z.string(),
  measure: Measure,
  value: z.number(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  ...Lifecycle,
});
export type Target = z.infer<typeof Target>;
export const TargetList = z.object({ targets: z.array(Target) });
export const TargetListQuery = z.strictObject({
  includeRetired: IncludeRetired,
  measure: Measure.optional(),
  department: Code.optional(),
  team: Code.optional(),
});
