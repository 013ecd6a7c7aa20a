import { describe, expect, test } from "vitest";
import { SLA_CSV_COLUMNS, judgeCase, slaCsvRows, slaFigures, slaReport, slaStatus, type SlaCase, type SlaSettings } from "../../src/domain/sla";

const TZ = "Europe/London";
const at = (iso: string) => Date.parse(iso);

/** Opened Monday 2 March 2026 (GMT), due to be acknowledged by the 9th and responded to by the 23rd. */
const base: SlaCase = {
  groupId: 1,
  groupCode: "CONTACT",
  groupName: "Contact Centre",
  status: "open",
  openedAt: at("2026-03-02T10:00:00Z"),
  acknowledgeBy: "2026-03-09",
  respondBy: "2026-03-23",
  acknowledgedAt: null,
  respondedAt: null,
  closedAt: null,
};
const kase = (over: Partial<SlaCase>): SlaCase => ({ ...base, ...over });

describe("judgeCase", () => {
  test.each([
    {
      name: "acknowledged before the date",
      c: { status: "acknowledged", acknowledgedAt: at("2026-03-05T09:00:00Z") },
      today: "2026-03-10",
      ack: "in_time",
      resp: "not_yet_due",
      open: true,
      overdue: false,
    },
    {
      name: "acknowledged late in the afternoon of the date",
      c: { status: "acknowledged", acknowledgedAt: at("2026-03-09T16:59:00Z") },
      today: "2026-03-10",
      ack: "in_time",
      resp: "not_yet_due",
      open: true,
      overdue: false,
    },
    {
      name: "acknowledged the day after",
      c: { status: "acknowledged", acknowledgedAt: at("2026-03-10T08:00:00Z") },
      today: "2026-03-12",
      ack: "late",
      resp: "not_yet_due",
      open: true,
      overdue: false,
    },
    { name: "not acknowledged, due today: not judged yet", c: {}, today: "2026-03-09", ack: "not_yet_due", resp: "not_yet_due", open: true, overdue: false },
    { name: "not acknowledged, the date has passed", c: {}, today: "2026-03-10", ack: "late", resp: "not_yet_due", open: true, overdue: true },
    {
      name: "closed without acknowledgement or response: the closure counts for both",
      c: { status: "closed", closedAt: at("2026-03-06T11:00:00Z") },
      today: "2026-04-01",
      ack: "in_time",
      resp: "in_time",
      open: false,
      overdue: false,
    },
    {
      name: "closed without either, after both dates",
      c: { status: "closed", closedAt: at("2026-03-24T11:00:00Z") },
      today: "2026-04-01",
      ack: "late",
      resp: "late",
      open: false,
      overdue: false,
    },
    {
      name: "responded without acknowledgement after the acknowledge-by date",
      c: { status: "responded", respondedAt: at("2026-03-12T10:00:00Z") },
      today: "2026-04-01",
      ack: "late",
      resp: "in_time",
      open: true,
      overdue: false,
    },
    {
      name: "responded, then closed: the earlier of the two acknowledges",
      c: { status: "closed", respondedAt: at("2026-03-08T10:00:00Z"), closedAt: at("2026-03-20T10:00:00Z") },
      today: "2026-04-01",
      ack: "in_time",
      resp: "in_time",
      open: false,
      overdue: false,
    },
    {
      name: "acknowledged, respond-by passed",
      c: { status: "acknowledged", acknowledgedAt: at("2026-03-03T10:00:00Z") },
      today: "2026-03-24",
      ack: "in_time",
      resp: "late",
      open: true,
      overdue: true,
    },
    {
      name: "acknowledged, due to respond today",
      c: { status: "acknowledged", acknowledgedAt: at("2026-03-03T10:00:00Z") },
      today: "2026-03-23",
      ack: "in_time",
      resp: "not_yet_due",
      open: true,
      overdue: false,
    },
    {
      name: "acknowledged and responded late, not closed: nothing overdue",
      c: { status: "responded", acknowledgedAt: at("2026-03-11T10:00:00Z"), respondedAt: at("2026-03-25T10:00:00Z") },
      today: "2026-04-01",
      ack: "late",
      resp: "late",
      open: true,
      overdue: false,
    },
  ] as const)("$name", ({ c, today, ack, resp, open, overdue }) => {
    expect(judgeCase(kase(c), today, TZ)).toEqual({ acknowledgement: ack, response: resp, open, overdue });
  });

  test("the local date decides: 23:30 UTC on the due date is 00:30 the next day in British Summer Time", () => {
    const june = kase({ openedAt: at("2026-06-01T09:00:00Z"), acknowledgeBy: "2026-06-08", respondBy: "2026-06-22", status: "acknowledged" });
    expect(judgeCase({ ...june, acknowledgedAt: at("2026-06-08T22:59:00Z") }, "2026-06-10", TZ).acknowledgement).toBe("in_time");
    expect(judgeCase({ ...june, acknowledgedAt: at("2026-06-08T23:30:00Z") }, "2026-06-10", TZ).acknowledgement).toBe("late");
  });
});

