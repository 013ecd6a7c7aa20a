/**
 * (b) POST /api/v1/interactions and (c) the survey page (GET /s/<token>, form POST) against
 * bare Hono routes that receive the same requests and do nothing else. Server and load
 * generator run as separate processes pinned to different cores with taskset.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./dataset";
import type { LoadResult, LoadSpec } from "./load";

type Started = { child: ChildProcess; port: number; apiKey?: string; tokensFile?: string };

const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const pinned = (core: number, args: string[]) =>
  hasTaskset ? { cmd: "taskset", args: ["-c", String(core), process.execPath, ...args] } : { cmd: process.execPath, args };

async function startServer(mode: "app" | "bare", env: NodeJS.ProcessEnv, dataDir?: string): Promise<Started> {
  const { cmd, args } = pinned(0, ["--import", "tsx", join(ROOT, "bench/server.ts"), mode, ...(dataDir ? [dataDir] : [])]);
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  const info = JSON.parse(first) as { port: number; apiKey?: string; tokensFile?: string };
  return { child, ...info };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

function load(spec: LoadSpec): LoadResult {
  const { cmd, args } = pinned(1, ["--import", "tsx", join(ROOT, "bench/load.ts"), JSON.stringify(spec)]);
  const run = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (run.status !== 0) throw new Error(`load generator failed (${run.status})`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as LoadResult;
}

export type HttpRow = { label: string; kind: LoadSpec["kind"]; target: "app" | "bare"; result: LoadResult; note?: string };

export async function benchHttp(options: { duration: number; connections: number; synchronous: ("FULL" | "NORMAL")[] }): Promise<HttpRow[]> {
  const rows: HttpRow[] = [];
  const common = { connections: options.connections, duration: options.duration };
  // Rate limits are for the public internet, not for a load test on loopback.
  const env = { LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_API_PER_MINUTE: "1000000", RATE_LIMIT_IVR_PER_MINUTE: "1000000" };

  const bare = await startServer("bare", env);
  try {
    const url = `http://127.0.0.1:${bare.port}`;
    for (const kind of ["api-interaction", "survey-get", "survey-post"] as const) {
      rows.push({ label: labelOf(kind), kind, target: "bare", result: load({ ...common, url, kind }) });
    }
  } finally {
    await stop(bare.child);
  }

  for (const synchronous of options.synchronous) {
    const dataDir = mkdtempSync(join(tmpdir(), "ros-bench-http-"));
    const app = await startServer("app", { ...env, SQLITE_SYNCHRONOUS: synchronous }, dataDir);
    try {
      const url = `http://127.0.0.1:${app.port}`;
      const note = `SQLITE_SYNCHRONOUS=${synchronous}`;
      rows.push({ label: labelOf("api-interaction"), kind: "api-interaction", target: "app", note, result: load({ ...common, url, kind: "api-interaction", apiKey: app.apiKey }) });
      const page = load({ ...common, url, kind: "survey-get", tokensFile: app.tokensFile });
      if ((page.statusCodes["404"] ?? 0) > 0 && (page.statusCodes["200"] ?? 0) === 0) {
        console.error("The survey page answered 404: /s/<token> is not there yet; skipping the survey runs.");
      } else {
        rows.push({ label: labelOf("survey-get"), kind: "survey-get", target: "app", note, result: page });
        rows.push({ label: labelOf("survey-post"), kind: "survey-post", target: "app", note, result: load({ ...common, url, kind: "survey-post", tokensFile: app.tokensFile }) });
      }
    } finally {
      await stop(app.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}

function labelOf(kind: LoadSpec["kind"]): string {
  return { "api-interaction": "POST /api/v1/interactions", "survey-get": "GET /s/<token>?csat=4", "survey-post": "POST /s/<token> (form)" }[kind];
}

export { hasTaskset };
