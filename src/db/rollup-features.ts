import { eq, sql } from "drizzle-orm";
import type { Db } from "./database";
import { rollupFeatures } from "./schema";
import { prepared } from "./sql";

/**
 * Counters that later migrations added to report_rollup start at 0 on rows already there, so
 * one is trusted only once it is complete for all history (see rollupFeatures in schema.ts).
 * Today there is one: `commented`, the denominator of the Themes page's shares.
 */
export type RollupFeature = "commented";

const featureRow = prepared("rollup_feature", (db) =>
  db
    .select({ feature: rollupFeatures.feature })
    .from(rollupFeatures)
    .where(eq(rollupFeatures.feature, sql.placeholder("feature"))),
);

/** Whether the counter is right for every row: set by migration 0008 on an empty database, or by a full recount. */
export async function hasRollupFeature(db: Db, feature: RollupFeature): Promise<boolean> {
  return (await featureRow(db, { feature })).length > 0;
}

/** Records, inside the recount's write, that every counter is complete: only a full recount (rebuildRollup) may say so. */
export async function markRollupComplete(tx: Db): Promise<void> {
  const features: RollupFeature[] = ["commented"];
  await tx
    .insert(rollupFeatures)
    .values(features.map((feature) => ({ feature })))
    .onConflictDoNothing();
}
