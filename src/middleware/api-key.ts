import { eq, sql } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { apiKeys } from "../db/schema";
import { prepared } from "../db/sql";
import type { Ctx } from "../deps";
import { errorBody } from "../errors";
import { hashApiKey } from "../services/api-keys";

// Every API request runs this: a prepared statement, not a query built each time.
const keyByHash = prepared("api_key_by_hash", (db) =>
  db.select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.keyHash, sql.placeholder("keyHash"))),
);

export type ApiKeyEnv = { Variables: { apiKeyId: number } };

/** Bearer API keys for integrating systems: 401 without a valid key, 403 for a revoked one. */
export function requireApiKey(ctx: Ctx) {
  return createMiddleware<ApiKeyEnv>(async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      c.header("WWW-Authenticate", 'Bearer realm="api"');
      return c.json(errorBody("unauthorized", "An API key is required: Authorization: Bearer <key>."), 401);
    }
    const [key] = await keyByHash(ctx.db.read, { keyHash: hashApiKey(match[1]!) });
    if (!key) {
      c.header("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"');
      return c.json(errorBody("unauthorized", "The API key is not valid."), 401);
    }
    if (key.revokedAt !== null) return c.json(errorBody("forbidden", "The API key has been revoked."), 403);
    c.set("apiKeyId", key.id);
    await next();
  });
}
