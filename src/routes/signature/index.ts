import { Hono, type Context } from "hono";
import { bodyLimit } from "../../middleware/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { MINUTE } from "../../clock";
import type { Ctx } from "../../deps";
import { automationReason, refusesConfirmation } from "../../domain/automation";
import { networkMatcher } from "../../domain/networks";
import { isLanguage, languageFromAcceptHeader, messages, type Language } from "../../i18n/index";
import { isScore } from "../../mail/faces";
import { mailMessages } from "../../mail/messages";
import { CSRF_FIELD, formToken, isCrossSite, isValidFormToken } from "../../middleware/csrf";
import { clientAddress, rateLimit } from "../../middleware/rate-limit";
import { MessagePage } from "../../pages/layout";
import { sendPage } from "../../pages/render";
import { Code } from "../../schemas/common";
import { verifyUnsubscribeId } from "../../services/mail/address";
import { isOptedOut, optOut } from "../../services/mail/opt-out";
import { findSession, SESSION_COOKIE } from "../../services/auth/sessions";
import { addressHash, addressKey, BROWSER_COOKIE, browserKey, dailySalt, isBrowserId, newBrowserId } from "../../services/signature/client-key";
import { confirmSignatureRating } from "../../services/signature/confirm-rating";
import { recentClicks } from "../../services/signature/recent-clicks";
import { recordSuspectedClick } from "../../services/signature/record-suspected-click";
import { stripPerson, type StripPerson } from "../../services/signature/strip-person";
import { customerErrors } from "../customer-errors";
import { signatureNotices } from "./messages";
import { ChoosePage, ConfirmPage, UnsubscribePage } from "./pages";

const FaceLinkParams = z.object({
  staff: Code,
  score: z
    .string()
    .regex(/^[1-5]$/)
    .transform(Number),
});
const ConfirmForm = z.object({ [CSRF_FIELD]: z.string().max(100).optional(), browser: z.string().max(40).optional() });

/** Confirmations per client address per 10 minutes: generous for a shared office address. */
const CONFIRMATIONS_PER_WINDOW = 20;

/**
 * The signature strip's links /r/<staff>/<n> and unsubscribe links (the face images are
 * assets, src/routes/assets.ts); mounted at /. GET and HEAD never record anything:
 * mail scanners open every link of every message. They show the chosen face and one Confirm
 * button; the POST records.
 */
