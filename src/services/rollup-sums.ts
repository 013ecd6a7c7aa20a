import type Database from "better-sqlite3";
import { TALLY_FIELDS, type Tally } from "../domain/measures";
import { localDateMemo } from "../domain/periods";
import { PERIODS, periodStartsOfDate, ROLLUP_UPSERT } from "./rollup";

/*
 * Report counters for many rows at once (the import, a full recount): summed in memory per
 * local day and group, then spread to week, month and quarter and added to report_rollup
 * with one upsert per period row, in primary-key order. A million rows become a few hundred
 * thousand upserts rather than several million. Runs inside the caller's transaction.
 */

const FIELDS = TALLY_FIELDS.length;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** rest: the group's key without its day, reused to key its period rows. */
type Group = { day: string; rest: string; themeId: number; teamId: number; staffId: number; serviceId: number; channel: string; sums: Float64Array };

export class RollupSums {
  private readonly byDay = new Map<string, Group>();
  private readonly dayOf: (epochMs: number) => string;

  constructor(timeZone: string) {
    this.dayOf = localDateMemo(timeZone);
  }

  /**
   * Adds one response's tally to its group, for all responses (theme 0) and for each of its
   * themes. Theme rows never count tokens: pass tallies with issued 0 when themeIds is not empty.
   */
  add(occurredAt: number, teamId: number, staffId: number, serviceId: number, channel: string, themeIds: readonly number[], tally: Tally): void {
    this.addToTheme(occurredAt, teamId, staffId, serviceId, channel, 0, tally);
    for (const themeId of themeIds) this.addToTheme(occurredAt, teamId, staffId, serviceId, channel, themeId, tally);
  }

  /** Adds a tally to one theme's row of the group (0: all responses). */
  addToTheme(occurredAt: number, teamId: number, staffId: number, serviceId: number, channel: string, themeId: number, tally: Tally): void {
    const day = this.dayOf(occurredAt);
    const rest = `${themeId}|${teamId}|${staffId}|${serviceId}|${channel}`;
    const key = `${day}|${rest}`;
    let group = this.byDay.get(key);
    if (!group) this.byDay.set(key, (group = { day, rest, themeId, teamId, staffId, serviceId, channel, sums: new Float64Array(FIELDS) }));
    for (let f = 0; f < FIELDS; f++) group.sums[f]! += tally[TALLY_FIELDS[f]!];
  }

  /** Adds the sums to report_rollup; returns how many period rows were written. */
  write(sqlite: Database.Database): number {
    const byPeriod = new Map<string, { period: string; start: string; group: Group; sums: Float64Array }>();
    for (const group of this.byDay.values()) {
      const starts = periodStartsOfDate(group.day);
      for (let p = 0; p < PERIODS.length; p++) {
        const period = PERIODS[p]!;
        const start = starts[p]!;
        const key = `${period}|${start}|${group.rest}`;
        let entry = byPeriod.get(key);
        if (!entry) byPeriod.set(key, (entry = { period, start, group, sums: new Float64Array(FIELDS) }));
        for (let f = 0; f < FIELDS; f++) entry.sums[f]! += group.sums[f]!;
      }
    }
    const upsert = sqlite.prepare(ROLLUP_UPSERT);
    // In the primary key's order: SQLite then appends to the index instead of seeking all over it.
    const ordered = [...byPeriod.values()].sort(
      (a, b) =>
        compare(a.period, b.period) || a.group.themeId - b.group.themeId || compare(a.start, b.start) || a.group.teamId - b.group.teamId ||
        a.group.staffId - b.group.staffId || a.group.serviceId - b.group.serviceId || compare(a.group.channel, b.group.channel),
    );
    const values: (string | number)[] = new Array(7 + FIELDS);
    for (const { period, start, group, sums } of ordered) {
      values[0] = period;
      values[1] = start;
      values[2] = group.themeId;
      values[3] = group.teamId;
      values[4] = group.staffId;
      values[5] = group.serviceId;
      values[6] = group.channel;
      for (let f = 0; f < FIELDS; f++) values[7 + f] = sums[f]!;
      upsert.run(values);
    }
    return byPeriod.size;
  }
}
