import { count, eq } from "drizzle-orm";
import type { Db } from "../database";
import { interactions, rollupBasis } from "../schema";

export type RollupBasis = { timeZone: string; yearStart: number; countingVersion: number };

/** What report_rollup was last counted with; undefined before the first count. */
export async function readRollupBasis(db: Db): Promise<RollupBasis | undefined> {
  const [row] = await db
    .select({ timeZone: rollupBasis.timeZone, yearStart: rollupBasis.yearStart, countingVersion: rollupBasis.countingVersion })
    .from(rollupBasis)
    .where(eq(rollupBasis.id, 1));
  return row;
}

/** Records, in the caller's write, what report_rollup is now counted with. */
export async function writeRollupBasis(tx: Db, basis: RollupBasis): Promise<void> {
  await tx
    .insert(rollupBasis)
    .values({ id: 1, ...basis })
    .onConflictDoUpdate({ target: rollupBasis.id, set: basis });
}

/** Whether anything has been counted at all: a database without contacts needs no recount. */
export async function hasContacts(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(interactions).limit(1);
  return (row?.n ?? 0) > 0;
}
