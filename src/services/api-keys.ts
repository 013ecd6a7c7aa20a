import { createHash, randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Ctx } from "../deps";
import { apiKeys } from "../db/schema";
import { NotFoundError } from "../errors";

/** API keys have 256 random bits, so a fast unkeyed hash is enough to store them safely. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function createApiKey(ctx: Ctx, name: string): { id: number; key: string; prefix: string } {
  const key = `ros_${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, 10);
  const row = ctx.db
    .insert(apiKeys)
    .values({ name, prefix, keyHash: hashApiKey(key), createdAt: ctx.clock.now() })
    .returning({ id: apiKeys.id })
    .get();
  return { id: row.id, key, prefix };
}

export function listApiKeys(ctx: Ctx) {
  return ctx.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id))
    .all();
}

/** Revokes by id or by prefix; revoked keys stay listed so the history is kept. */
export function revokeApiKey(ctx: Ctx, idOrPrefix: string): void {
  const asId = /^\d+$/.test(idOrPrefix) ? Number(idOrPrefix) : -1;
  const row = ctx.db.select().from(apiKeys).all().find((k) => k.id === asId || k.prefix === idOrPrefix);
  if (!row) throw new NotFoundError(`No API key '${idOrPrefix}'.`);
  ctx.db.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(eq(apiKeys.id, row.id)).run();
}
