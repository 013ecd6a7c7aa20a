import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { generateSpecs } from "hono-openapi";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { requireApiKey, type ApiKeyEnv } from "../../middleware/api-key";
import { interactionRoutes } from "./interactions";
import { reportRoutes } from "./reports";
import { referenceRoutes } from "./reference";
import { phoneSurveyRoutes } from "./phone-surveys";
import { renderApiDocs } from "./docs-page";

/** Everything an integrating system calls, under /api/v1, behind a Bearer API key. */
export function apiRoutes(ctx: Ctx) {
  const secured = new Hono<ApiKeyEnv>()
    .use(requireApiKey(ctx))
    .use(
      bodyLimit({
        maxSize: 2 * 1024 * 1024,
        onError: (c) => c.json(errorBody("too_large", "The request body is larger than 2 MB."), 413),
      }),
    )
    .route("/", interactionRoutes(ctx))
    .route("/", reportRoutes(ctx))
    .route("/", referenceRoutes(ctx))
    .route("/", phoneSurveyRoutes(ctx));

  const documentation = {
    info: {
      title: `${ctx.config.ORG_NAME}: customer satisfaction API`,
      version: "1",
      description:
        "Register interactions to get survey links, manage reference data, and read CSAT, CES, CSI, FCR and response-rate reports. Authenticate with `Authorization: Bearer <api key>` (create one with `npm run cli -- api-key create --name NAME`).",
    },
    servers: [{ url: `${ctx.config.PUBLIC_BASE_URL}/api/v1` }],
    components: { securitySchemes: { bearer: { type: "http" as const, scheme: "bearer" } } },
    security: [{ bearer: [] }],
  };
  let spec: Promise<unknown> | undefined;
  const openapi = () => (spec ??= generateSpecs(secured, { documentation }));

  return new Hono()
    .get("/openapi.json", async (c) => c.json(await openapi()))
    .get("/docs", async (c) => c.html(renderApiDocs((await openapi()) as Parameters<typeof renderApiDocs>[0])))
    .route("/", secured);
}
