import { Hono, type Context } from "hono";
import { bodyLimit } from "../../middleware/body-limit";
import { DAY } from "../../clock";
import type { Ctx } from "../../deps";
import { ConflictError } from "../../errors";
import { customerErrors } from "../customer-errors";
import { formatDate, formatNumber, isLanguage, languageFromAcceptHeader, messages, type Language } from "../../i18n/index";
import { CSRF_FIELD, formToken, isCrossSite, isValidFormToken } from "../../middleware/csrf";
import { rateLimit } from "../../middleware/rate-limit";
import { MessagePage } from "../../pages/layout";
import { renderPage, sendHtml, sendPage } from "../../pages/render";
import { automationReason } from "../../domain/automation";
import { lastEmailSentAt } from "../../services/mail/sent-at";
import { recentClicks } from "../../services/signature/recent-clicks";
import { recordSuspectedClick } from "../../services/signature/record-suspected-click";
import { recordResponse } from "../../services/record-response";
import { resolveToken, type SurveyContext } from "../../services/resolve-token";
import { COMMENT_MAX, formValues, parseSurveyForm, type FormValues } from "./form";
import { SurveyPage } from "./survey-page";
import { ThanksPage } from "./thanks-page";

/** Generous for a 2,000-character comment percent-encoded (up to 9 bytes a character). */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The survey page /s/<token>, mounted at /s. A GET or HEAD only shows the page
 * (mail scanners open every link); only the form's POST records an answer.
 */
