import { and, asc, gte, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { suspectedClicks } from "../schema";

export type SuspectedClicksDay = { day: string; count: number; byReason: Record<string, number> };

/**
 * Suspected automated clicks per day (local dates, YYYY-MM-DD, inclusive), for the
 * administrators' view. These never enter a score; the count shows how much scanning there is.
 */
export async function suspectedClicksPerDay(db: Db, range: { from: string; to: string }): Promise<SuspectedClicksDay[]> {
  const rows = await db
    .select({ day: suspectedClicks.day, reason: suspectedClicks.reason, n: sql<number>`count(*)` })
    .from(suspectedClicks)
    .where(and(gte(suspectedClicks.day, range.from), lte(suspectedClicks.day, range.to)))
    .groupBy(suspectedClicks.day, suspectedClicks.reason)
    .orderBy(asc(suspectedClicks.day));
  const days = new Map<string, SuspectedClicksDay>();
  for (const r of rows) {
    const d = days.get(r.day) ?? { day: r.day, count: 0, byReason: {} };
    d.count += r.n;
    d.byReason[r.reason] = (d.byReason[r.reason] ?? 0) + r.n;
    days.set(r.day, d);
  }
  return [...days.values()];
}
