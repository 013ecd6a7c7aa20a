/**
 * `npm run bench`: the speed targets of issues 2 §7 and 6 §1, each against a baseline measured
 * in the same run. Not part of `npm test`. Options:
 *   --responses N     size of the demo database for summary, under-load and memory (default 1,000,000)
 *   --duration S      seconds per load run (default 10)
 *   --connections C   concurrent connections per load run (default 20)
 *   --rows N          rows of the generated CSV for import (default 200,000)
 *   --only summary|http|under-load|memory|import   one section, or several separated by commas
 *   --db sqlite|postgres|both   which database(s) summary, http and import run on (default sqlite);
 *                     with both, PostgreSQL's rows are printed beside SQLite's, measured in the same run
 *   --previous REF    also run the HTTP section's SQLite server from another commit (e.g. the one
 *                     before a change), checked out into a scratch folder, in the same run
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { benchDataset } from "./dataset";
import { openDatabase } from "../src/db/client";
import { benchHttp, hasTaskset, type AppVariant, type HttpRow } from "./http";
import { BENCH_SECRETS, postgresDataset, scratchPostgres } from "./postgres";
import { checkoutOf } from "./previous";
import { benchImport } from "./import";
import { benchMemory } from "./memory";
import { createBenchAdmin, scratchCopy } from "./scratch";
import { fmt, table } from "./stats";
import { benchSummary } from "./summary";
import { benchUnderLoad, exportPath, heavyReports } from "./under-load";

const SECTIONS = ["summary", "http", "under-load", "memory", "import"] as const;

const Args = z.object({
  responses: z.coerce.number().int().min(100).default(1_000_000),
  duration: z.coerce.number().int().min(1).max(120).default(10),
  connections: z.coerce.number().int().min(1).max(500).default(20),
  rows: z.coerce.number().int().min(1000).default(200_000),
  db: z.enum(["sqlite", "postgres", "both"]).default("sqlite"),
  previous: z.string().min(1).optional(),
  only: z
    .string()
    .transform((s) => s.split(","))
    .pipe(z.array(z.enum(SECTIONS)))
    .optional(),
});
const { values } = parseArgs({
  options: {
    responses: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    rows: { type: "string" },
    only: { type: "string" },
    db: { type: "string" },
    previous: { type: "string" },
  },
});
const args = Args.parse(values);
const runs = (section: (typeof SECTIONS)[number]) => !args.only || args.only.includes(section);
const onSqlite = args.db !== "postgres";
const onPostgres = args.db !== "sqlite";

if (runs("summary")) {
  const datasets = [];
  if (onSqlite) {
    const dataset = benchDataset(args.responses);
    datasets.push({ name: "SQLite", dataset, database: await openDatabase({ DATA_DIR: dataset.dataDir }) });
  }
  if (onPostgres) {
    const dataset = await postgresDataset(args.responses);
    datasets.push({ name: "PostgreSQL", dataset, database: await openDatabase({ DATA_DIR: dataset.dataDir, DATABASE_URL: dataset.url }) });
  }
  console.log(`\n(a) Summary by team and month over a year, demo --responses ${args.responses}`);
  const results = [];
  for (const { name, dataset, database } of datasets) {
    console.log(`    ${name}: ${dataset.dataDir}; generated in ${fmt(dataset.generationSeconds)} s${dataset.cached ? " (earlier run, reused)" : ""}`);
    results.push({ name, rows: await benchSummary(database, dataset.dataDir) });
    await database.close();
  }
  console.log(
    "\n" +
      table(
        ["database", "query", "rows", "median ms", "p95 ms", "runs", "x fastest SQL"],
        results.flatMap(({ name, rows }) => {
          const fastest = rows.find((r) => r.label.includes("report_rollup"))!.timing.median;
          return rows.map((r) => [
            name,
            r.label,
            String(r.rows),
            fmt(r.timing.median, 2),
            fmt(r.timing.p95, 2),
            String(r.timing.runs),
            `${fmt(r.timing.median / fastest, 2)}x`,
          ]);
        }),
      ),
  );
  for (const { name, rows } of results) {
    const fastest = rows.find((r) => r.label.includes("report_rollup"))!.timing.median;
    const report = rows[0]!.timing.median;
    const limit = name === "PostgreSQL" ? 50 : 100;
    console.log(`\n    target (${name}): median < ${limit} ms -> ${fmt(report, 2)} ms ${report < limit ? "MET" : "MISSED"}`);
    console.log(`    target (${name}): within 3x of the fastest hand-written SQL -> ${fmt(report / fastest, 2)}x ${report / fastest <= 3 ? "MET" : "MISSED"}`);
  }
}

if (runs("http")) {
  console.log(
    `\n(b, c) HTTP: ${args.connections} connections, ${args.duration} s per run, server on core 0, autocannon on core 1${hasTaskset ? "" : " (taskset missing: NOT pinned)"}\n`,
  );
  const variants: AppVariant[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  if (onSqlite) {
    variants.push({ name: "app, SQLite, SYNCHRONOUS=FULL", env: { SQLITE_SYNCHRONOUS: "FULL" }, floor: "FULL" });
    variants.push({ name: "app, SQLite, SYNCHRONOUS=NORMAL", env: { SQLITE_SYNCHRONOUS: "NORMAL" }, floor: "NORMAL" });
  }
  if (args.previous) {
    const { root, commit } = checkoutOf(args.previous);
    console.log(`    previous commit ${commit}: its own bench/server.ts, from ${root}`);
    variants.push({ name: `previous commit ${commit}, SQLite, FULL`, env: { SQLITE_SYNCHRONOUS: "FULL" }, root });
    variants.push({ name: `previous commit ${commit}, SQLite, NORMAL`, env: { SQLITE_SYNCHRONOUS: "NORMAL" }, root });
  }
  if (onPostgres) {
    const scratch = await scratchPostgres("http");
    cleanups.push(scratch.drop);
    variants.push({ name: "app, PostgreSQL", env: { DATABASE_URL: scratch.url, ...BENCH_SECRETS } });
  }
  const rows = await benchHttp({ duration: args.duration, connections: args.connections, variants }).finally(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  console.log(
    table(
      ["request", "server", "req/s", "p50 ms", "p99 ms", "statuses", "% of bare", "own work us", "ceiling", "load avg after"],
      rows.map((r) => [
        r.label,
        r.target,
        fmt(r.result.requestsPerSec, 0),
        String(r.result.latencyP50),
        String(r.result.latencyP99),
        Object.entries(r.result.statusCodes)
          .map(([code, n]) => `${code}:${n}`)
          .join(" ") + (r.result.errors ? ` errors:${r.result.errors}` : ""),
        r.share === undefined ? "" : `${fmt(100 * r.share, 0)}%`,
        r.floorUs === undefined ? "" : fmt(r.floorUs, 1),
        r.ceiling === undefined ? "" : `${fmt(100 * r.ceiling, 0)}%`,
        r.load,
      ]),
    ),
  );
  console.log("\n    % of bare: against the mean of the bare route's runs just before and just after.");
  console.log(
    `    own work: the route's work without HTTP (bench/floor.ts: token, checks, stored and committed in groups of ${args.connections}), us per request.`,
  );
  console.log("    ceiling: the % of bare the app would reach if all else cost what the bare route (for the page: sending the page) costs.");
  const targets: [HttpRow["kind"], number, string][] = [
    ["api-interaction", 0.4, "issue 2"],
    ["api-interaction", 0.5, "issue 6"],
    ["survey-get", 0.7, "issue 6"],
    ["survey-post", 0.5, "issue 6"],
  ];
  for (const [kind, share, issue] of targets) {
    for (const r of rows.filter((r) => r.kind === kind && r.ceiling !== undefined)) {
      const verdict = r.share! >= share ? "MET" : r.ceiling! < share ? "MISSED (above the ceiling)" : "MISSED";
      console.log(
        `    target (${issue}): ${r.label} >= ${fmt(100 * share, 0)}% of bare (${r.target}) -> ${fmt(100 * r.share!, 0)}%, ceiling ${fmt(100 * r.ceiling!, 0)}% ${verdict}`,
      );
    }
  }
}

// (d) and (e) measure the SQLite server's reader thread and memory on a copy of its file.
if (runs("under-load") && onSqlite) {
  const dataset = benchDataset(args.responses);
  // The POSTs add interactions: a scratch copy keeps the cached database as demo made it.
  const scratch = scratchCopy(dataset.dataDir);
  try {
    await createBenchAdmin(scratch.dataDir);
    console.log(`\n(d) POST /api/v1/interactions while heavy reports run, and while ten CSV exports run, demo --responses ${args.responses}`);
    console.log(`    scratch copy of ${dataset.dataDir} in ${scratch.dataDir} (${fmt(scratch.copySeconds)} s); the POSTs add rows to the copy only`);
    console.log(
      `    ${args.connections} connections, ${args.duration} s per run; autocannon and the report loop on core 1${hasTaskset ? "" : " (taskset missing: NOT pinned)"}`,
    );
    console.log(`    reports, back to back, one at a time, as an admin: ${heavyReports().join(", ")}`);
    console.log(`    exports, ten at once, each back to back: ${exportPath()}\n`);
    const rows = await benchUnderLoad({ dataDir: scratch.dataDir, duration: args.duration, connections: args.connections });
    const codes = (r: { statusCodes: Record<string, number>; errors: number }) =>
      Object.entries(r.statusCodes)
        .map(([code, n]) => `${code}:${n}`)
        .join(" ") + (r.errors ? ` errors:${r.errors}` : "");
    console.log(
      table(
        ["server", "run", "req/s", "p50 ms", "p99 ms", "statuses", "reports done", "report median ms"],
        rows.flatMap((r) => [
          [
            r.label,
            "idle (before)",
            fmt(r.idleBefore.requestsPerSec, 0),
            String(r.idleBefore.latencyP50),
            String(r.idleBefore.latencyP99),
            codes(r.idleBefore),
            "",
            "",
          ],
          [
            r.label,
            `${r.background} running`,
            fmt(r.loaded.requestsPerSec, 0),
            String(r.loaded.latencyP50),
            String(r.loaded.latencyP99),
            codes(r.loaded),
            String(r.reportsDone) + (Object.keys(r.reportStatuses).some((s) => s !== "200") ? ` (${JSON.stringify(r.reportStatuses)})` : ""),
            fmt(r.reportMedianMs, 0) + (r.background.includes("export") ? ` (${fmt(r.reportBytesPerSec / 1e6, 1)} MB/s)` : ""),
          ],
          [
            r.label,
            "idle (after)",
            fmt(r.idleAfter.requestsPerSec, 0),
            String(r.idleAfter.latencyP50),
            String(r.idleAfter.latencyP99),
            codes(r.idleAfter),
            "",
            "",
          ],
        ]),
      ),
    );
    for (const r of rows) {
      const alone = Object.entries(r.reportAloneMs)
        .map(([path, ms]) => `${path.replace(/\?.*/, "")} ${fmt(ms, 0)} ms`)
        .join(", ");
      console.log(`\n    ${r.label}: each report alone (warm), before the runs: ${alone}`);
    }
    console.log("\n    ratio: req/s with reports (or exports) running against the mean of the idle runs before and after.");
    for (const r of rows) {
      console.log(
        `    target: ${r.label}, ${r.background}: >= 80% of idle -> ${fmt(100 * r.ratio, 0)}% (ratio ${fmt(r.ratio, 2)}) ${r.ratio >= 0.8 ? "MET" : "MISSED"}, ${r.reportsDone} completed during the loaded run`,
      );
    }
  } finally {
    scratch.remove();
  }
}

if (runs("memory") && onSqlite) {
  const dataset = benchDataset(args.responses);
  // Signing in writes a user and a session: a scratch copy keeps the cached database unchanged.
  const scratch = scratchCopy(dataset.dataDir);
  try {
    await createBenchAdmin(scratch.dataDir);
    const result = await benchMemory({ dataDir: scratch.dataDir });
    console.log(`\n(e) Server memory serving the dashboard, demo --responses ${args.responses}`);
    console.log(`    \`${result.script}\` (its node flags) over a scratch copy of ${dataset.dataDir}; peak resident memory is VmHWM\n`);
    console.log(
      table(
        ["after", "requests", "s", "VmHWM MB", "VmRSS MB", ""],
        result.steps.map((s) => [s.step, String(s.requests), fmt(s.seconds, 1), fmt(s.hwmMb, 1), fmt(s.rssMb, 1), s.note]),
      ),
    );
    const pages = result.steps.find((s) => s.step.startsWith("dashboard"))!;
    const exported = result.steps.at(-1)!;
    console.log(`\n    target: peak < 200 MB after the dashboard pages -> ${fmt(pages.hwmMb, 1)} MB ${pages.hwmMb < 200 ? "MET" : "MISSED"}`);
    console.log(`    target: peak < 200 MB after the CSV export      -> ${fmt(exported.hwmMb, 1)} MB ${exported.hwmMb < 200 ? "MET" : "MISSED"}`);
    const other = result.serverLog.filter((l) => !l.includes('"listening"'));
    if (other.length) console.log(`    the server also logged: ${other.join(" | ")}`);
  } finally {
    scratch.remove();
  }
}

