import { Hono } from "hono";
import { PAGE_CSS, PAGE_CSS_PATH } from "../pages/styles";

/** The customer pages' stylesheet, under a content-hashed name: cached for a year. */
export function assetRoutes() {
  return new Hono().get(PAGE_CSS_PATH, (c) =>
    c.body(PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" }),
  );
}
