import { upsertCounterRows } from "../db/counters";
import type { Db } from "../db/database";
import { REPORT_ROLLUP } from "../db/rollup-table";
import { TALLY_FIELDS, type Tally } from "../domain/measures";
import { localDateMemo, type ReportCalendar } from "../domain/periods";
import { PERIODS, periodStartsOfDate } from "./rollup";

/*
 * Report counters for many rows at once (the import, a full recount): summed in memory per
 * local day and group, then spread to week, month and quarter and added to report_rollup
 * with one upsert per period row, in primary-key order. A million rows become a few hundred
 * thousand upserts rather than several million. Runs inside the caller's transaction.
 *
 * Groups, days and period starts are numbered as they are first seen, and the maps are keyed
 * by numbers made from those: keying them by joined strings spent two of the seven seconds of
 * storing a 200,000-row import on building and hashing the strings.
 */

const FIELDS = TALLY_FIELDS.length;
/** Days and period starts are numbered below this (179 years of days). */
const SPAN = 65_536;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A group without its day: one theme (0: all responses) of a team, staff member, service and channel. */
type Group = { themeId: number; teamId: number; staffId: number; serviceId: number; channel: string };
type DaySums = { groupId: number; dayId: number; sums: Float64Array };
type PeriodSums = { period: number; startId: number; groupId: number; sums: Float64Array };

export class RollupSums {
  private readonly dayOf: (epochMs: number) => string;
  private readonly groupIds = new Map<string, number>();
  private readonly groups: Group[] = [];
  private readonly dayIds = new Map<string, number>();
  private readonly days: string[] = [];
  private readonly byDay = new Map<number, DaySums>();

  constructor(private readonly calendar: ReportCalendar) {
    this.dayOf = localDateMemo(calendar.timeZone);
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
    const groupKey = `${themeId}|${teamId}|${staffId}|${serviceId}|${channel}`;
    let groupId = this.groupIds.get(groupKey);
    if (groupId === undefined) {
      groupId = this.groups.push({ themeId, teamId, staffId, serviceId, channel }) - 1;
      this.groupIds.set(groupKey, groupId);
    }
    const day = this.dayOf(occurredAt);
    let dayId = this.dayIds.get(day);
    if (dayId === undefined) {
      dayId = this.days.push(day) - 1;
      if (dayId >= SPAN) throw new RangeError(`more than ${SPAN} distinct days in one batch`);
      this.dayIds.set(day, dayId);
    }
    const key = groupId * SPAN + dayId;
    let entry = this.byDay.get(key);
    if (!entry) this.byDay.set(key, (entry = { groupId, dayId, sums: new Float64Array(FIELDS) }));
    for (let f = 0; f < FIELDS; f++) entry.sums[f]! += tally[TALLY_FIELDS[f]!];
  }

  /** Adds the sums to report_rollup, in the caller's transaction; returns how many period rows were written. */
  async write(tx: Db): Promise<number> {
    // Each day's week, month and quarter start, numbered.
    const startIds = new Map<string, number>();
    const starts: string[] = [];
    const startIdsOfDay = this.days.map((day) =>
      periodStartsOfDate(day, this.calendar.yearStart).map((start) => {
        let id = startIds.get(start);
        if (id === undefined) startIds.set(start, (id = starts.push(start) - 1));
        return id;
      }),
    );
    const byPeriod = new Map<number, PeriodSums>();
    for (const { groupId, dayId, sums } of this.byDay.values()) {
      const dayStarts = startIdsOfDay[dayId]!;
      for (let period = 0; period < PERIODS.length; period++) {
        const startId = dayStarts[period]!;
        const key = (groupId * PERIODS.length + period) * SPAN + startId;
        let entry = byPeriod.get(key);
        if (!entry) byPeriod.set(key, (entry = { period, startId, groupId, sums: new Float64Array(FIELDS) }));
        for (let f = 0; f < FIELDS; f++) entry.sums[f]! += sums[f]!;
      }
    }
    const groups = this.groups;
    // In the primary key's order: SQLite then appends to the index instead of seeking all over it.
    const ordered = [...byPeriod.values()].sort((a, b) => {
      const ga = groups[a.groupId]!;
      const gb = groups[b.groupId]!;
      return (
        compare(PERIODS[a.period]!, PERIODS[b.period]!) ||
        ga.themeId - gb.themeId ||
        compare(starts[a.startId]!, starts[b.startId]!) ||
        ga.teamId - gb.teamId ||
        ga.staffId - gb.staffId ||
        ga.serviceId - gb.serviceId ||
        compare(ga.channel, gb.channel)
      );
    });
    const rows = ordered.map(({ period, startId, groupId, sums }) => {
      const group = groups[groupId]!;
      return [PERIODS[period]!, group.themeId, starts[startId]!, group.teamId, group.staffId, group.serviceId, group.channel, ...sums];
    });
    await upsertCounterRows(tx, REPORT_ROLLUP, rows);
    return byPeriod.size;
  }
}
