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

/**
 * Where to go after signing in: a dashboard page the visitor asked for before the sign-in (a
 * case linked from a reminder email). Only a path under /dashboard/: never another site.
 */
const DASHBOARD_PAGE = /^\/dashboard\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)?(\?[A-Za-z0-9_=&%.-]*)?$/;
export const nextPage = (next: string | undefined): string | undefined => (next && next.length <= 500 && DASHBOARD_PAGE.test(next) ? next : undefined);

const LoginForm = z.object({ email: z.string().trim().max(254), password: z.string().max(1024), next: z.string().max(500).optional() });

/** Sign-in attempts per address per minute, whatever the accounts tried. */
const LOGIN_ATTEMPTS_PER_MINUTE = 20;

/**
 * True when the browser says the form was posted from elsewhere: Sec-Fetch-Site naming another
 * site, an opaque `Origin: null` (a sandboxed frame, a data: page, a redirect through another
 * site), or an Origin that is neither the platform's public origin nor the address this request
 * was sent to. The sign-in page sets its own referrer policy so that a same-origin post carries
 * its real Origin; a browser that still sends `null` but says same-origin is believed, since
 * Sec-Fetch-Site cannot be set by a page.
 */
export function isForeignSignIn(headers: { origin?: string; secFetchSite?: string; host?: string }, publicBaseUrl: string): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  if (origin === "null") return site !== "same-origin";
  try {
    const url = new URL(origin);
    return url.origin !== new URL(publicBaseUrl).origin && url.host !== headers.host;
  } catch {
    return true;
  }
}

/**
 * One answer for every refused sign-in, whether the account exists, the password was wrong or
 * the account must wait: a different status or message for a waiting account would tell
 * anyone which addresses have accounts.
 */
const REFUSED =
  "The email or password is not right. After several failed attempts an account waits a while before the next: if you are sure of your password, try again in a few minutes.";
/**
 * Signing in: a plain HTML form (no JavaScript needed). The login POST itself carries no CSRF
 * token (there is no session yet), so a post from another site is refused instead: that stops
 * a site signing a visitor into an attacker's account.
 */
export function authRoutes(ctx: Ctx) {
  const secure = ctx.config.PUBLIC_BASE_URL.startsWith("https:");
  return new Hono()
    .get("/login", async (c) => {
      const next = nextPage(c.req.query("next"));
      if (await findSession(ctx, getCookie(c, SESSION_COOKIE))) return c.redirect(next ?? "/dashboard/", 303);
      return c.html(<LoginPage orgName={ctx.config.ORG_NAME} next={next} />);
    })
    .post(
      "/login",
      // Refused before anything else: a forged sign-in is not an attempt on any account.
      async (c, next) => {
        const headers = { origin: c.req.header("origin"), secFetchSite: c.req.header("sec-fetch-site"), host: c.req.header("host") };
        if (!isForeignSignIn(headers, ctx.config.PUBLIC_BASE_URL)) return next();
        return c.html(
          <LoginPage orgName={ctx.config.ORG_NAME} error="This sign-in came from another site and was refused. Open the sign-in page and try again." />,
          403,
        );
      },
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
          return c.html(
            <LoginPage orgName={ctx.config.ORG_NAME} error={`Too many sign-in attempts from this address. Wait ${retry} seconds and try again.`} />,
            429,
          );
        },
      }),
      validate("form", LoginForm),
      async (c) => {
        const { email, password } = c.req.valid("form");
        const next = nextPage(c.req.valid("form").next);
        const result = await attemptLogin(ctx, email, password);
        if (!result.ok) return c.html(<LoginPage orgName={ctx.config.ORG_NAME} email={email} next={next} error={REFUSED} />, 401);
        const session = await createSession(ctx, result.userId);
        const cookie = { httpOnly: true, sameSite: "Lax", secure, maxAge: Math.floor(SESSION_TTL_MS / 1000) } as const;
        setCookie(c, SESSION_COOKIE, session.cookieValue, { ...cookie, path: "/dashboard" });
        // The same session is also sent to the signature strip's pages, which refuse a staff
        // member rating themselves. Signing out deletes the session, which ends this copy too.
        setCookie(c, SESSION_COOKIE, session.cookieValue, { ...cookie, path: "/r" });
        return c.redirect(next ?? "/dashboard/", 303);
      },
    );
}
