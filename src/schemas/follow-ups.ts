import { z } from "zod";
import { CASE_PRIORITIES, CASE_STATUSES, CASE_STEPS } from "../domain/cases";
import { SAFEGUARDING_CATEGORIES, SAFEGUARDING_LANGUAGES } from "../domain/safeguarding";
import { Code, IsoDate } from "./common";

/** Staff text on a case (a note, a reason): trimmed, at most 2,000 characters. */
export const CaseNote = z.string().trim().min(1, "write something").max(2000);

/** The optional note a step may carry; an empty string is no note. */
export const StepBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const CaseIdParam = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1),
});

export const StepParam = z.strictObject({ id: CaseIdParam.shape.id, step: z.enum(CASE_STEPS) });

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

/** Filters of a case list, shared by the dashboard and the API. */
export const CaseListQuery = z
  .object({
    status: z.enum([...CASE_STATUSES, "active"]).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    team: Code.optional(),
    overdue: bool.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    page: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

export const DashboardCaseListQuery = CaseListQuery.and(
  z.object({
    owner: z.union([z.enum(["me", "none"]), z.coerce.number().int().positive()]).optional(),
    sort: z.enum(["due", "opened"]).default("due"),
  }),
);

const threshold = (max: number) => z.number().int().min(1).max(max).nullable();

export const CaseRulesBody = z.strictObject({
  csatAtMost: threshold(5),
  csiAtMost: threshold(5),
  notResolvedCsatAtMost: threshold(5),
  onContactRequest: z.boolean(),
});

export const SafeguardingPhraseBody = z.strictObject({
  category: z.enum(SAFEGUARDING_CATEGORIES),
  language: z.enum(SAFEGUARDING_LANGUAGES),
  phrase: z.string().max(200),
});

export const OwnerBody = z.strictObject({ userId: z.number().int().positive().nullable() });
export const ClearBody = z.strictObject({ reason: CaseNote });
export const NoteBody = z.strictObject({ note: CaseNote });
