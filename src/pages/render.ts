import type { Context } from "hono";
import { html } from "hono/html";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Sends a server-rendered page. Survey pages can show a customer's saved answers, so no
 * cache may keep them, and no search engine should index a personal link.
 */
export function sendPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex, nofollow");
  return c.html(html`<!DOCTYPE html>${page}`, status);
}
