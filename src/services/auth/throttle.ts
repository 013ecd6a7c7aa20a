import { MINUTE } from "../../clock";

/** Failures before each further attempt must wait, and the count that locks the account. */
export const DELAY_AFTER = 3;
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * MINUTE;

/**
 * When the next attempt may be made after `failures` failed sign-ins in a row: at once for the
 * first few (people mistype), then a wait that doubles (2^n × 100 ms), then a 15-minute lock.
 * Stored as users.locked_until, so the wait holds across processes and restarts.
 */
export function nextAttemptAt(failures: number, now: number): number | null {
  if (failures >= LOCK_AFTER) return now + LOCK_MS;
  if (failures >= DELAY_AFTER) return now + 2 ** failures * 100;
  return null;
}
