import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../../database";
import { qaSampleItems, qaSamples } from "../../schema";
import { scopeWhere, type QaScope } from "./scope";

export type QaSampleRow = typeof qaSamples.$inferSelect;

export async function sampleByMonth(db: Db, month: string): Promise<QaSampleRow | undefined> {
  return (await db.select().from(qaSamples).where(eq(qaSamples.month, month)))[0];
}

/** The items of one sample, as the draw stored them (to check a redraw from its seed). */
export function sampleItemKeys(db: Db, sampleId: number) {
  return db
    .select({ kind: qaSampleItems.kind, interactionId: qaSampleItems.interactionId, caseId: qaSampleItems.caseId })
    .from(qaSampleItems)
    .where(eq(qaSampleItems.sampleId, sampleId));
}

/** Every month drawn, newest first, with how many of its items the viewer may see and how many are reviewed. */
export async function sampleMonths(db: Db, scope: QaScope) {
  const rows = await db
    .select({
      month: qaSamples.month,
      drawnAt: qaSamples.drawnAt,
      items: count(qaSampleItems.id),
      reviewed: count(qaSampleItems.reviewedAt),
    })
    .from(qaSamples)
    .leftJoin(qaSampleItems, and(eq(qaSampleItems.sampleId, qaSamples.id), ...scopeWhere(scope)))
    .groupBy(qaSamples.id, qaSamples.month, qaSamples.drawnAt)
    .orderBy(desc(qaSamples.month));
  return rows.map((r) => ({ ...r, items: Number(r.items), reviewed: Number(r.reviewed) }));
}