describe("slaStatus", () => {
  test.each([
    { value: 95, target: 95, status: "green" },
    { value: 100, target: 95, status: "green" },
    { value: 90, target: 95, status: "amber" },
    { value: 89.9, target: 95, status: "red" },
    { value: null, target: 95, status: null },
    { value: 0, target: 0, status: "green" },
  ])("$value against $target -> $status", ({ value, target, status }) => {
    expect(slaStatus(value, target)).toBe(status);
  });
});

const settings: SlaSettings = { today: "2026-04-15", timeZone: TZ, minCount: 10, target: 0.95 };

/** `late` of `n` cases acknowledged a day late, the rest on the day they opened; all responded in time and closed. */
function batch(n: number, late: number, over: Partial<SlaCase> = {}): SlaCase[] {
  return Array.from({ length: n }, (_, i) =>
    kase({
      status: "closed",
      acknowledgedAt: i < late ? at("2026-03-10T10:00:00Z") : at("2026-03-02T15:00:00Z"),
      respondedAt: at("2026-03-20T10:00:00Z"),
      closedAt: at("2026-03-21T10:00:00Z"),
      ...over,
    }),
  );
}

describe("slaFigures", () => {
  // Wilson with z = 1.96: 8 of 10 -> [0.4902, 0.9433]; 10 of 10 -> [0.7225, 1]; 9 of 10 -> [0.5958, 0.9821].
  test.each([
    { k: 8, n: 10, figure: { n: 10, value: 80, low: 49, high: 94.3, tooFew: false, status: "red" } },
    { k: 9, n: 10, figure: { n: 10, value: 90, low: 59.6, high: 98.2, tooFew: false, status: "amber" } },
    { k: 10, n: 10, figure: { n: 10, value: 100, low: 72.2, high: 100, tooFew: false, status: "green" } },
    { k: 9, n: 9, figure: { n: 9, value: null, low: null, high: null, tooFew: true, status: null } },
    { k: 0, n: 0, figure: { n: 0, value: null, low: null, high: null, tooFew: true, status: null } },
  ])("$k of $n in time", ({ k, n, figure }) => {
    const f = slaFigures({ ackN: n, ackInTime: k, respN: 0, respInTime: 0, opened: n, open: 0, overdue: 0 }, settings);
    expect(f.acknowledgedInTime).toEqual(figure);
  });

  test("with a minimum of 1, one case shows: 1 of 1 is 100% with a wide interval", () => {
    const f = slaFigures({ ackN: 1, ackInTime: 1, respN: 1, respInTime: 0, opened: 1, open: 0, overdue: 0 }, { minCount: 1, target: 0.95 });
    expect(f.acknowledgedInTime).toEqual({ n: 1, value: 100, low: 20.7, high: 100, tooFew: false, status: "green" });
    expect(f.respondedInTime).toEqual({ n: 1, value: 0, low: 0, high: 79.3, tooFew: false, status: "red" });
  });
});

