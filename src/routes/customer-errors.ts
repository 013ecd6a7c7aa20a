import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { Context, Env, ValidationTargets } from "hono";
import { HTTPException } from "hono/http-exception";
import { validator } from "hono-openapi";
import { ZodError } from "zod";
import { DomainError, GoneError, isDatabaseUnavailable, NotFoundError, ValidationError } from "../errors";
import { messages, type Language } from "../i18n/index";
import { MessagePage } from "../pages/layout";
import { sendPage } from "../pages/render";

/**
 * What a customer-facing surface (the survey page, the signature strip's links, unsubscribe
 * links) needs to answer every error with a page in the customer's language, never JSON: a
 * customer arrives from a link in an email, often cut short or years old.
 */
export type CustomerSurface = {
  org: string;
  pickLanguage: (c: Context) => Language;
  log: (msg: string, err: unknown) => void;
  /** The words for a link that leads nowhere, in this surface's terms. */
  notFoundText: (lang: Language) => { title: string; body: string };
};

type PageStatus = 400 | 404 | 410 | 413 | 500 | 503;

/**
 * The surface's notFound, onError and validation hook. Mounted sub-apps keep their own
 * onError (Hono wraps each sub-app's handlers with it); unmatched paths under the surface's
 * prefix reach `notFound` through a catch-all route, as a sub-app's notFound is not consulted
 * once it is mounted.
 */
export function customerErrors(surface: CustomerSurface) {
  // Relative links: the page for one bad link is byte-for-byte the page for any other.
  const page = (c: Context, lang: Language, status: PageStatus, title: string, body: string) =>
    sendPage(c, MessagePage({ lang, org: surface.org, title, body, langHref: (l) => `?lang=${l}` }), status);

  const notFound = (c: Context) => {
    const lang = surface.pickLanguage(c);
    const { title, body } = surface.notFoundText(lang);
    return page(c, lang, 404, title, body);
  };

  const badRequest = (c: Context, status: 400 | 413 = 400) => {
    const lang = surface.pickLanguage(c);
    const m = messages(lang).errors;
    return page(c, lang, status, m.badRequestTitle, m.badRequestBody);
  };

  const onError = (err: Error, c: Context) => {
    const lang = surface.pickLanguage(c);
    const m = messages(lang);
    if (err instanceof NotFoundError) return notFound(c);
    if (err instanceof GoneError) return page(c, lang, 410, m.link.expiredTitle, m.link.expiredBody);
    if (err instanceof ValidationError || err instanceof ZodError) return badRequest(c);
    if (err instanceof HTTPException && (err.status === 400 || err.status === 413)) return badRequest(c, err.status);
    if (isDatabaseUnavailable(err)) {
      surface.log("database unavailable", err);
      c.header("Retry-After", "5");
      return page(c, lang, 503, m.errors.unavailableTitle, m.errors.unavailableBody);
    }
    if (!(err instanceof DomainError)) surface.log("unhandled error", err);
    return page(c, lang, 500, m.errors.problemTitle, m.errors.problemBody);
  };

  /** validate() for forms a browser posts: an invalid one gets the "could not read it" page, not JSON. */
  const validatePage = <S extends StandardSchemaV1, Target extends keyof ValidationTargets, E extends Env = Env, P extends string = string>(
    target: Target,
    schema: S,
  ) =>
    validator<S, Target, E, P>(target, schema, (result, c) => {
      if (!result.success) return badRequest(c);
    });

  return { notFound, onError, badRequest, validatePage };
}
