import { expect, test } from "vitest";
import { reportCalendar } from "../../src/config";
import { readRollupBasis } from "../../src/db/queries/rollup-basis";
import { summaryReport } from "../../src/db/queries/summary";
import { recordResponse } from "../../src/services/record-response";
import { COUNTING_VERSION } from "../../src/services/rebuild-rollup";
import { bringRollupUpToDate } from "../../src/services/rollup-basis";
import { createTestApp, seedOrganisation } from "../helpers";

/*
 * The report counters are bucketed by local date and financial year. An answer at 23:30 UTC on
 * 31 January is January in London and 1 February in Tokyo; one on 15 March is in the quarter
 * January–March with a year from April, and in December–February's successor March–May with a
 * year from September.
 */

const month = (db: Parameters<typeof summaryReport>[0]) =>
  summaryReport(db, { groupBy: "team", period: "month", from: "2026-01-01", to: "2026-02-28", yearStart: 4, today: "2026-03-20" }, 1).then((s) =>
    s.rows.map((r) => [r.periodStart, r.scores.responses]),
  );

test("a server started with another time zone or financial year recounts before serving, once, and says why", async () => {
  const t = await createTestApp({ TIMEZONE: "Europe/London" }, "2026-03-20T12:00:00Z");
  await seedOrganisation(t);
  const register = async (occurredAt: string) => {
    const res = await t.api("POST", "/interactions", { channel: "phone", team: "CONTACT", occurredAt });
    const { id } = (await res.json()) as { id: number };
    await recordResponse(t.ctx, { interactionId: id, csat: 5, ces: null, csi: null, fcr: null, comment: null, language: "en", confirmedVia: "form" });
  };
  await register("2026-01-31T23:30:00Z");
  await register("2026-03-15T12:00:00Z");

  const london = { timeZone: "Europe/London", yearStart: 4 };
  const said: string[][] = [];
  // Nothing recorded yet: the first start records what the counters were made with.
  expect(await bringRollupUpToDate(t.db, london, (r) => said.push(r))).toMatchObject({ recounted: true });
  expect(await readRollupBasis(t.db.read)).toEqual({ ...london, countingVersion: COUNTING_VERSION });
  expect(await month(t.db.read)).toEqual([["2026-01-01", 1]]);
  expect(await bringRollupUpToDate(t.db, london)).toEqual({ recounted: false });

  const tokyo = { timeZone: "Asia/Tokyo", yearStart: 4 };
  const check = await bringRollupUpToDate(t.db, tokyo, (r) => said.push(r));
  expect(check).toMatchObject({ recounted: true, reasons: ["TIMEZONE changed from Europe/London to Asia/Tokyo"], stats: { responses: 2 } });
  expect(await month(t.db.read)).toEqual([["2026-02-01", 1]]);
  expect(await bringRollupUpToDate(t.db, tokyo)).toEqual({ recounted: false });

  // A year from September: 15 March falls in the quarter March–May.
  const september = { timeZone: "Asia/Tokyo", yearStart: 9 };
  expect(await bringRollupUpToDate(t.db, september, (r) => said.push(r))).toMatchObject({ reasons: ["FINANCIAL_YEAR_START changed from 4 to 9"] });
  const quarters = await summaryReport(
    t.db.read,
    { groupBy: "team", period: "quarter", from: "2026-03-01", to: "2026-03-31", yearStart: 9, today: "2026-03-20" },
    1,
  );
  expect(quarters.rows.map((r) => [r.periodStart, r.periodLabel, r.scores.responses])).toEqual([["2026-03-01", "2025/26 Q3", 1]]);
  expect(said).toHaveLength(3);
});

test("a database without contacts records the basis without recounting", async () => {
  const t = await createTestApp();
  expect(await bringRollupUpToDate(t.db, reportCalendar(t.config))).toEqual({ recounted: false });
  expect(await readRollupBasis(t.db.read)).toEqual({ ...reportCalendar(t.config), countingVersion: COUNTING_VERSION });
});
