import { Hono } from "hono";
import { facePng, type Score } from "../mail/faces";
import { PAGE_CSS, PAGE_CSS_PATH } from "../pages/styles";

/** A year: the longest lifetime caches honour. */
const FOR_A_YEAR = "public, max-age=31536000, immutable";

/**
 * Files that never change under their name: the customer pages' stylesheet (content-hashed
 * name) and the five face images, which are drawn the same on every start.
 */
export function assetRoutes() {
  return (
    new Hono()
      .get(PAGE_CSS_PATH, (c) => c.body(PAGE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": FOR_A_YEAR }))
      // The faces are shown by pages that are not ours: a signature in someone's mail client, an
      // invitation opened from a saved file or a webmail's proxy. Cross-Origin-Resource-Policy
      // same-origin (the app's default) would leave them broken there.
      .get("/faces/:file{[1-5]\\.png}", (c) =>
        c.body(new Uint8Array(facePng(Number(c.req.param("file")[0]) as Score)), 200, {
          "Content-Type": "image/png",
          "Cache-Control": FOR_A_YEAR,
          "Cross-Origin-Resource-Policy": "cross-origin",
        }),
      )
  );
}