if (runs("import")) {
  console.log(`\n(f) CSV import of ${args.rows.toLocaleString("en-GB")} historic responses into an empty database (--rows N)`);
  const targets: { name: string; env?: Record<string, string>; drop?: () => Promise<void> }[] = [];
  if (onSqlite) targets.push({ name: "SQLite" });
  if (onPostgres) {
    const scratch = await scratchPostgres("import");
    targets.push({ name: "PostgreSQL", env: { DATABASE_URL: scratch.url, ...BENCH_SECRETS }, drop: scratch.drop });
  }
  for (const target of targets) {
    const r = await benchImport(args.rows, { rebuild: false, env: target.env }).finally(() => target.drop?.());
    const rate = (s: number) => Math.round(r.rows / s).toLocaleString("en-GB");
    console.log(
      `\n    ${target.name}: wrote the CSV (${fmt(r.csvMb, 0)} MB) in ${fmt(r.writeSeconds)} s; imported ${r.rows.toLocaleString("en-GB")} rows, ${r.comments.toLocaleString("en-GB")} comments, ${r.themeTags.toLocaleString("en-GB")} theme tags, ${r.rollupRows.toLocaleString("en-GB")} report rows\n`,
    );
    console.log(
      table(
        ["part", "s", "rows/s"],
        [
          ["read + check", fmt(r.checkSeconds, 2), rate(r.checkSeconds)],
          ["store", fmt(r.storeSeconds, 2), rate(r.storeSeconds)],
          [`  of which report counters (${r.rollupRows.toLocaleString("en-GB")} rows)`, fmt(r.countersSeconds, 2), rate(r.countersSeconds)],
          ["overall", fmt(r.totalSeconds, 2), rate(r.totalSeconds)],
        ],
      ),
    );
    const overall = r.rows / r.totalSeconds;
    console.log(`\n    target (${target.name}): >= 100,000 rows/s overall -> ${rate(r.totalSeconds)} rows/s ${overall >= 100_000 ? "MET" : "MISSED"}`);
    console.log(`    ceiling (${target.name}): writing the report counters alone allows ${rate(r.countersSeconds)} rows/s, with nothing else done`);
  }
}
