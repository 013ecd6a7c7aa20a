import { eq, sql } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { MINUTE } from "../clock";
import { apiKeys } from "../db/schema";
import { prepared } from "../db/sql";
import type { Ctx } from "../deps";
import { errorBody } from "../errors";
import { hashApiKey } from "../services/api-keys";

// Every API request runs this: a prepared statement, not a query built each time.
const keyByHash = prepared("api_key_by_hash", (db) =>
  db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash"))),
);

const markUsed = prepared("api_key_mark_used", (db) =>
  db
    .update(apiKeys)
    .set({ lastUsedAt: sql`${sql.placeholder("at")}` })
    .where(eq(apiKeys.id, sql.placeholder("id"))),
);

/** "Last used" is for telling live keys from forgotten ones: to the minute is plenty. */
const LAST_USED_RESOLUTION_MS = MINUTE;

export type ApiKeyEnv = { Variables: { apiKeyId: number } };

/** Bearer API keys for integrating systems: 401 without a valid key, 403 for a revoked one. */
export function requireApiKey(ctx: Ctx) {
  // When this server last recorded each key's use. An integration sends thousands of requests
  // a minute; one write a minute per key keeps "last used" true without a write per request.
  const recorded = new Map<number, number>();
  const noteUse = (id: number) => {
    const now = ctx.clock.now();
    if (now - (recorded.get(id) ?? -Infinity) < LAST_USED_RESOLUTION_MS) return;
    recorded.set(id, now);
    // Not awaited: the request does not wait for bookkeeping, and a failure only delays it.
    ctx.db
      .write((tx) => markUsed(tx, { id, at: now }))
      .catch((err: unknown) => {
        recorded.delete(id);
        ctx.log.error("could not record an API key's last use", err);
      });
  };
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
    noteUse(key.id);
    await next();
  });
}
