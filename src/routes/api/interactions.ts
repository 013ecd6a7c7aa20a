import { Hono } from "hono";
import { describeRoute, resolver } from "hono-openapi";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { DomainError, errorBody, UnprocessableError } from "../../errors";
import { InteractionBatchInput, InteractionCreated, InteractionInput } from "../../schemas/interaction";
import { registerInteraction, type RegisteredInteraction } from "../../services/register-interaction";
import { issuesToFields, validate } from "../../validation";
import type { ApiKeyEnv } from "../../middleware/api-key";

const publicView = ({ token: _token, ...rest }: RegisteredInteraction) => rest;

class BatchRejected extends Error {
  constructor(readonly errors: { index: number; status: number; message: string; fields?: unknown }[]) {
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
          201: { description: "Created", content: { "application/json": { schema: resolver(InteractionCreated) } } },
          200: { description: "Already registered under this externalRef", content: { "application/json": { schema: resolver(InteractionCreated) } } },
          422: { description: "A team, staff member or service that does not exist or is retired" },
        },
      }),
      validate("json", InteractionInput),
      (c) => {
        const created = registerInteraction(ctx, c.req.valid("json"));
        return c.json(publicView(created), created.existing ? 200 : 201);
      },
    )
    .post(
      "/interactions/batch",
      describeRoute({
        tags: ["Interactions"],
        summary: "Register up to 1,000 interactions, all or nothing",
        description: "If any item is invalid, nothing is stored and the answer lists the errors of each failing item by index.",
        responses: {
          201: {
            description: "All registered",
            content: { "application/json": { schema: resolver(z.object({ interactions: z.array(InteractionCreated) })) } },
          },
          422: { description: "Some items name unknown or retired codes; nothing was stored" },
        },
      }),
      validate("json", InteractionBatchInput),
      (c) => {
        const items = c.req.valid("json").interactions;
        const parsed = items.map((item) => InteractionInput.safeParse(item));
        const invalid = parsed.flatMap((p, index) => (p.success ? [] : [{ index, fields: issuesToFields(p.error.issues) }]));
        if (invalid.length > 0) {
          return c.json({ ...errorBody("invalid_input", `${invalid.length} of ${items.length} interactions are not valid; nothing was stored.`), items: invalid }, 400);
        }
        try {
          const created = ctx.db.transaction(
            () => {
              const errors: BatchRejected["errors"] = [];
              const out = parsed.map((p, index) => {
                try {
                  return registerInteraction(ctx, p.data!);
                } catch (err) {
                  if (!(err instanceof DomainError)) throw err;
                  errors.push({ index, status: err.status, message: err.message, fields: err.details });
                  return null;
                }
              });
              if (errors.length > 0) throw new BatchRejected(errors);
              return out as RegisteredInteraction[];
            },
            { behavior: "immediate" },
          );
          return c.json({ interactions: created.map(publicView) }, 201);
        } catch (err) {
          if (!(err instanceof BatchRejected)) throw err;
          return c.json(
            { ...errorBody(new UnprocessableError("").code, `${err.errors.length} of ${items.length} interactions could not be registered; nothing was stored.`), items: err.errors },
            422,
          );
        }
      },
    );
}
