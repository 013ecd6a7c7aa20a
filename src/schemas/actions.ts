import { z } from "zod";
import { ACTION_CATEGORIES } from "../domain/actions";
import { CONTROL_CHARACTERS } from "../domain/comment";
import { Code, IsoDate } from "./common";

/*
 * The recommendations and actions tracker, as the API and the dashboard take and give it.
 * Actions are addressed by their reference ("CF-5"); what they address, by code.
 */

/** The organisation's reference of an action: "CF-5", "7", "SCR-2009.3". */
export const ActionRef = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "letters, digits, '_', '.', '-' only")
  .describe('The organisation\'s reference, e.g. "CF-5"');

export const RefParam = z.strictObject({ ref: ActionRef });

/** Staff text over several lines: trimmed, control characters (other than line breaks) dropped. */
const Prose = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(CONTROL_CHARACTERS, "").trim())
    .pipe(z.string().min(1, "write something"));

const Category = z
  .number()
  .int()
  .min(1)
  .max(ACTION_CATEGORIES.length)
  .describe("1 achieved fully, 2 on track, 3 slipped, 4 not achieved (the organisation may word them otherwise)");

const Owner = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase())
  .nullable()
  .describe("The email of the dashboard user who owns the action; null for nobody");

const Links = (what: string) => z.array(Code).max(50).describe(`Codes of the ${what} the action addresses`);

const editable = {
  text: Prose(4000).describe("The recommendation or action"),
  source: Prose(200).describe('Where it came from, e.g. "Scrutiny review 2009" or "Customer feedback: waiting time"'),
  responsibility: Prose(1000).nullable().describe("Officers and roles responsible, as free text"),
  owner: Owner,
  dueDate: IsoDate.nullable().describe("Anticipated completion, YYYY-MM-DD"),
  themes: Links("feedback themes"),
  teams: Links("teams"),
  departments: Links("departments"),
};

export const ActionInput = z.strictObject({
  ref: ActionRef,
  text: editable.text,
  source: editable.source,
  responsibility: editable.responsibility.optional(),
  owner: editable.owner.optional(),
  dueDate: editable.dueDate.optional(),
  themes: editable.themes.default([]),
  teams: editable.teams.default([]),
  departments: editable.departments.default([]),
});
export type ActionInput = z.infer<typeof ActionInput>;

/** Any of the fields; a list of links given replaces that kind's links. The reference never changes. */
export const ActionPatch = z
  .strictObject({
    text: editable.text.optional(),
    source: editable.source.optional(),
    responsibility: editable.responsibility.optional(),
    owner: editable.owner.optional(),
    dueDate: editable.dueDate.optional(),
    themes: editable.themes.optional(),
    teams: editable.teams.optional(),
    departments: editable.departments.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "give at least one field to change" });
export type ActionPatch = z.infer<typeof ActionPatch>;

export const ProgressInput = z.strictObject({
  date: IsoDate.describe("The review date, YYYY-MM-DD; not in the future"),
  evidence: Prose(4000).describe("Evidence of progress; personal data typed here is masked"),
  category: Category,
});
export type ProgressInput = z.infer<typeof ProgressInput>;

const Label = z
  .string()
  .max(60)
  .transform((s) => s.replace(CONTROL_CHARACTERS, "").trim())
  .pipe(z.string().min(1, "write a label, or send null for the default"))
  .nullable();

/** The four labels; null puts a category back to its default wording. */
export const CategoryLabelsInput = z.strictObject({ 1: Label, 2: Label, 3: Label, 4: Label });
export type CategoryLabelsInput = z.infer<typeof CategoryLabelsInput>;

/** Filters of the tracker, shared by the API and the dashboard. */
export const ActionListQuery = z.object({
  category: z.enum(["1", "2", "3", "4", "none"]).optional().describe("The latest assessment; none for actions not yet assessed"),
  owner: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase())
    .optional(),
  theme: Code.optional(),
  team: Code.optional(),
  department: Code.optional(),
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;

// ---- What the API answers ----------------------------------------------------------------

const IsoTime = z.string().meta({ format: "date-time", example: "2010-10-04T09:00:00.000Z" });

export const Assessment = z.object({ date: z.string().describe("YYYY-MM-DD"), category: z.number().int(), label: z.string() });

export const ApiAction = z.object({
  ref: z.string(),
  text: z.string(),
  source: z.string(),
  responsibility: z.string().nullable(),
  owner: z.string().nullable().describe("the owner's email"),
  dueDate: z.string().nullable().describe("anticipated completion, YYYY-MM-DD"),
  overdue: z.boolean().describe("past its anticipated completion and not assessed as achieved fully"),
  themes: z.array(z.string()),
  teams: z.array(z.string()),
  departments: z.array(z.string()),
  latest: Assessment.nullable().describe("the latest assessment, null before the first review"),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type ApiAction = z.infer<typeof ApiAction>;

export const ApiProgress = Assessment.extend({
  evidence: z.string(),
  recordedAt: IsoTime,
  recordedBy: z.string().nullable().describe("the user's email; null through the API"),
});
export type ApiProgress = z.infer<typeof ApiProgress>;

export const ApiActionDetail = ApiAction.extend({ progress: z.array(ApiProgress).describe("oldest review first") });
export type ApiActionDetail = z.infer<typeof ApiActionDetail>;

export const ApiActionList = z.object({
  items: z.array(ApiAction),
  counts: z
    .object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int(), none: z.number().int() })
    .describe("actions listed, by latest assessment"),
  labels: z.object({ 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() }),
});
