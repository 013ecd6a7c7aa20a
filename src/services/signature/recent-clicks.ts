import { SEVERAL_FACES_WINDOW_MS } from "../../domain/automation";

export type RecentClick = { score: number; at: number };

/**
 * The last few seconds of face clicks per client and staff member, in memory, so a scanner
 * opening all five faces of a strip at once can be told apart. Only hashed keys; entries
 * older than the window are dropped as the map is used, so memory stays bounded.
 */
export function recentClicks(windowMs = SEVERAL_FACES_WINDOW_MS) {
  const byKey = new Map<string, RecentClick[]>();
  let lastSweep = 0;
  return {
    /** The clicks before this one within the window; then remembers this one. */
    note(key: string, click: RecentClick): RecentClick[] {
      if (click.at - lastSweep > windowMs) {
        for (const [k, list] of byKey) if (list.every((c) => click.at - c.at > windowMs)) byKey.delete(k);
        lastSweep = click.at;
      }
      const earlier = (byKey.get(key) ?? []).filter((c) => click.at - c.at <= windowMs);
      byKey.set(key, [...earlier, click].slice(-10));
      return earlier;
    },
  };
}
