import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Sends a server-rendered page. Survey pages can show a customer's saved answers, so no
 * cache may keep them, and no search engine should index a personal link.
 * Our components are synchronous, so the page is a string and the Response is immediate.
 */
export function sendPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Response {
  return sendHtml(c, renderPage(page), status);
}

export function renderPage(page: JSX.Element): string {
  if (page instanceof Promise) throw new Error("page components must render synchronously");
  return `<!DOCTYPE html>${page.toString()}`;
}

export function sendHtml(c: Context, html: string, status: ContentfulStatusCode = 200): Response {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  return c.html(html, status);
}
