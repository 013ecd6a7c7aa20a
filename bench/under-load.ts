/**
 * (d) Answering while a heavy report runs (issue 6 §1) and while ten CSV exports run:
 * POST /api/v1/interactions throughput on the real server over the big bench database, idle,
 * then while another process requests heavy dashboard reports back to back, idle again, then
 * while ten responses exports download at once, and idle once more. Reports and exports run in
 * the server's reader thread, so the event loop should keep answering. Measured twice: the
 * server pinned to core 0 alone (its reader thread then shares that core) and the server given
 * both cores; the load generator and the report generator are on core 1 throughout.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./dataset";
import { load, pinned, startServer, stop } from "./http";
import type { LoadResult } from "./load";
import type { ReportDone, ReportsSpec } from "./reports-load";
import { signIn } from "./scratch";

/**
 * The heaviest reports (each ~80-200 ms alone over 1,000,000 responses); all run in the reader
 * thread. Themes by week over four years; a comment search that matches nothing (so it reads
 * every comment of the year); the quarterly report; the API summary by staff member and week over
 * a year (2 MB of JSON, serialised on the main thread).
 */
export function heavyReports(now = new Date()): string[] {
  const day = (yearsBack: number) => new Date(Date.UTC(now.getUTCFullYear() - yearsBack, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  return [
    `/dashboard/api/themes?period=week&from=${day(4)}`,
    "/dashboard/api/comments?q=nothing-matches-this",
    "/dashboard/api/report/quarterly",
    `/api/v1/reports/summary?groupBy=staff&period=week&from=${day(1)}&to=${day(0)}`,
  ];
}

/** The year's responses as CSV (every response of the demo year, in batches). */
export function exportPath(now = new Date()): string {
  const day = (yearsBack: number) => new Date(Date.UTC(now.getUTCFullYear() - yearsBack, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  return `/dashboard/api/export/responses.csv?period=month&from=${day(1)}&to=${day(0)}`;
}

/** What runs beside the answers: the heavy reports one at a time, or ten exports at once. */
export const BACKGROUNDS = [
  { name: "heavy reports", paths: () => heavyReports(), concurrency: 1 },
  { name: "10 CSV exports", paths: () => [exportPath()], concurrency: 10 },
] as const;

export type UnderLoadRow = {
  label: string;
  /** What ran while the loaded run was measured (BACKGROUNDS). */
  background: string;
  cores: string;
  idleBefore: LoadResult;
  loaded: LoadResult;
  idleAfter: LoadResult;
  /** loaded / mean of the two idle runs. */
  ratio: number;
  reportsDone: number;
  reportStatuses: Record<string, number>;
  reportMedianMs: number;
  /** Bytes of the reports that finished inside the loaded run, per second of it. */
  reportBytesPerSec: number;
  /** Each report on its own before any load (second of two requests): what one costs. */
  reportAloneMs: Record<string, number>;
};

/** Starts the report generator and resolves once its first report has come back. */
async function startReports(spec: ReportsSpec) {
  const { cmd, args } = pinned(1, ["--import", "tsx", join(ROOT, "bench/reports-load.ts"), JSON.stringify(spec)]);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const done: ReportDone[] = [];
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    lines.on("line", (line) => {
      done.push(JSON.parse(line) as ReportDone);
      resolve();
    });
    child.once("exit", (code) => reject(new Error(`report generator exited with ${code} before any report`)));
  });
  return { child, done };
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : NaN);

export async function benchUnderLoad(options: { dataDir: string; duration: number; connections: number }): Promise<UnderLoadRow[]> {
  const env = {
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_API_PER_MINUTE: "1000000",
    RATE_LIMIT_IVR_PER_MINUTE: "1000000",
    // Only interactions are posted here: no survey tokens to issue.
    BENCH_SURVEY_TOKENS: "0",
  };
  const rows: UnderLoadRow[] = [];
  for (const { label, cores } of [
    { label: "server on core 0 only (reader thread shares it)", cores: "0" },
    { label: "server on cores 0 and 1", cores: "0,1" },
  ]) {
    const server = await startServer("app", env, options.dataDir, cores);
    try {
      const url = `http://127.0.0.1:${server.port}`;
      const cookie = await signIn(url);
      const reportAloneMs: Record<string, number> = {};
      const headers = { cookie, authorization: `Bearer ${server.apiKey}` };
      // Twice each, keeping the second: the first prepares statements and warms the cache.
      const alone = BACKGROUNDS.flatMap((b) => b.paths());
      for (const path of [...alone, ...alone]) {
        const t0 = performance.now();
        const res = await fetch(`${url}${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        reportAloneMs[path] = performance.now() - t0;
      }
      const spec = { url, kind: "api-interaction" as const, apiKey: server.apiKey, connections: options.connections };
      await load({ ...spec, duration: 2 }); // warm-up (JIT), not measured
      // Idle, each background, idle again: every loaded run lies between two idle ones.
      let idleBefore = await load({ ...spec, duration: options.duration });
      for (const background of BACKGROUNDS) {
        const reports = await startReports({ url, headers, paths: background.paths(), concurrency: background.concurrency });
        let loaded: LoadResult;
        try {
          loaded = await load({ ...spec, duration: options.duration });
        } finally {
          await stop(reports.child);
        }
        const idleAfter = await load({ ...spec, duration: options.duration });
        // Reports that finished while autocannon was measuring.
        const inWindow = reports.done.filter((r) => r.at >= loaded.startedAt && r.at <= loaded.finishedAt);
        const reportStatuses: Record<string, number> = {};
        for (const r of inWindow) reportStatuses[r.status] = (reportStatuses[r.status] ?? 0) + 1;
        rows.push({
          label,
          background: background.name,
          cores,
          idleBefore,
          loaded,
          idleAfter,
          ratio: loaded.requestsPerSec / ((idleBefore.requestsPerSec + idleAfter.requestsPerSec) / 2),
          reportsDone: inWindow.length,
          reportStatuses,
          reportMedianMs: median(inWindow.map((r) => r.ms)),
          reportBytesPerSec: inWindow.reduce((n, r) => n + r.bytes, 0) / ((loaded.finishedAt - loaded.startedAt) / 1000),
          reportAloneMs,
        });
        idleBefore = idleAfter;
      }
    } finally {
      await stop(server.child);
    }
  }
  return rows;
}
