/**
 * (a) The summary report grouped by team and month over a year, on the demo database, against
 * the fastest hand-written SQL for the same figures, measured in the same run, on either
 * database.
 */
import { sql } from "drizzle-orm";
import { createApp } from "../src/app";
import { systemClock } from "../src/clock";
import { testConfig } from "../src/config";
import type { Database } from "../src/db/client";
import { summaryReport } from "../src/db/queries/summary";
import { bySqlDialect, rows } from "../src/db/sql";
import { silentLogger } from "../src/deps";
import { localDate } from "../src/domain/periods";
import { createApiKey } from "../src/services/api-keys";
import { timeAsync, timeInterleaved, type Timing } from "./stats";

export type SummaryBench = { label: string; timing: Timing; rows: number }[];

export async function benchSummary(database: Database, dataDir: string, timeZone = "Europe/London"): Promise<SummaryBench> {
  const db = database.read;
  const today = localDate(Date.now(), timeZone);
  const [y, m] = today.split("-").map(Number) as [number, number];
  const from = `${y - 1}-${String(m).padStart(2, "0")}-01`;
  const filter = { groupBy: "team" as const, period: "month" as const, from, to: today, yearStart: 4, today };

  // The real query module: SQL over the rollup, names, scoreTally for every row.
  const report = async () => (await summaryReport(db, filter, 10)).rows.length;

  // The same counters straight from the rollup, one statement, nothing else.
  const rollup = async () =>
    (
      await rows(
        db,
        sql`select team_id, period_start, sum(issued), sum(responses), sum(csat_n), sum(csat_pos), sum(ces_n), sum(ces_sum), sum(ces_sum_sq),
         sum(ces_easy), sum(csi_n), sum(csi_pos), sum(csi_neg), sum(idx_n), sum(idx_sum), sum(idx_sum_sq), sum(fcr_n), sum(fcr_yes)
       from report_rollup where period = 'month' and theme_id = 0 and period_start between ${from} and ${today}
       group by team_id, period_start`,
      )
    ).length;

  // The whole HTTP handler in-process: API key, validation, codes, the query, scoring, JSON.
  const config = testConfig({ DATA_DIR: dataDir });
  const app = createApp({ db: database, clock: systemClock, config, log: silentLogger });
  const { key } = await createApiKey({ db: database, clock: systemClock, config, log: silentLogger }, "bench");
  const url = `/api/v1/reports/summary?groupBy=team&period=month&from=${from}&to=${today}`;
  const http = async () => {
    const res = await app.request(url, { headers: { Authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`summary answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { rows: unknown[] }).rows.length;
  };

  // The same answers counted from the responses themselves (UTC months, no tokens issued:
  // the nearest a query without the rollup and without a join can get). Slow, so fewer runs.
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const toMs = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  const month = bySqlDialect(db, {
    sqlite: sql`strftime('%Y-%m', occurred_at / 1000, 'unixepoch')`,
    postgres: sql`to_char(to_timestamp(occurred_at / 1000.0) at time zone 'UTC', 'YYYY-MM')`,
  });
  const responses = async () =>
    (
      await rows(
        db,
        sql`select team_id, ${month} as month, count(*), count(csat), sum(case when csat >= 4 then 1 else 0 end),
         count(ces), sum(ces), sum(ces * ces), sum(case when ces >= 5 then 1 else 0 end), count(csi),
         sum(case when csi >= 4 then 1 else 0 end), sum(case when csi <= 2 then 1 else 0 end),
         count(coalesce((csi - 1) * 25.0, (comment_sentiment + 1) * 50)), count(fcr), sum(case when fcr = 'yes' then 1 else 0 end)
       from responses where occurred_at >= ${fromMs} and occurred_at < ${toMs}
       group by team_id, ${month}`,
      )
    ).length;

  const counts = [await report(), await http(), await rollup(), await responses()];
  const [tReport, tHttp, tRollup] = await timeInterleaved([report, http, rollup]);
  const tResponses = await timeAsync(responses, 5, 1);
  return [
    { label: "summaryReport(team, month, 1 year)", timing: tReport!, rows: counts[0]! },
    { label: "GET /api/v1/reports/summary (in-process)", timing: tHttp!, rows: counts[1]! },
    { label: "baseline: GROUP BY over report_rollup", timing: tRollup!, rows: counts[2]! },
    { label: "baseline: GROUP BY over responses (no join)", timing: tResponses, rows: counts[3]! },
  ];
}
