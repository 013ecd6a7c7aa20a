import { asc } from "drizzle-orm";
import { responses } from "../../src/db/schema";
import { registerInteraction } from "../../src/services/register-interaction";
import type { Language } from "../../src/domain/languages";
import { createTestApp, seedOrganisation } from "../helpers";
import type { Config } from "../../src/config";

/** A test app with one interaction and its survey link. */
export async function surveyApp(overrides: Partial<Config> = {}, language: Language = "en") {
  const t = await createTestApp(overrides);
  await seedOrganisation(t);
  const link = await registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now(), language });
  const path = `/s/${link.token}`;
  const storedResponses = () => t.db.read.select().from(responses).orderBy(asc(responses.id));

  /** Opens the page and returns the form's anti-forgery token. */
  const csrfToken = async (query = "") => {
    const html = await (await t.app.request(`${path}${query}`)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error("no form on the page");
    return m[1]!;
  };

  /** Posts the form as a browser with JavaScript off would. */
  const submit = async (fields: Record<string, string>, opts: { csrf?: string | null; headers?: Record<string, string>; query?: string } = {}) => {
    const csrf = opts.csrf === undefined ? await csrfToken() : opts.csrf;
    const body = new URLSearchParams(csrf === null ? fields : { _csrf: csrf, ...fields });
    return t.app.request(`${path}${opts.query ?? ""}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...opts.headers },
      body: body.toString(),
    });
  };

  return { ...t, link, path, storedResponses, csrfToken, submit };
}

/** The escaping hono/jsx applies to text, so catalogue strings can be found in a page. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** The HTML of one fieldset, by id. */
export function fieldset(html: string, id: string): string {
  const start = html.indexOf(`<fieldset id="${id}"`);
  if (start < 0) throw new Error(`no fieldset ${id}`);
  return html.slice(start, html.indexOf("</fieldset>", start) + "</fieldset>".length);
}
