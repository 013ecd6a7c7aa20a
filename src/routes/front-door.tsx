import { Hono } from "hono";
import type { Config } from "../config";
import { sendPage } from "../pages/render";
import { PAGE_CSS_PATH } from "../pages/styles";

/** A speech bubble with a tick, in the masthead's blue: the platform's mark in a browser tab. */
const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#1d3f6e" d="M6 3h20a4 4 0 0 1 4 4v13a4 4 0 0 1-4 4H15l-7 6v-6H6a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4z"/><path fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round" d="M10 13.5l4 4 8-8"/></svg>`;

/** A day: the mark may change with a release, and browsers keep favicons long anyway. */
const FOR_A_DAY = "public, max-age=86400";

function FrontDoorPage({ org }: { org: string }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Customer feedback – ${org}`}</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={PAGE_CSS_PATH} />
      </head>
      <body>
        <header class="masthead">
          <div class="wrap">
            <span class="org">{org}</span>
          </div>
        </header>
        <main id="main" class="wrap">
          <h1>Customer feedback</h1>
          <p class="lead">
            {org} asks customers how each contact went, by email, on the phone and on the web, and reports what they said to its managers and directors.
          </p>
          <p>
            <a class="button" href="/dashboard">
              Sign in to the dashboard
            </a>
          </p>
          <p>
            For systems that register contacts and read figures: <a href="/api/v1/docs">the API documentation</a>.
          </p>
        </main>
      </body>
    </html>
  );
}

/**
 * The address on its own: who this is and where to go (staff to the dashboard, integrators to
 * the API's documentation), instead of a JSON "not found"; and the favicon every page links to.
 */
export function frontDoorRoutes(config: Pick<Config, "ORG_NAME">) {
  return (
    new Hono()
      .get("/", (c) => sendPage(c, <FrontDoorPage org={config.ORG_NAME} />))
      .get("/favicon.svg", (c) => c.body(FAVICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": FOR_A_DAY }))
      // What a browser asks for when a page names no icon (the API's documentation page).
      .get("/favicon.ico", (c) => c.redirect("/favicon.svg", 301))
  );
}
