/** The one clock. Everything that needs "now" takes a Clock, so tests can fix time. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A clock for tests that only moves when told to. */
export function fixedClock(start: number | string | Date): Clock & { advance(ms: number): void; set(t: number | string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(v: number | string) {
      t = new Date(v).getTime();
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
