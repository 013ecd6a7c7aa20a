import type { Database } from "../db/client";
import { lockTableForWrite } from "../db/locks";
import { hasContacts, readRollupBasis, writeRollupBasis, type RollupBasis } from "../db/queries/rollup-basis";
import { reportRollup } from "../db/schema";
import type { ReportCalendar } from "../domain/periods";
import { COUNTING_VERSION, rebuildRollupIn, type RebuildStats } from "./rebuild-rollup";

export type RollupCheck = { recounted: false } | { recounted: true; reasons: string[]; stats: RebuildStats; seconds: number };

/** Why the counters in report_rollup do not fit this server's settings; empty when they do. */
export function basisDifferences(was: RollupBasis | undefined, now: RollupBasis): string[] {
  if (!was) return ["the report counters have not been recorded with a time zone and financial year yet"];
  const reasons: string[] = [];
  if (was.timeZone !== now.timeZone) reasons.push(`TIMEZONE changed from ${was.timeZone} to ${now.timeZone}`);
  if (was.yearStart !== now.yearStart) reasons.push(`FINANCIAL_YEAR_START changed from ${was.yearStart} to ${now.yearStart}`);
  if (was.countingVersion !== now.countingVersion) reasons.push(`the counting rules changed (version ${was.countingVersion} to ${now.countingVersion})`);
  return reasons;
}

/**
 * Makes report_rollup fit the settings before anything reads or adds to it: counters bucketed in
 * another time zone or financial year, or by older rules, would be served mixed with new ones.
 * Recounts everything when they differ, in one write that also records the new basis; on
 * PostgreSQL the table lock makes a second server starting at once wait, find the basis
 * recorded, and go on. Run before serving (nothing else writes yet).
 */
export async function bringRollupUpToDate(db: Database, calendar: ReportCalendar, onRecount: (reasons: string[]) => void = () => {}): Promise<RollupCheck> {
  const wanted: RollupBasis = { ...calendar, countingVersion: COUNTING_VERSION };
  // Read first without a lock: almost always the counters fit and nothing is written.
  if (basisDifferences(await readRollupBasis(db.read), wanted).length === 0) return { recounted: false };
  return db.write(async (tx): Promise<RollupCheck> => {
    await lockTableForWrite(tx, reportRollup);
    const reasons = basisDifferences(await readRollupBasis(tx), wanted);
    if (reasons.length === 0) return { recounted: false };
    if (!(await hasContacts(tx))) {
      await writeRollupBasis(tx, wanted);
      return { recounted: false };
    }
    onRecount(reasons);
    const started = performance.now();
    // Records the new basis in the same write.
    const stats = await rebuildRollupIn(tx, calendar);
    return { recounted: true, reasons, stats, seconds: (performance.now() - started) / 1000 };
  });
}
