import { z } from "zod";
import { CHANNELS } from "../domain/vocabulary";
import { isValidIsoDate } from "../domain/periods";
import { LANGUAGES } from "../domain/languages";

/** Stable identifiers that integrating systems use for reference data. */
export const Code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "letters, digits, '_', '.', '-' only");

import { CONTROL_CHARACTERS } from "../domain/comment";

export const Name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !new RegExp(CONTROL_CHARACTERS.source).test(s), "must not contain control characters");

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Language = z.enum(LANGUAGES);

/** An ISO 8601 date-time with an offset; impossible dates (2025-02-30) are refused. */
export const Timestamp = z.iso
  .datetime({ offset: true, abort: true })
  .refine((s) => isValidIsoDate(s.slice(0, 10)), "not a real date")
  .transform((s) => new Date(s).getTime());

/** YYYY-MM-DD, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine(isValidIsoDate, "not a real date");

export const Fcr = z.enum(["yes", "partly", "no"]);

/** The one error body (src/errors.ts), for the OpenAPI document. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** A batch refused for what its items name (422): which items, and why. */
export const BatchErrorBody = ErrorBody.extend({
  items: z.array(
    z.object({
      index: z.number().int().describe("The item's position in the batch, from 0"),
      status: z.number().int().describe("What the item alone would have answered (422, or 404)"),
      message: z.string(),
      field: z.string().optional().describe("The item's field at fault, as interactions.<index>.<field>"),
    }),
  ),
});
