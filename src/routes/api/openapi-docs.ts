import { resolver } from "hono-openapi";
import type { z } from "zod";
import { BatchErrorBody, ErrorBody } from "../../schemas/common";

/*
 * The parts of the OpenAPI document every operation shares: the error answers the API gives
 * whatever the operation (the middleware in ./index.ts answers them before any route runs), in
 * the one error shape, each with an example.
 */

/** A JSON body with its schema and, where given, an example. */
export const json = (schema: z.ZodType, example?: unknown) => ({
  "application/json": { schema: resolver(schema), ...(example === undefined ? {} : { example }) },
});

const errorExample = (code: string, message: string, more: Record<string, unknown> = {}) => ({ error: { code, message, ...more } });

/** An answer in the one error shape. */
export const errorResponse = (description: string, code: string, message: string) => ({ description, content: json(ErrorBody, errorExample(code, message)) });

/** What every operation under /api/v1 can answer. */
export const COMMON_ERRORS = {
  400: {
    description: "Malformed input: each bad field is named in error.fields",
    content: json(
      ErrorBody,
      errorExample("invalid_input", "The request json is not valid.", { fields: [{ path: "occurredAt", message: "Invalid ISO datetime" }] }),
    ),
  },
  401: errorResponse(
    "No API key, or one this server does not know: send Authorization: Bearer <key>",
    "unauthorized",
    "An API key is required: Authorization: Bearer <key>.",
  ),
  403: errorResponse("The API key has been revoked", "forbidden", "The API key has been revoked."),
  413: errorResponse("The request body is larger than 2 MB", "too_large", "The request body is larger than 2 MB."),
  429: {
    ...errorResponse(
      "Too many requests from this key or address in the last minute; Retry-After says when to try again",
      "too_many_requests",
      "Too many requests: at most 600 a minute. Try again in 12 seconds.",
    ),
    headers: { "Retry-After": { description: "Seconds until a request will be accepted again", schema: { type: "integer" as const } } },
  },
};

/** 422: the body is well formed but names something that does not exist or is retired. */
export const unprocessable = (description: string) => ({
  422: errorResponse(description, "unprocessable", "Unknown team 'NOPE'."),
});

/** 422 for a batch: nothing was stored, and `items` says which items failed and why. */
export const batchUnprocessable = (description: string) => ({
  422: {
    description,
    content: json(
      BatchErrorBody,
      errorExample("unprocessable", "1 of 2 interactions could not be registered; nothing was stored.", {
        items: [{ index: 1, status: 422, message: "Unknown team 'NOPE'.", field: "interactions.1.team" }],
      }),
    ),
  },
});
