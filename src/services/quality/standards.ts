import { and, eq, isNull, max } from "drizzle-orm";
import type { Ctx } from "../../deps";
import type { Db } from "../../db/database";
import { lockTableForWrite } from "../../db/locks";
import { qaStandards } from "../../db/schema";
import { DEFAULT_QA_STANDARDS } from "../../domain/quality";
import { ConflictError, NotFoundError, UnprocessableError } from "../../errors";

export type QaStandard = typeof qaStandards.$inferSelect;

/**
 * The default checklist, when the organisation has no standards at all (not even retired ones):
 * the first sample drawn, or an administrator asking for them. Returns how many were added.
 */
export async function ensureDefaultStandards(tx: Db, now: number): Promise<number> {
  await lockTableForWrite(tx, qaStandards);
  const [any] = await tx.select({ id: qaStandards.id }).from(qaStandards).limit(1);
  if (any) return 0;
  await tx.insert(qaStandards).values(DEFAULT_QA_STANDARDS.map((text, position) => ({ text, position, createdAt: now })));
  return DEFAULT_QA_STANDARDS.length;
}

export function addDefaultStandards(ctx: Ctx): Promise<number> {
  return ctx.db.write(async (tx) => {
    const added = await ensureDefaultStandards(tx, ctx.clock.now());
    if (added === 0) throw new ConflictError("There are standards already; add, rename or retire them instead.");
    return added;
  });
}

/** Two active standards with the same words would split one question's scores in two. */
async function refuseDuplicate(tx: Db, text: string, exceptId?: number): Promise<void> {
  const same = await tx
    .select({ id: qaStandards.id })
    .from(qaStandards)
    .where(and(eq(qaStandards.text, text), isNull(qaStandards.retiredAt)));
  if (same.some((s) => s.id !== exceptId)) throw new ConflictError(`There is already a standard '${text}'.`);
}

/** A new standard, last on the checklist. */
export function addStandard(ctx: Ctx, text: string): Promise<QaStandard> {
  return ctx.db.write(async (tx) => {
    await lockTableForWrite(tx, qaStandards);
    await refuseDuplicate(tx, text);
    const [last] = await tx.select({ position: max(qaStandards.position) }).from(qaStandards);
    const [row] = await tx
      .insert(qaStandards)
      .values({ text, position: (last?.position ?? -1) + 1, createdAt: ctx.clock.now() })
      .returning();
    return row!;
  });
}

/**
 * Rewords, retires or brings back a standard. Retired, it leaves the review form; the scores
 * it already has stay in the figures of the months they were given in.
 */
export function updateStandard(ctx: Ctx, id: number, patch: { text?: string; retired?: boolean }): Promise<QaStandard> {
  return ctx.db.write(async (tx) => {
    await lockTableForWrite(tx, qaStandards);
    const [found] = await tx.select().from(qaStandards).where(eq(qaStandards.id, id));
    if (!found) throw new NotFoundError(`No standard ${id}.`);
    const text = patch.text ?? found.text;
    const retiredAt = patch.retired === undefined ? found.retiredAt : patch.retired ? (found.retiredAt ?? ctx.clock.now()) : null;
    if (retiredAt === null) await refuseDuplicate(tx, text, id);
    const [row] = await tx.update(qaStandards).set({ text, retiredAt }).where(eq(qaStandards.id, id)).returning();
    return row!;
  });
}

/** The order of the active standards, given as all of their ids. */
export function reorderStandards(ctx: Ctx, ids: readonly number[]): Promise<void> {
  return ctx.db.write(async (tx) => {
    await lockTableForWrite(tx, qaStandards);
    const active = await tx.select({ id: qaStandards.id }).from(qaStandards).where(isNull(qaStandards.retiredAt));
    const known = new Set(active.map((s) => s.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new UnprocessableError("Give every active standard once, in the new order.", { field: "ids" });
    }
    for (const [position, id] of ids.entries()) await tx.update(qaStandards).set({ position }).where(eq(qaStandards.id, id));
  });
}
