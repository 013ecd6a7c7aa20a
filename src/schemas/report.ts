import { z } from "zod";
import { Channel, Code, IsoDate } from "./common";
import { PERIODS } from "../domain/periods";
import { QUESTION_FIGURES, type QuestionFigure } from "../domain/measure-registry";

export const GROUP_BYS = ["department", "team", "staff", "service", "theme", "channel"] as const;
export const GroupBy = z.enum(GROUP_BYS);
export type GroupBy = z.infer<typeof GroupBy>;

export const SummaryQuery = z
  .strictObject({
    groupBy: GroupBy.default("team"),
    period: z.enum(PERIODS).default("month"),
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
  status: z
    .enum(["ok", "tooFew", "notApplicable"])
    .describe(
      "ok: the value stands; tooFew: fewer answers than minCount (n is kept); notApplicable: the figure means nothing for this group (a response rate per theme)",
    ),
});

/** Each question's figures (measure-kinds.ts), in the registry's order. */
const QUESTION_FIGURE_FIELDS = Object.fromEntries(QUESTION_FIGURES.map((f) => [f, Figure])) as Record<QuestionFigure, typeof Figure>;

/** The summary as the API answers it: groups by code (null for "no staff member", "no service"). */
export const SummaryResponse = z.object({
  period: z.enum(PERIODS),
  from: z.string(),
  to: z.string(),
  minCount: z.number().int(),
  rows: z.array(
    z.object({
      group: z.object({ code: z.string().nullable(), name: z.string() }),
      periodStart: z.string(),
      periodLabel: z.string(),
      partial: z.boolean().describe("The period is not over yet (it holds today): its figures are still growing"),
      scores: z.object({
        responses: z.number().int(),
        issued: z.number().int().describe("Survey tokens issued (invitations, phone surveys)"),
        answered: z.number().int().describe("Responses to those tokens: the response rate's numerator"),
        withoutToken: z.number().int().describe("Responses without a token (imported history, the signature strip): in no response rate"),
        ...QUESTION_FIGURE_FIELDS,
        responseRate: Figure.describe("Answers to survey tokens ÷ tokens issued; notApplicable per theme"),
        fcrObserved: Figure.describe(
          "Observed FCR: percentage of contacts by a known customer not followed by a repeat contact within REPEAT_CONTACT_DAYS; n counts the contacts",
        ),
        sentimentPositive: Figure.describe(
          "Comment sentiment: percentage of scored comments that read positive; n counts comments scored (languages with a sentiment lexicon only)",
        ),
        sentimentNegative: Figure.describe("Comment sentiment: percentage of scored comments that read negative"),
        sentimentNet: Figure.describe("Comment sentiment: positive minus negative, in points"),
        contactsPerRequest: Figure.describe(
          "Avoidable contact (NI 14): contacts per request, 2 decimals; a chain of repeat contacts is one request; n counts the contacts",
        ),
      }),
    }),
  ),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;
