import { createHmac, timingSafeEqual } from "node:crypto";
import { DAY } from "../clock";

/**
 * Cross-site request forgery protection for forms that must work with JavaScript off and
 * without cookies. Two independent checks:
 *
 * 1. A stateless form token: HMAC(secret, scope + day). The page embeds it in a hidden field;
 *    the POST must carry the one for today or yesterday, so a form left open overnight still
 *    works, and a token copied from one survey is useless for another (the scope differs).
 * 2. Browser provenance headers. Hono's csrf() rejects a request with neither a same-origin
 *    Origin nor Sec-Fetch-Site, but our pages send Referrer-Policy: no-referrer, under which
 *    browsers send `Origin: null` even for same-origin form posts; older browsers send no
 *    Sec-Fetch-Site. So we reject only on positive evidence of another site.
 */

const FIELD = "_csrf";
export const CSRF_FIELD = FIELD;

function dayToken(secret: string, scope: string, day: number): string {
  return createHmac("sha256", secret).update(`form:${scope}:${day}`).digest("base64url");
}

/** The token to embed in a form for this scope (e.g. a survey token's hash). */
export function formToken(secret: string, scope: string, now: number): string {
  return dayToken(secret, scope, Math.floor(now / DAY));
}

/** Whether a submitted token is today's or yesterday's for this scope. */
export function isValidFormToken(secret: string, scope: string, submitted: string | null | undefined, now: number): boolean {
  if (!submitted) return false;
  const given = Buffer.from(submitted);
  const today = Math.floor(now / DAY);
  return [today, today - 1].some((day) => {
    const expected = Buffer.from(dayToken(secret, scope, day));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

/**
 * True when the browser tells us the request came from another site: a Sec-Fetch-Site of
 * cross-site or same-site, or a real Origin that is not one of ours.
 */
export function isCrossSite(headers: { origin?: string | undefined; secFetchSite?: string | undefined }, allowedOrigins: readonly string[]): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site === "cross-site" || site === "same-site") return true;
  if (site === "same-origin") return false;
  const origin = headers.origin;
  if (origin === undefined || origin === "null") return false;
  return !allowedOrigins.includes(origin);
}
