import type Database from "better-sqlite3";
import { prepared } from "./prepared";

/**
 * Counters that later migrations added to report_rollup start at 0 on rows already there, so
 * one is trusted only once it is complete for all history (see rollupFeatures in schema.ts).
 * Today there is one: `commented`, the denominator of the Themes page's shares.
 */
export type RollupFeature = "commented";

/** Whether the counter is right for every row: set by migration 0008 on an empty database, or by a full recount. */
export function hasRollupFeature(sqlite: Database.Database, feature: RollupFeature): boolean {
  return prepared(sqlite, "select 1 from rollup_features where feature = ?").get(feature) !== undefined;
}

/** Records that every counter is complete: only a full recount (rebuildRollup) may say so. */
export function markRollupComplete(sqlite: Database.Database): void {
  const features: RollupFeature[] = ["commented"];
  for (const feature of features) prepared(sqlite, "insert or ignore into rollup_features (feature) values (?)").run(feature);
}