export function signatureRoutes(ctx: Ctx) {
  const { config, clock } = ctx;
  const org = config.ORG_NAME;
  const allowedOrigins = [new URL(config.PUBLIC_BASE_URL).origin];
  const secureCookie = config.PUBLIC_BASE_URL.startsWith("https://");
  const salt = dailySalt();
  const clicks = recentClicks();
  const fromStaffNetwork = networkMatcher(config.STAFF_NETWORKS);

  const pickLanguage = (c: Context): Language => {
    const asked = c.req.query("lang");
    if (isLanguage(asked)) return asked;
    return languageFromAcceptHeader(c.req.header("accept-language")) ?? "en";
  };
  const page = (c: Context, status: 200 | 403 | 404 | 429, title: string, body: string) =>
    sendPage(c, MessagePage({ lang: pickLanguage(c), org, title, body, langHref: (l) => `?lang=${l}` }), status);
  // Every error on these links is a page in the customer's language, never JSON.
  const errors = customerErrors({
    org,
    pickLanguage,
    log: (msg, err) => ctx.log.error(msg, err),
    notFoundText: (lang) => ({ title: mailMessages(lang).notFoundTitle, body: mailMessages(lang).notFoundBody }),
  });
  const notFound = errors.notFound;
  const tooMany = (c: Context) => {
    const m = mailMessages(pickLanguage(c));
    return page(c, 429, m.tooManyTitle, m.tooManyBody);
  };
  const limiter = (limit: number, windowMs: number) =>
    rateLimit({ limit, windowMs, clock, salt: `${config.SESSION_SECRET}:signature`, trustProxy: config.TRUST_PROXY, onLimited: (c) => tooMany(c) });

  const findPerson = (code: string) => stripPerson(ctx.db.read, code);

  /** A hash of the client's address under today's in-memory salt; never the address itself. */
  const addressOf = (c: Context) => addressHash(salt.at(clock.now()), clientAddress(c, config.TRUST_PROXY));
  /**
   * The staff member themselves, signed in to the dashboard in this browser (the session
   * cookie is also sent to /r for this). Their own ratings are refused.
   */
  const isSelf = async (c: Context, person: StripPerson) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!person.email || !cookie) return false;
    const session = await findSession(ctx, cookie);
    return session !== null && session.user.email === person.email.trim().toLowerCase();
  };
  const selfRating = (c: Context, person: StripPerson) => {
    const n = signatureNotices(pickLanguage(c));
    return page(c, 403, n.selfRatingTitle, n.selfRatingBody(person.name));
  };
  const csrfScope = (staffCode: string, browserId: string) => `signature:${staffCode}:${browserId}`;

  return (
    new Hono()
      .use("/r/*", limiter(config.RATE_LIMIT_PER_MINUTE, MINUTE))
      .use("/unsubscribe/*", limiter(config.RATE_LIMIT_PER_MINUTE, MINUTE))
      .get("/r/:staff", async (c) => {
        const code = Code.safeParse(c.req.param("staff"));
        const person = code.success ? await findPerson(code.data) : undefined;
        if (!person) return notFound(c);
        return sendPage(c, ChoosePage({ lang: pickLanguage(c), org, person }));
      })
      .get("/r/:staff/:score", async (c) => {
        const params = FaceLinkParams.safeParse(c.req.param());
        const person = params.success ? await findPerson(params.data.staff) : undefined;
        if (!params.success || !person || !isScore(params.data.score)) return notFound(c);
        const score = params.data.score;
        if (await isSelf(c, person)) return selfRating(c, person);
        const now = clock.now();
        const reason = automationReason({
          method: c.req.method,
          userAgent: c.req.header("user-agent"),
          at: now,
          score,
          recent: clicks.note(`${person.id}:${addressOf(c)}`, { score, at: now }),
        });
        if (reason) await recordSuspectedClick(ctx, { reason, staffId: person.id, score });
        // The cookie is set on the page so the confirmation carries it; a browser that refuses
        // it falls back to the daily address hash.
        const existing = getCookie(c, BROWSER_COOKIE);
        const browserId = isBrowserId(existing) ? existing : newBrowserId();
        if (browserId !== existing) {
          setCookie(c, BROWSER_COOKIE, browserId, { path: "/r", httpOnly: true, sameSite: "Lax", secure: secureCookie, maxAge: 400 * 24 * 3600 });
        }
        const csrf = formToken(config.SESSION_SECRET, csrfScope(person.code, browserId), now);
        return sendPage(c, ConfirmPage({ lang: pickLanguage(c), org, person, score, csrf, browserId }));
      })
      .post(
        "/r/:staff/:score",
        limiter(CONFIRMATIONS_PER_WINDOW, 10 * MINUTE),
        bodyLimit({ maxSize: 8 * 1024, onError: (c) => errors.badRequest(c, 413) }),
        errors.validatePage("form", ConfirmForm),
        async (c) => {
          const params = FaceLinkParams.safeParse(c.req.param());
          const person = params.success ? await findPerson(params.data.staff) : undefined;
          if (!params.success || !person || !isScore(params.data.score)) return notFound(c);
          const score = params.data.score;
          const lang = pickLanguage(c);
          const expired = () => page(c, 403, messages(lang).errors.formExpiredTitle, messages(lang).errors.formExpiredBody);
          const refused = refusesConfirmation(c.req.header("user-agent"));
          if (refused) {
            await recordSuspectedClick(ctx, { reason: refused, staffId: person.id, score });
            // Said as it is: a person whose browser is mistaken for a program knows what to do.
            return page(c, 403, messages(lang).errors.automatedTitle, messages(lang).errors.automatedBody);
          }
          if (isCrossSite({ origin: c.req.header("origin"), secFetchSite: c.req.header("sec-fetch-site") }, allowedOrigins)) return expired();
          const form = c.req.valid("form");
          const cookie = getCookie(c, BROWSER_COOKIE);
          const formBrowser = form.browser ?? "";
          // The token is bound to the browser id the page was shown to; a browser that kept the
          // cookie must send the form it was given, not one fetched by someone else.
          if (
            (isBrowserId(cookie) && cookie !== formBrowser) ||
            !isValidFormToken(config.SESSION_SECRET, csrfScope(person.code, formBrowser), form[CSRF_FIELD], clock.now())
          ) {
            return expired();
          }
          if (await isSelf(c, person)) return selfRating(c, person);
          const address = clientAddress(c, config.TRUST_PROXY);
          const notices = signatureNotices(lang);
          if (fromStaffNetwork(address)) {
            await recordSuspectedClick(ctx, { reason: "staff_network", staffId: person.id, score });
            return page(c, 200, notices.staffNetworkTitle, notices.staffNetworkBody(org));
          }
          const key = browserKey({
            cookieId: isBrowserId(cookie) ? cookie : null,
            address,
            userAgent: c.req.header("user-agent") ?? "",
            pepper: config.TOKEN_PEPPER,
            salt: salt.at(clock.now()),
          });
          // Like the survey page: answered once the confirmation is durable.
          const confirmed = await confirmSignatureRating(ctx, {
            staffCode: person.code,
            score,
            browserKey: key,
            addressKey: addressKey(salt.at(clock.now()), address),
            language: lang,
          });
          // Kept apart: thanked like any other, with no survey page to go on to.
          if (confirmed.kind === "suspected") return page(c, 200, notices.receivedTitle, notices.receivedBody);
          return c.redirect(`/s/${confirmed.token}?saved=1`, 303);
        },
      )
      .get("/unsubscribe/:id", async (c) => {
        const hash = verifyUnsubscribeId(c.req.param("id"), config.SESSION_SECRET);
        if (!hash) return notFound(c);
        // A GET only shows the button: scanners open this link too.
        return sendPage(c, UnsubscribePage({ lang: pickLanguage(c), org, done: await isOptedOut(ctx, hash) }));
      })
      .post("/unsubscribe/:id", bodyLimit({ maxSize: 4 * 1024, onError: (c) => errors.badRequest(c, 413) }), async (c) => {
        // RFC 8058 one-click: the mail provider POSTs "List-Unsubscribe=One-Click" from its own
        // servers, so there is no form token; the signed id is the authority.
        const hash = verifyUnsubscribeId(c.req.param("id"), config.SESSION_SECRET);
        if (!hash) return notFound(c);
        await optOut(ctx, hash);
        return sendPage(c, UnsubscribePage({ lang: pickLanguage(c), org, done: true }));
      })
      // A link cut short by a mail client ("/r/", "/unsubscribe/") is a page too.
      .all("/r/*", notFound)
      .all("/unsubscribe/*", notFound)
      .onError(errors.onError)
  );
}
