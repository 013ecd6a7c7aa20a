import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Ctx } from "../deps";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { findSession, SESSION_COOKIE, type Session } from "../services/auth/sessions";

export type SessionEnv = { Variables: { session: Session } };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every dashboard API call needs a live session, and every change also needs the session's
 * CSRF token in X-CSRF-Token: a cross-site form can send the cookie but cannot read the token.
 */
export function requireSession(ctx: Ctx): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    const session = await findSession(ctx, getCookie(c, SESSION_COOKIE));
    if (!session) throw new UnauthorizedError("Sign in to use the dashboard.");
    if (!SAFE_METHODS.has(c.req.method) && !sameToken(c.req.header("x-csrf-token"), session.csrfToken)) {
      throw new ForbiddenError("Missing or wrong CSRF token.");
    }
    c.set("session", session);
    await next();
  };
}

/** Constant-time, so the token cannot be guessed a character at a time from response times. */
function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
