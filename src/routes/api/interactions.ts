import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { DomainError, errorBody, HTTP_STATUS, UnprocessableError } from "../../errors";
import { InteractionBatchInput, InteractionCreated, InteractionInput } from "../../schemas/interaction";
import { registerInteraction, registerInteractionIn, type RegisteredInteraction } from "../../services/register-interaction";
import { validate } from "../../validation";
import type { ApiKeyEnv } from "../../middleware/api-key";
import { batchUnprocessable, COMMON_ERRORS, json, unprocessable } from "./openapi-docs";

const CREATED_EXAMPLE: InteractionCreated = {
  id: 4182,
  surveyUrl: "https://feedback.council.example/s/Jx3kQ9vT2mWbR7nY5cLpA8dZ0eHf6gUsK1iOqV4wXyB",
  ratingUrls: [1, 2, 3, 4, 5].map((n) => `https://feedback.council.example/s/Jx3kQ9vT2mWbR7nY5cLpA8dZ0eHf6gUsK1iOqV4wXyB?csat=${n}`),
  existing: false,
};

const publicView = ({ token: _token, ...rest }: RegisteredInteraction) => rest;

class BatchRejected extends Error {
  constructor(readonly errors: { index: number; status: number; message: string; field?: string }[]) {
    super("batch rejected");
  }
}

export function interactionRoutes(ctx: Ctx) {
  return new Hono<ApiKeyEnv>()
    .post(
      "/interactions",
      describeRoute({
        tags: ["Interactions"],
        summary: "Register an interaction and get its survey links",
        description:
          "Issues a survey token for one contact. The same externalRef again returns the first interaction (200) instead of creating a second one (201).",
        responses: {
          201: { description: "Created", content: json(InteractionCreated, CREATED_EXAMPLE) },
          200: { description: "Already registered under this externalRef", content: json(InteractionCreated, { ...CREATED_EXAMPLE, existing: true }) },
          ...COMMON_ERRORS,
          ...unprocessable("A team, staff member or service that does not exist or is retired"),
        },
      }),
      validate("json", InteractionInput),
      async (c) => {
        const input = c.req.valid("json");
        const created = await registerInteraction(ctx, input);
        return c.json(publicView(created), created.existing ? 200 : 201);
      },
    )
    .post(
      "/interactions/batch",
      describeRoute({
        tags: ["Interactions"],
        summary: "Register up to 1,000 interactions, all or nothing",
        description:
          "If any item is invalid, nothing is stored: malformed items answer 400 naming each bad field by index (`interactions.3.occurredAt`); unknown or retired codes answer 422 with `items: [{index, status, message}]`.",
        responses: {
          201: { description: "All registered", content: json(z.object({ interactions: z.array(InteractionCreated) }), { interactions: [CREATED_EXAMPLE] }) },
          ...COMMON_ERRORS,
          400: { ...COMMON_ERRORS[400], description: "Malformed items, each field named by index (interactions.3.occurredAt); nothing was stored" },
          ...batchUnprocessable("Some items name unknown or retired codes; nothing was stored. `items` lists each failing item"),
        },
      }),
      validate("json", InteractionBatchInput),
      async (c) => {
        const items = c.req.valid("json").interactions;
        try {
          // One write: a rejected item throws BatchRejected at the end, which rolls back every item.
          const created = await ctx.db.write(async (tx) => {
            const errors: BatchRejected["errors"] = [];
            const out: RegisteredInteraction[] = [];
            for (const [index, item] of items.entries()) {
              try {
                out.push(await registerInteractionIn(tx, ctx, item));
              } catch (err) {
                // Only refusals made before anything is written (unknown or retired codes) are
                // collected; a database error ends the write at once.
                if (!(err instanceof DomainError)) throw err;
                const field = (err.details as { field?: string } | undefined)?.field;
                errors.push({ index, status: HTTP_STATUS[err.code], message: err.message, ...(field ? { field: `interactions.${index}.${field}` } : {}) });
              }
            }
            if (errors.length > 0) throw new BatchRejected(errors);
            return out;
          });
          return c.json({ interactions: created.map(publicView) }, 201);
        } catch (err) {
          if (!(err instanceof BatchRejected)) throw err;
          return c.json(
            {
              ...errorBody(
                new UnprocessableError("").code,
                `${err.errors.length} of ${items.length} interactions could not be registered; nothing was stored.`,
              ),
              items: err.errors,
            },
            422,
          );
        }
      },
    );
}
