import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError, type z } from "zod";

/**
 * What went wrong, in words that do not depend on how the request came: the API, the
 * dashboard, the survey page, the phone flow and the CLI each say it their own way (HTTP_STATUS
 * below is the HTTP surfaces' one mapping; the CLI prints the message).
 */
export type ErrorCode =
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "invalid_input"
  | "gone"
  | "forbidden"
  | "unauthorized"
  | "unavailable"
  | "pdf_unavailable"
  | "pdf_failed";

/** Domain errors: services throw these, each surface maps their code once. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
export class NotFoundError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(message, "not_found", details);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(message, "conflict", details);
  }
}
/** A well-formed request that names something that does not exist or cannot be used. */
export class UnprocessableError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(message, "unprocessable", details);
  }
}
export class ValidationError extends DomainError {
  constructor(message: string, fields: FieldError[]) {
    super(message, "invalid_input", fields);
  }
}
export class GoneError extends DomainError {
  constructor(message: string) {
    super(message, "gone");
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "Forbidden") {
    super(message, "forbidden");
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = "Unauthorized") {
    super(message, "unauthorized");
  }
}

/** The database cannot be reached (a restart, a failover, the network): try again shortly. */
export class UnavailableError extends DomainError {
  constructor(message = "The service is briefly unavailable. Please try again in a moment.") {
    super(message, "unavailable");
  }
}

/** The HTTP status of each domain error code: the one place the two meet. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  invalid_input: 400,
  gone: 410,
  forbidden: 403,
  unauthorized: 401,
  unavailable: 503,
  pdf_unavailable: 503,
  pdf_failed: 502,
};

export type FieldError = { path: string; message: string };

export function fieldErrors(error: z.ZodError | ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", message: i.message }));
}

/** The one error body shape: { error: { code, message, fields? } }. */
export function errorBody(code: string, message: string, fields?: unknown) {
  return { error: fields === undefined ? { code, message } : { code, message, fields } };
}

/** The one onError: domain errors to their status, zod errors to 400, the rest to 500. */
export function onError(log: (msg: string, err: unknown) => void) {
  return (err: Error, c: Context) => {
    if (err instanceof DomainError) {
      const fields = err instanceof ValidationError ? err.details : undefined;
      return c.json(errorBody(err.code, err.message, fields), HTTP_STATUS[err.code]);
    }
    if (err instanceof ZodError) {
      return c.json(errorBody("invalid_input", "The request is not valid.", fieldErrors(err)), 400);
    }
    if (err instanceof HTTPException) {
      const res = err.getResponse();
      if (err.status === 413) return c.json(errorBody("too_large", "The request body is too large."), 413);
      if (err.status === 400) return c.json(errorBody("invalid_input", err.message || "Malformed request."), 400);
      return res;
    }
    if (isDatabaseUnavailable(err)) {
      log("database unavailable", err);
      c.header("Retry-After", "5");
      return c.json(errorBody("unavailable", new UnavailableError().message), 503);
    }
    log("unhandled error", err);
    return c.json(errorBody("internal", "Something went wrong on our side."), 500);
  };
}

/*
 * Errors that mean the database is out of reach rather than that the request is wrong: a
 * refused or dropped connection, a server shutting down or starting up, a pool that cannot
 * connect in time. The request can succeed when it is back; the pool reconnects by itself.
 */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
  "08001",
  "08004",
  "SQLITE_BUSY",
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection timeout/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}
