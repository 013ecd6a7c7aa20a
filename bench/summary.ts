/**
 * (a) The summary report grouped by team and month over a year, on the demo database, against
 * the fastest hand-written SQL for the same figures, measured in the same run.
 */
import { join } from "node:path";
import { createApp } from "../src/app";
import { systemClock } from "../src/clock";
import { testConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { summaryReport } from "../src/db/queries/summary";
import { silentLogger } from "../src/deps";
import { localDate } from "../src/domain/periods";
import { createApiKey } from "../src/services/api-keys";
import { time, timeInterleaved, type Timing } from "./stats";

export type SummaryBench = { label: string; timing: Timing; rows: number }[];

export async function benchSummary(dataDir: string, timeZone = "Europe/London"): Promise<SummaryBench> {
  const db = openDatabase(join(dataDir, "survey.db"));
  const today = localDate(Date.now(), timeZone);
  const [y, m] = today.split("-").map(Number) as [number, number];
  const from = `${y - 1}-${String(m).padStart(2, "0")}-01`;
  const filter = { groupBy: "team" as const, period: "month" as const, from, to: today };

  // The real query module: SQL over the rollup, names, scoreTally for every row.
  const report = () => summaryReport(db, filter, 10).rows.length;

  // The same counters straight from the rollup, one prepared statement, nothing else.
  const rollupSql = db.$client.prepare(
    `select team_id, period_start, sum(issued), sum(responses), sum(csat_n), sum(csat_pos), sum(ces_n), sum(ces_sum), sum(ces_sum_sq),
       sum(ces_easy), sum(csi_n), sum(csi_pos), sum(csi_neg), sum(idx_n), sum(idx_sum), sum(idx_sum_sq), sum(fcr_n), sum(fcr_yes)
     from report_rollup where period = 'month' and theme_id = 0 and period_start between ? and ?
     group by team_id, period_start`,
  );
  const rollup = () => rollupSql.raw().all(from, today).length;

  // The whole HTTP handler in-process: API key, validation, codes, the query, scoring, JSON.
  const config = testConfig({ DATA_DIR: dataDir });
  const app = createApp({ db, clock: systemClock, config, log: silentLogger });
  const { key } = createApiKey({ db, clock: systemClock, config, log: silentLogger }, "bench");
  const url = `/api/v1/reports/summary?groupBy=team&period=month&from=${from}&to=${today}`;
  const http = async () => {
    const res = await app.request(url, { headers: { Authorization: `Bearer ${key}` } });
    if (res.status !== 200) throw new Error(`summary answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { rows: unknown[] }).rows.length;
  };

  // The same answers counted from the responses themselves (UTC months, no tokens issued:
  // the nearest a query without the rollup and without a join can get). Slow, so fewer runs.
  const responsesSql = db.$client.prepare(
    `select team_id, strftime('%Y-%m', occurred_at / 1000, 'unixepoch') as month, count(*), count(csat), sum(csat >= 4),
       count(ces), sum(ces), sum(ces * ces), sum(ces >= 5), count(csi), sum(csi >= 4), sum(csi <= 2),
       count(coalesce((csi - 1) * 25.0, (comment_sentiment + 1) * 50)), count(fcr), sum(fcr = 'yes')
     from responses where occurred_at >= ? and occurred_at < ?
     group by team_id, month`,
  );
  const fromMs = Date.parse(`${from}T00:00:00Z`);
  const toMs = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
  const responses = () => responsesSql.raw().all(fromMs, toMs).length;

  const rows = [report(), await http(), rollup(), responses()];
  const [tReport, tHttp, tRollup] = await timeInterleaved([report, http, rollup]);
  const tResponses = time(responses, 10, 1);
  db.$client.close();
  return [
    { label: "summaryReport(team, month, 1 year)", timing: tReport!, rows: rows[0]! },
    { label: "GET /api/v1/reports/summary (in-process)", timing: tHttp!, rows: rows[1]! },
    { label: "baseline: GROUP BY over report_rollup", timing: tRollup!, rows: rows[2]! },
    { label: "baseline: GROUP BY over responses (no join)", timing: tResponses, rows: rows[3]! },
  ];
}
