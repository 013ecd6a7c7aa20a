/**
 * (e) The server's memory while serving the dashboard over the big bench database (issue 6 §1:
 * under 200 MB). Starts the production server (src/main.ts with the node flags of package.json's
 * "start" script) over a scratch copy, signs in as an admin, requests every dashboard page's
 * API endpoints a few times, then one CSV export of a month, and reads the process's peak
 * resident memory (VmHWM in /proc/<pid>/status) after each step.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { ROOT } from "./dataset";
import { stop } from "./http";
import { startCommand } from "../scripts/start-command";
import { signIn } from "./scratch";

export type MemoryStep = { step: string; requests: number; seconds: number; hwmMb: number; rssMb: number; note: string };

function memoryOf(pid: number): { hwmMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { hwmMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
}

async function startProduction(dataDir: string): Promise<{ child: ChildProcess; port: number; log: string[] }> {
  const { nodeArgs, entry } = startCommand();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const log: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    lines.on("line", (line) => {
      log.push(line);
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === "listening" && entry.port) resolve(entry.port);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${log.join("\n")}`)));
  });
  return { child, port, log };
}

/** First day and last day of the month before today's (UTC dates are close enough to pick a month). */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export async function benchMemory(options: { dataDir: string; rounds?: number }): Promise<{ steps: MemoryStep[]; script: string; serverLog: string[] }> {
  const rounds = options.rounds ?? 3;
  const server = await startProduction(options.dataDir);
  const pid = server.child.pid!;
  const steps: MemoryStep[] = [];
  const step = (name: string, requests: number, started: number, note = "") =>
    steps.push({ step: name, requests, seconds: (performance.now() - started) / 1000, ...memoryOf(pid), note });
  try {
    step("started, before any request", 0, performance.now());
    const url = `http://127.0.0.1:${server.port}`;
    const cookie = await signIn(url);
    const get = async (path: string) => {
      const res = await fetch(`${url}/dashboard/api${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 300)}`);
      return body;
    };
    const options_ = JSON.parse(await get("/options")) as { teams: { code: string }[] };
    const team = options_.teams[0]?.code;
    const staffTable = team ? (JSON.parse(await get(`/teams/${team}/staff`)) as { staff: { group: { code: string | null } }[] }) : { staff: [] };
    const staff = staffTable.staff.find((s) => s.group.code)?.group.code ?? undefined;
    // What each page asks for with its default filters (web/src/models), plus a weekly view.
    const pages = [
      "/me",
      "/options",
      "/overview",
      "/overview?period=week",
      "/trends",
      "/trends?split=team&period=week",
      "/teams",
      ...(team ? [`/teams/${team}/staff`] : []),
      ...(staff ? [`/staff/${staff}`, `/settings/staff/${staff}/signature`] : []),
      "/themes",
      "/comments",
      "/comments?sentiment=negative&page=1",
      "/report/quarterly",
      "/follow-ups",
      "/settings",
      "/settings/delivery",
    ];
    let started = performance.now();
    for (let i = 0; i < rounds; i++) for (const path of pages) await get(path);
    step(`dashboard API, ${pages.length} endpoints x ${rounds}`, pages.length * rounds, started);

    const month = lastMonth();
    started = performance.now();
    const res = await fetch(`${url}/dashboard/api/export/responses.csv?from=${month.from}&to=${month.to}`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
    }
    step(`CSV export ${month.from} to ${month.to}`, 1, started, `${(bytes / 1e6).toFixed(1)} MB, ${lines} line breaks`);
  } finally {
    await stop(server.child);
  }
  return { steps, script: startCommand().script, serverLog: server.log };
}
