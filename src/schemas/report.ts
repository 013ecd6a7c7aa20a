import { z } from "zod";
import { Channel, Code, IsoDate } from "./common";

export const GROUP_BYS = ["department", "team", "staff", "service", "theme", "channel"] as const;
export const GroupBy = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBy>;

export const SummaryQuery = z
  .strictObject({
    groupBy: GroupBy.default("team"),
    period: z.enum(["week", "month", "quarter"]).default("month"),
    from: IsoDate,
    to: IsoDate,
    department: Code.optional(),
    team: Code.optional(),
    staff: Code.optional(),
    service: Code.optional(),
    theme: Code.optional(),
    channel: Channel.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["to"], message: "must not be before from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    path: ["to"],
    message: "at most five years per request",
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

const Figure = z.object({
  n: z.number().int(),
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  tooFew: z.boolean(),
});

/** The summary as the API answers it: groups by code (null for "no staff member", "no service"). */
export const SummaryResponse = z.object({
  period: z.enum(["week", "month", "quarter"]),
  from: z.string(),
  to: z.string(),
  minCount: z.number().int(),
  rows: z.array(
    z.object({
      group: z.object({ code: z.string().nullable(), name: z.string() }),
      periodStart: z.string(),
      periodLabel: z.string(),
      scores: z.object({
        responses: z.number().int(),
        issued: z.number().int(),
        csat: Figure,
        cesMean: Figure,
        cesEasy: Figure,
        csiIndex: Figure,
        csiNet: Figure,
        fcr: Figure,
        responseRate: Figure,
        fcrObserved: Figure.describe("Observed FCR: percentage of contacts by a known customer not followed by a repeat contact within REPEAT_CONTACT_DAYS; n counts the contacts"),
        contactsPerRequest: Figure.describe("Avoidable contact (NI 14): contacts per request, 2 decimals; a chain of repeat contacts is one request; n counts the contacts"),
      }),
    }),
  ),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;
