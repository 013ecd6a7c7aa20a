import { existsSync, readFileSync } from "node:fs";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { projectPath } from "../../paths";

/** Where `vite build` puts the dashboard; resolved from the project, not the working directory. */
export const WEB_DIST = projectPath("web/dist");

/**
 * Serves the built single-page app: hashed assets cached for a year, and index.html for every
 * page path so a bookmarked /dashboard/trends?… loads the app, which reads the URL.
 */
export function staticRoutes(missing: () => string) {
  const indexFile = `${WEB_DIST}/index.html`;
  return new Hono()
    .use(
      "/assets/*",
      async (c, next) => {
        await next();
        if (c.res.status === 200) c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
      serveStatic({ root: WEB_DIST, rewriteRequestPath: (p) => p.replace(/^\/dashboard/, "") }),
    )
    .get("/*", (c) => {
      if (!existsSync(indexFile)) return c.html(missing(), 503);
      c.header("Cache-Control", "no-cache");
      return c.html(readFileSync(indexFile, "utf8"));
    });
}
