import { createHash, randomBytes } from "node:crypto";
import { asc, desc, eq, or } from "drizzle-orm";
import type { Ctx } from "../deps";
import { apiKeys } from "../db/schema";
import { NotFoundError } from "../errors";

/** API keys have 256 random bits, so a fast unkeyed hash is enough to store them safely. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export async function createApiKey(ctx: Ctx, name: string): Promise<{ id: number; key: string; prefix: string }> {
  const key = `ros_${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, 10);
  const keyHash = hashApiKey(key);
  const [row] = await ctx.db.write((tx) => tx.insert(apiKeys).values({ name, prefix, keyHash, createdAt: ctx.clock.now() }).returning({ id: apiKeys.id }));
  return { id: row!.id, key, prefix };
}

export async function listApiKeys(ctx: Ctx) {
  return await ctx.db.read
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}

/** Revokes by id or by prefix; revoked keys stay listed so the history is kept. */
export async function revokeApiKey(ctx: Ctx, idOrPrefix: string): Promise<void> {
  const asId = /^\d+$/.test(idOrPrefix) ? Number(idOrPrefix) : NaN;
  // A number too large to be an id is no id (PostgreSQL would refuse it as out of range).
  const byId = Number.isSafeInteger(asId) ? eq(apiKeys.id, asId) : undefined;
  await ctx.db.write(async (tx) => {
    const [row] = await tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(or(byId, eq(apiKeys.prefix, idOrPrefix)))
      .orderBy(asc(apiKeys.id))
      .limit(1);
    if (!row) throw new NotFoundError(`No API key '${idOrPrefix}'.`);
    await tx.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(eq(apiKeys.id, row.id));
  });
}
