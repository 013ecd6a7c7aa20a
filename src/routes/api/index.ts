import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import { bodyLimit } from "../../middleware/body-limit";
import { generateSpecs } from "hono-openapi";
import { z } from "zod";
import { ErrorBody } from "../../schemas/common";
import type { Ctx } from "../../deps";
import { errorBody } from "../../errors";
import { requireApiKey, type ApiKeyEnv } from "../../middleware/api-key";
import { rateLimit } from "../../middleware/rate-limit";
import { interactionRoutes } from "./interactions";
import { reportRoutes } from "./reports";
import { referenceRoutes } from "./reference";
import { phoneSurveyRoutes } from "./phone-surveys";
import { signatureApiRoutes } from "./signature";
import { renderApiDocs } from "./docs-page";
import { followUpRoutes } from "./follow-ups";
import { actionRoutes } from "./actions";

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

const badBody = (message: string) => errorBody("invalid_input", message, [{ path: "(body)", message }]);

/**
 * Bodies sent to the API are JSON. Hono's validator would quietly read a body of another type
 * as {} (answering "code: required" to a client whose real mistake is the content type) and
 * reports bad JSON without naming the body; this says what is wrong first. An empty body reads
 * as {}, so the validator names the missing fields and body-less routes (retire) accept it.
 * The text stays cached on the request for the validator.
 */
function jsonBodies() {
  return createMiddleware(async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim();
    const text = await c.req.text();
    if (text.trim() === "") {
      delete c.req.bodyCache.text;
      c.req.raw = new Request(c.req.raw, { body: "{}" });
      return next();
    }
    if (!JSON_TYPE.test(type)) {
      return c.json(badBody(`Send the body as JSON with Content-Type: application/json${type ? ` (got ${type})` : ""}.`), 400);
    }
    try {
      JSON.parse(text);
    } catch (err) {
      return c.json(badBody(`The body is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`), 400);
    }
    return next();
  });
}

/**
 * 429 in the one error shape. Per key and address: one busy integration cannot use up another
 * key's allowance, nor one office's a whole key's. Requests refused for their key count per
 * address alone, so sending a fresh made-up key each time gains nothing.
 */
function apiRateLimits(ctx: Ctx) {
  const { config, clock } = ctx;
  const base = { limit: config.RATE_LIMIT_API_PER_MINUTE, clock, salt: `${config.SESSION_SECRET}:api`, trustProxy: config.TRUST_PROXY };
  const onLimited = (c: Context, retryAfter: number) =>
    c.json(errorBody("too_many_requests", `Too many requests: at most ${config.RATE_LIMIT_API_PER_MINUTE} a minute. Try again in ${retryAfter} seconds.`), 429);
  return {
    refusedKeys: rateLimit({ ...base, onLimited, countOnly: (status) => status === 401 || status === 403 }),
    perKey: rateLimit({ ...base, onLimited, scope: (c) => `key:${String(c.get("apiKeyId") as unknown)}` }),
    documents: rateLimit({ ...base, onLimited, scope: () => "documents" }),
  };
}

/** Everything an integrating system calls, under /api/v1, behind a Bearer API key. */
export function apiRoutes(ctx: Ctx) {
  const limits = apiRateLimits(ctx);
  const secured = new Hono<ApiKeyEnv>()
    .use(limits.refusedKeys)
    .use(requireApiKey(ctx))
    .use(limits.perKey)
    .use(
      bodyLimit({
        maxSize: 2 * 1024 * 1024,
        onError: (c) => c.json(errorBody("too_large", "The request body is larger than 2 MB."), 413),
      }),
    )
    .use(jsonBodies())
    .route("/", interactionRoutes(ctx))
    .route("/", reportRoutes(ctx))
    .route("/", referenceRoutes(ctx))
    .route("/", phoneSurveyRoutes(ctx))
    .route("/", signatureApiRoutes(ctx))
    .route("/", followUpRoutes(ctx))
    .route("/", actionRoutes(ctx));

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
  // Every validated route answers 400 in our one error shape; say so instead of the default.
  const defaultValidationErrorResponse = {
    description: "Malformed input: each bad field is named in error.fields",
    content: { "application/json": { schema: z.toJSONSchema(ErrorBody) as Record<string, unknown> } },
  };
  const openapi = () => (spec ??= generateSpecs(secured, { documentation, defaultValidationErrorResponse }));

  return new Hono()
    .use("/openapi.json", limits.documents)
    .use("/docs", limits.documents)
    .get("/openapi.json", async (c) => c.json(await openapi()))
    .get("/docs", async (c) => c.html(renderApiDocs((await openapi()) as Parameters<typeof renderApiDocs>[0])))
    .route("/", secured);
}
