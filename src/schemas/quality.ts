import { z } from "zod";
import { MONTH_PATTERN, QA_ITEM_KINDS, QA_SCORES } from "../domain/quality";
import { Code, Name } from "./common";

/** A month, YYYY-MM. */
export const Month = z.string().regex(MONTH_PATTERN, "expected YYYY-MM");

const Id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 53 - 1);

/** The Quality page's month and, optionally, one team. */
export const QualityQuery = z.object({ month: Month.optional(), team: Code.optional() });

export const QualityItemsQuery = z.object({
  month: Month,
  team: Code.optional(),
  kind: z.enum(QA_ITEM_KINDS).optional(),
  status: z.enum(["to_review", "reviewed"]).optional(),
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const QualityItemParam = z.strictObject({ id: Id });

/** Every active standard's score, once each, and an optional comment (an empty one is none). */
export const ReviewBody = z.strictObject({
  scores: z
    .array(z.strictObject({ standardId: z.number().int().positive(), score: z.enum(QA_SCORES) }))
    .min(1)
    .max(100)
    .refine((s) => new Set(s.map((x) => x.standardId)).size === s.length, "each standard once"),
  comment: z.string().max(2000).optional(),
});

export const DrawBody = z.strictObject({ month: Month });

export const StandardBody = z.strictObject({ text: Name });

export const StandardPatch = z
  .strictObject({ text: Name.optional(), retired: z.boolean().optional() })
  .refine((p) => p.text !== undefined || p.retired !== undefined, "change the text or retire or bring back the standard");

export const StandardParam = z.strictObject({ id: Id });

export const StandardOrder = z.strictObject({
  ids: z
    .array(z.number().int().positive())
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "each standard once"),
});
