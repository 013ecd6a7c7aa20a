/**
 * `npm run bench`: the speed targets of issue 2 §7, each against a baseline measured in the
 * same run. Not part of `npm test`. Options:
 *   --responses N     size of the demo database for the summary (default 1,000,000)
 *   --duration S      seconds per load run (default 10)
 *   --connections C   concurrent connections per load run (default 20)
 *   --only summary|http
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { benchDataset } from "./dataset";
import { benchHttp, hasTaskset } from "./http";
import { fmt, table } from "./stats";
import { benchSummary } from "./summary";

const Args = z.object({
  responses: z.coerce.number().int().min(100).default(1_000_000),
  duration: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(20),
  only: z.enum(["summary", "http"]).optional(),
});
const { values } = parseArgs({
  options: { responses: { type: "string" }, duration: { type: "string" }, connections: { type: "string" }, only: { type: "string" } },
});
const args = Args.parse(values);

if (args.only !== "http") {
  const dataset = benchDataset(args.responses);
  console.log(`\n(a) Summary by team and month over a year, demo --responses ${args.responses}`);
  console.log(`    database ${dataset.dataDir}; generated in ${fmt(dataset.generationSeconds)} s${dataset.cached ? " (earlier run, reused)" : ""}\n`);
  const results = await benchSummary(dataset.dataDir);
  const fastest = results.find((r) => r.label.includes("report_rollup"))!.timing.median;
  console.log(
    table(
      ["query", "rows", "median ms", "p95 ms", "runs", "x fastest SQL"],
      results.map((r) => [r.label, String(r.rows), fmt(r.timing.median, 2), fmt(r.timing.p95, 2), String(r.timing.runs), `${fmt(r.timing.median / fastest, 2)}x`]),
    ),
  );
  const report = results[0]!.timing.median;
  console.log(`\n    target: median < 100 ms -> ${fmt(report, 2)} ms ${report < 100 ? "MET" : "MISSED"}`);
  console.log(`    target: within 3x of the fastest hand-written SQL -> ${fmt(report / fastest, 2)}x ${report / fastest <= 3 ? "MET" : "MISSED"}`);
}

if (args.only !== "summary") {
  console.log(`\n(b, c) HTTP: ${args.connections} connections, ${args.duration} s per run, server on core 0, autocannon on core 1${hasTaskset ? "" : " (taskset missing: NOT pinned)"}\n`);
  const rows = await benchHttp({ duration: args.duration, connections: args.connections, synchronous: ["FULL", "NORMAL"] });
  console.log(
    table(
      ["request", "server", "req/s", "p50 ms", "p99 ms", "statuses", "% of bare", "load avg after"],
      rows.map((r) => [
        r.label,
        r.target,
        fmt(r.result.requestsPerSec, 0),
        String(r.result.latencyP50),
        String(r.result.latencyP99),
        Object.entries(r.result.statusCodes).map(([code, n]) => `${code}:${n}`).join(" ") + (r.result.errors ? ` errors:${r.result.errors}` : ""),
        r.share === undefined ? "" : `${fmt(100 * r.share, 0)}%`,
        r.load,
      ]),
    ),
  );
  console.log("\n    % of bare: against the mean of the bare route's runs just before and just after.");
  for (const r of rows.filter((r) => r.kind === "api-interaction" && r.share !== undefined)) {
    console.log(`    target: POST /api/v1/interactions >= 40% of bare (${r.target}) -> ${fmt(100 * r.share!, 0)}% ${r.share! >= 0.4 ? "MET" : "MISSED"}`);
  }
}
