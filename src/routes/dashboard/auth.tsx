import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { Ctx } from "../../deps";
import { attemptLogin } from "../../services/auth/login";
import { createSession, findSession, SESSION_COOKIE, SESSION_TTL_MS } from "../../services/auth/sessions";
import { bodyLimit } from "../../middleware/body-limit";
import { rateLimit } from "../../middleware/rate-limit";
import { validate } from "../../validation";
import { LoginPage } from "./login-page";

const LoginForm = z.object({ email: z.string().trim().max(254), password: z.string().max(1024) });

/** Sign-in attempts per address per minute, whatever the accounts tried. */
const LOGIN_ATTEMPTS_PER_MINUTE = 20;

/** True when Origin names another site; an unparsable Origin is foreign too. */
function isForeignOrigin(origin: string, host: string, publicBaseUrl: string): boolean {
  try {
    const url = new URL(origin);
    return url.host !== host && url.origin !== new URL(publicBaseUrl).origin;
  } catch {
    return true;
  }
}

function waitMessage(ms: number): string {
  if (ms >= 60_000) return `Too many failed attempts. This account is locked; try again in ${Math.ceil(ms / 60_000)} minutes.`;
  return `Too many failed attempts. Wait ${Math.max(1, Math.ceil(ms / 1000))} seconds and try again.`;
}

/**
 * Signing in: a plain HTML form (no JavaScript needed). The login POST itself carries no CSRF
 * token (there is no session yet), so a cross-site Origin is refused instead: that stops a
 * site signing a visitor into an attacker's account.
 */
export function authRoutes(ctx: Ctx) {
  const secure = ctx.config.PUBLIC_BASE_URL.startsWith("https:");
  return new Hono()
    .get("/login", async (c) => {
      if (await findSession(ctx, getCookie(c, SESSION_COOKIE))) return c.redirect("/dashboard/", 303);
      return c.html(<LoginPage orgName={ctx.config.ORG_NAME} />);
    })
    .post(
      "/login",
      // Sign-in is the one public form that costs real CPU (scrypt): cap its size, and the
      // attempts per address (per-account throttling alone lets one address try every account).
      bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.html(<LoginPage orgName={ctx.config.ORG_NAME} error="The request was too large." />, 413) }),
      rateLimit({
        limit: Math.min(LOGIN_ATTEMPTS_PER_MINUTE, ctx.config.RATE_LIMIT_PER_MINUTE),
        clock: ctx.clock,
        salt: ctx.config.SESSION_SECRET,
        trustProxy: ctx.config.TRUST_PROXY,
        scope: () => "login",
        onLimited: (c, retry) => {
          c.header("Retry-After", String(retry));
          return c.html(<LoginPage orgName={ctx.config.ORG_NAME} error={waitMessage(retry * 1000)} />, 429);
        },
      }),
      validate("form", LoginForm),
      async (c) => {
      const origin = c.req.header("origin");
      const host = c.req.header("host");
      if (origin && origin !== "null" && host && isForeignOrigin(origin, host, ctx.config.PUBLIC_BASE_URL)) {
        return c.html(<LoginPage orgName={ctx.config.ORG_NAME} error="This sign-in came from another site and was refused." />, 403);
      }
      const { email, password } = c.req.valid("form");
      const result = await attemptLogin(ctx, email, password);
      if (!result.ok) {
        const wait = result.reason === "wait";
        if (wait) c.header("Retry-After", String(Math.ceil(result.retryAfterMs / 1000)));
        const error = wait ? waitMessage(result.retryAfterMs) : "The email or password is not right.";
        return c.html(<LoginPage orgName={ctx.config.ORG_NAME} email={email} error={error} />, wait ? 429 : 401);
      }
      const session = await createSession(ctx, result.userId);
      setCookie(c, SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        sameSite: "Lax",
        secure,
        path: "/dashboard",
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return c.redirect("/dashboard/", 303);
      },
    );
}