describe("slaReport", () => {
  const waste = { groupId: 2, groupCode: "WASTE", groupName: "Waste Services" };

  test("groups by team and month, with the whole range and a total; periods are whole and the current one partial", () => {
    const cases = [
      ...batch(10, 2), // Contact Centre, March: 8 of 10 acknowledged in time
      ...batch(3, 0, waste), // Waste, March: too few
      // Waste, April: opened on the 13th, nothing done, not yet due on the 15th: opened, open, not judged.
      kase({ ...waste, openedAt: at("2026-04-13T09:00:00Z"), acknowledgeBy: "2026-04-20", respondBy: "2026-05-04" }),
      // Waste, April: opened 1 April 00:30 BST (31 March 23:30 UTC), acknowledge-by passed: overdue.
      kase({ ...waste, openedAt: at("2026-03-31T23:30:00Z"), acknowledgeBy: "2026-04-10", respondBy: "2026-04-24" }),
      // Before the range (February): ignored.
      kase({ openedAt: at("2026-02-27T09:00:00Z") }),
    ];
    const r = slaReport(cases, { period: "month", from: "2026-03-10", to: "2026-04-15", yearStart: 4 }, settings);
    expect(r).toMatchObject({ period: "month", from: "2026-03-01", to: "2026-04-15", target: 95, minCount: 10 });
    expect(r.groups.map((g) => g.code)).toEqual(["CONTACT", "WASTE"]);
    const [contact, wasteGroup] = r.groups;
    expect(contact!.periods.map((p) => [p.period, p.from, p.to, p.partial])).toEqual([
      ["2026-03", "2026-03-01", "2026-03-31", false],
      ["2026-04", "2026-04-01", "2026-04-15", true],
    ]);
    expect(contact!.periods[0]).toMatchObject({
      opened: 10,
      open: 0,
      overdue: 0,
      acknowledgedInTime: { n: 10, value: 80, status: "red" },
      respondedInTime: { n: 10, value: 100, status: "green" },
    });
    expect(contact!.periods[1]).toMatchObject({ opened: 0, acknowledgedInTime: { n: 0, value: null, tooFew: true } });
    expect(wasteGroup!.periods[0]).toMatchObject({ opened: 3, acknowledgedInTime: { n: 3, value: null, tooFew: true } });
    expect(wasteGroup!.periods[1]).toMatchObject({ opened: 2, open: 2, overdue: 1, acknowledgedInTime: { n: 1 }, respondedInTime: { n: 0 } });
    expect(wasteGroup!.overall).toMatchObject({ opened: 5, open: 2, overdue: 1, acknowledgedInTime: { n: 4, tooFew: true } });
    // The total counts every case in range once: 13 in March, 2 in April.
    expect(r.total.periods.map((p) => p.opened)).toEqual([13, 2]);
    // 11 of 14 judged acknowledged in time (8 + 3; 2 late, 1 overdue; one not yet due).
    expect(r.total.overall).toMatchObject({
      opened: 15,
      open: 2,
      overdue: 1,
      acknowledgedInTime: { n: 14, value: 78.6, status: "red" },
      respondedInTime: { n: 13, value: 100 },
    });
  });

  test("by quarter, empty periods are listed and no case gives no groups", () => {
    const r = slaReport([], { period: "quarter", from: "2026-01-15", to: "2026-06-30", yearStart: 4 }, settings);
    expect(r.groups).toEqual([]);
    expect(r.total.periods.map((p) => [p.period, p.opened, p.acknowledgedInTime.n])).toEqual([
      ["2025/26 Q4", 0, 0],
      ["2026/27 Q1", 0, 0],
    ]);
  });

  test("the CSV has a line per group and period, the whole range, and the total; too few is an empty cell", () => {
    const r = slaReport([...batch(10, 0), ...batch(2, 0, waste)], { period: "month", from: "2026-03-01", to: "2026-03-31", yearStart: 4 }, settings);
    const lines = slaCsvRows(r);
    expect(lines.every((l) => l.length === SLA_CSV_COLUMNS.length)).toBe(true);
    expect(lines.map((l) => [l[0], l[2]])).toEqual([
      ["CONTACT", "2026-03"],
      ["CONTACT", "all"],
      ["WASTE", "2026-03"],
      ["WASTE", "all"],
      [null, "2026-03"],
      [null, "all"],
    ]);
    expect(lines[0]!.slice(6, 10)).toEqual([100, 72.2, 100, 10]);
    expect(lines[2]!.slice(6, 10)).toEqual([null, null, null, 2]);
    expect(lines[4]!.slice(14)).toEqual([12, 0, 0, 95]);
  });
});