export function surveyRoutes(ctx: Ctx) {
  const { config, clock } = ctx;
  const org = config.ORG_NAME;
  const allowedOrigins = [new URL(config.PUBLIC_BASE_URL).origin];

  /** ?lang=, then the interaction's language, then the browser's, then English. */
  const pickLanguage = (c: Context, interactionLanguage?: string): Language => {
    const asked = c.req.query("lang");
    if (isLanguage(asked)) return asked;
    if (isLanguage(interactionLanguage)) return interactionLanguage;
    return languageFromAcceptHeader(c.req.header("accept-language")) ?? "en";
  };

  /**
   * A page that only says something. Links are relative (?lang=xx) so that the page for one
   * bad token is byte-for-byte the page for any other.
   */
  const messagePage = (
    c: Context,
    lang: Language,
    status: 403 | 404 | 409 | 410 | 413 | 429,
    title: string,
    body: string,
    action?: { href: string; text: string },
  ) => sendPage(c, MessagePage({ lang, org, title, body, action, langHref: (l) => `?lang=${l}` }), status);

  // Every error here is a page in the customer's language: an unknown link (a link cut short
  // by a mail client, /s/ alone) the "no longer valid" page, an expired one "has expired".
  const errors = customerErrors({
    org,
    pickLanguage: (c) => pickLanguage(c),
    log: (msg, err) => ctx.log.error(msg, err),
    notFoundText: (lang) => ({ title: messages(lang).link.invalidTitle, body: messages(lang).link.invalidBody }),
  });

  const editDeadline = (s: SurveyContext) => (s.response ? s.response.createdAt + config.EDIT_WINDOW_DAYS * DAY : 0);
  const canEdit = (s: SurveyContext) => s.response !== undefined && clock.now() <= editDeadline(s);

  const savedValues = (s: SurveyContext): FormValues => {
    const r = s.response;
    if (!r) return {};
    const str = (v: number | string | null) => (v === null ? undefined : String(v));
    return { csat: str(r.csat), ces: str(r.ces), csi: str(r.csi), fcr: str(r.fcr), comment: str(r.comment) };
  };

  const surveyPath = (c: Context) => c.req.path.replace(/\/thanks$/, "");

  type FormState = { values: FormValues; errors?: ReturnType<typeof parseSurveyForm>; chosenCsat?: number };
  const formPage = (c: Context, s: SurveyContext, lang: Language, state: FormState, status: 200 | 400) => {
    const path = surveyPath(c);
    const failed = state.errors && !state.errors.ok ? state.errors : undefined;
    return sendPage(
      c,
      SurveyPage({
        lang,
        org,
        action: `${path}?lang=${lang}`,
        langHref: (l) => `${path}?lang=${l}${state.chosenCsat ? `&csat=${state.chosenCsat}` : ""}`,
        csrf: formToken(config.SESSION_SECRET, s.tokenHash, clock.now()),
        values: state.values,
        errors: failed?.fields ?? [],
        nothing: failed?.nothing ?? false,
        chosenCsat: state.chosenCsat,
        editUntil: s.response && canEdit(s) ? formatDate(lang, editDeadline(s), config.TIMEZONE) : undefined,
      }),
      status,
    );
  };

  /*
   * Most views are of an unanswered survey, and those pages differ only by language, the face
   * chosen in the link, the link itself and the form token. Rendering the JSX is most of the
   * cost of a view, so such pages are rendered once per language and face with placeholders.
   */
  const PATH = "__survey_path__";
  const CSRF = "__survey_csrf__";
  const freshPages = new Map<string, string>();
  const freshPage = (c: Context, s: SurveyContext, lang: Language, chosenCsat: number | undefined) => {
    const key = `${lang}|${chosenCsat ?? 0}`;
    let html = freshPages.get(key);
    if (html === undefined) {
      html = renderPage(
        SurveyPage({
          lang,
          org,
          action: `${PATH}?lang=${lang}`,
          langHref: (l) => `${PATH}?lang=${l}${chosenCsat ? `&csat=${chosenCsat}` : ""}`,
          csrf: CSRF,
          values: chosenCsat ? { csat: String(chosenCsat) } : {},
          errors: [],
          nothing: false,
          chosenCsat,
          editUntil: undefined,
        }),
      );
      freshPages.set(key, html);
    }
    const csrf = formToken(config.SESSION_SECRET, s.tokenHash, clock.now());
    return sendHtml(c, html.replaceAll(PATH, surveyPath(c)).replace(CSRF, csrf));
  };

  const thanksPage = (c: Context, s: SurveyContext, lang: Language, status: 200 | 409 = 200) => {
    const path = surveyPath(c);
    return sendPage(
      c,
      ThanksPage({
        lang,
        org,
        langHref: (l) => `${path}/thanks?lang=${l}`,
        change: canEdit(s) ? { href: `${path}?lang=${lang}`, until: formatDate(lang, editDeadline(s), config.TIMEZONE) } : undefined,
      }),
      status,
    );
  };

  const clicks = recentClicks();
  /**
   * Mail scanners open every link of an email on delivery. Such a view records nothing
   * anyway (only the form's POST does); it is counted apart so administrators can see it.
   */
  const noteIfAutomated = async (c: Context, s: SurveyContext, score: number | undefined) => {
    const at = clock.now();
    const reason = automationReason({
      method: c.req.method,
      userAgent: c.req.header("user-agent"),
      at,
      score,
      recent: score === undefined ? undefined : clicks.note(String(s.tokenId), { score, at }),
      sentAt: await lastEmailSentAt(ctx.db.read, s.interaction.id),
    });
    if (reason) await recordSuspectedClick(ctx, { reason, interactionId: s.interaction.id, staffId: s.interaction.staffId, score });
  };

  return new Hono()
    .use(
      "*",
      rateLimit({
        limit: config.RATE_LIMIT_PER_MINUTE,
        clock,
        salt: config.SESSION_SECRET,
        trustProxy: config.TRUST_PROXY,
        onLimited: (c) => {
          const lang = pickLanguage(c);
          const m = messages(lang).errors;
          return messagePage(c, lang, 429, m.tooManyTitle, m.tooManyBody);
        },
      }),
    )
    .get("/:token", async (c) => {
      const token = c.req.param("token");
      const s = await resolveToken(ctx, token);
      const lang = pickLanguage(c, s.interaction.language);
      // Already answered and the window has passed: nothing left to do here.
      if (s.response && !canEdit(s)) return thanksPage(c, s, lang);
      const csat = c.req.query("csat");
      const chosenCsat = csat && /^[1-5]$/.test(csat) ? Number(csat) : undefined;
      await noteIfAutomated(c, s, chosenCsat);
      if (!s.response) return freshPage(c, s, lang, chosenCsat);
      const values = { ...savedValues(s), ...(chosenCsat ? { csat: String(chosenCsat) } : {}) };
      return formPage(c, s, lang, { values, chosenCsat }, 200);
    })
    .post(
      "/:token",
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => {
          const lang = pickLanguage(c);
          const m = messages(lang).errors;
          return messagePage(c, lang, 413, m.summaryTitle, m.commentTooLong(formatNumber(lang, COMMENT_MAX)));
        },
      }),
      async (c) => {
        const token = c.req.param("token");
        const s = await resolveToken(ctx, token);
        const lang = pickLanguage(c, s.interaction.language);
        const now = clock.now();
        const contentType = c.req.header("content-type") ?? "";
        // Read as text and parse with URLSearchParams: about 3x cheaper than parseBody().
        const params = new URLSearchParams(contentType.startsWith("application/x-www-form-urlencoded") ? await c.req.text() : "");
        const forged =
          isCrossSite({ origin: c.req.header("origin"), secFetchSite: c.req.header("sec-fetch-site") }, allowedOrigins) ||
          !isValidFormToken(config.SESSION_SECRET, s.tokenHash, params.get(CSRF_FIELD), now);
        if (forged) {
          const m = messages(lang);
          return messagePage(c, lang, 403, m.errors.formExpiredTitle, m.errors.formExpiredBody, {
            href: `${c.req.path}?lang=${lang}`,
            text: m.page.title,
          });
        }
        if (s.response && !canEdit(s)) return thanksPage(c, s, lang, 409);
        const values = formValues(params);
        const parsed = parseSurveyForm(values);
        if (!parsed.ok) return formPage(c, s, lang, { values, errors: parsed }, 400);
        // Stored with the consent wording the page showed, in the language it was shown in. An
        // unticked box says nothing (the page never shows an earlier request), so it is left out
        // rather than sent as null.
        const contactRequest = parsed.contact && { ...parsed.contact, consentText: messages(lang).contact.consent };
        // Answered only once the answer is durable (on SQLite, with the writes arriving alongside).
        await recordResponse(
          ctx,
          { interactionId: s.interaction.id, ...parsed.answers, language: lang, confirmedVia: "form", ...(contactRequest ? { contactRequest } : {}) },
          { enforceEditWindow: true },
        );
        return c.redirect(`${c.req.path}/thanks?lang=${lang}`, 303);
      },
    )
    .get("/:token/thanks", async (c) => {
      const token = c.req.param("token");
      const s = await resolveToken(ctx, token);
      const lang = pickLanguage(c, s.interaction.language);
      if (!s.response) return c.redirect(`${surveyPath(c)}?lang=${lang}`, 303);
      return thanksPage(c, s, lang);
    })
    .all("/*", errors.notFound)
    .onError(async (err, c) => {
      // The edit window can close between reading and writing; the service has the last word,
      // and the customer sees their answer's page as it now stands.
      const token = c.req.param("token");
      const s = err instanceof ConflictError && token ? await resolveToken(ctx, token).catch(() => undefined) : undefined;
      if (s) return thanksPage(c, s, pickLanguage(c, s.interaction.language), 409);
      return errors.onError(err, c);
    });
}
