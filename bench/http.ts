/**
 * (b) POST /api/v1/interactions and (c) the survey page (GET /s/<token>, form POST) against
 * bare Hono routes that receive the same requests and do nothing else. Server and load
 * generator run as separate processes pinned to different cores with taskset.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ROOT } from "./dataset";
import type { FloorResult, FloorSpec } from "./floor";
import type { LoadResult, LoadSpec } from "./load";

export type Started = { child: ChildProcess; port: number; apiKey?: string; tokensFile?: string };

const hasTaskset = spawnSync("taskset", ["-c", "0", "true"]).status === 0;
/** cores: a taskset core list ("0", "0,1"). */
export const pinned = (cores: number | string, args: string[]) =>
  hasTaskset ? { cmd: "taskset", args: ["-c", String(cores), process.execPath, ...args] } : { cmd: process.execPath, args };

/**
 * dataDir: the app's database folder; for "page", the file of the page to send. root: the
 * checkout whose bench/server.ts runs (another commit's, for a comparison in the same run).
 */
export async function startServer(
  mode: "app" | "bare" | "page",
  env: NodeJS.ProcessEnv,
  dataDir?: string,
  cores: number | string = 0,
  root = ROOT,
): Promise<Started> {
  const { cmd, args } = pinned(cores, ["--import", "tsx", join(root, "bench/server.ts"), mode, ...(dataDir ? [dataDir] : [])]);
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  const info = JSON.parse(first) as { port: number; apiKey?: string; tokensFile?: string };
  return { child, ...info };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** Runs a bench script pinned to `core` with a JSON spec, and resolves to the JSON of its last line. */
export function runPinned<T>(core: number, script: string, spec: unknown): Promise<T> {
  const { cmd, args } = pinned(core, ["--import", "tsx", join(ROOT, script), JSON.stringify(spec)]);
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`${script} failed (${code})`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as T);
    });
  });
}

/** autocannon, on core 1. */
export const load = (spec: LoadSpec) => runPinned<LoadResult>(1, "bench/load.ts", spec);

/** The work of each measured route without HTTP, on core 0 alone (bench/floor.ts). */
const floor = (spec: FloorSpec) => runPinned<FloorResult>(0, "bench/floor.ts", spec);

/**
 * share: req/s against the bare route. ceiling: the share the app could reach at best, were
 * everything but its route's own work (floor) as cheap as the bare route: 1 / (1 + bare req/s x
 * floor), and for the page also no cheaper than sending the page's bytes from a bare route.
 */
export type HttpRow = {
  label: string;
  kind: LoadSpec["kind"];
  target: string;
  result: LoadResult;
  share?: number;
  ceiling?: number;
  floorUs?: number;
  load: string;
};

/**
 * All servers start first and idle until their turn. For each kind of request the bare route
 * is measured before and after the application runs, and the application is compared with the
 * mean of the two: other work on a shared machine then moves baseline and application alike.
 */
/**
 * One application server to measure: its name in the table, its environment (DATABASE_URL
 * for PostgreSQL), the checkout it runs from (another commit's), and the durability setting
 * whose own work (bench/floor.ts, SQLite) gives it a ceiling.
 */
export type AppVariant = { name: string; env: Record<string, string>; root?: string; floor?: "FULL" | "NORMAL" };

export async function benchHttp(options: { duration: number; connections: number; variants: AppVariant[] }): Promise<HttpRow[]> {
  const rows: HttpRow[] = [];
  const common = { connections: options.connections, duration: options.duration };
  // Rate limits are for the public internet, not for a load test on loopback.
  const env = { LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000", RATE_LIMIT_API_PER_MINUTE: "1000000", RATE_LIMIT_IVR_PER_MINUTE: "1000000" };
  const dataDirs: string[] = [];
  const servers: Started[] = [];
  const floors = new Map<"FULL" | "NORMAL", FloorResult>();
  for (const v of options.variants) {
    if (v.floor && !floors.has(v.floor)) floors.set(v.floor, await floor({ batch: options.connections, synchronous: v.floor }));
  }
  try {
    const bare = await startServer("bare", env);
    servers.push(bare);
    const apps = [];
    for (const variant of options.variants) {
      const dataDir = mkdtempSync(join(tmpdir(), "ros-bench-http-"));
      dataDirs.push(dataDir);
      const app = await startServer("app", { ...env, ...variant.env }, dataDir, 0, variant.root);
      servers.push(app);
      apps.push({ variant, app });
    }
    // The app's survey page, headers and body, sent by a bare route that does nothing else.
    let page: Started | undefined;
    if (apps[0]?.app.tokensFile) {
      const [first] = JSON.parse(readFileSync(apps[0].app.tokensFile, "utf8")) as { token: string }[];
      const res = await fetch(`http://127.0.0.1:${apps[0].app.port}/s/${first!.token}?csat=4`, { headers: { "user-agent": "Mozilla/5.0 (bench)" } });
      const pageFile = join(dataDirs[0]!, "page.json");
      const headers = Object.fromEntries([...res.headers].filter(([name]) => !["content-length", "date", "connection", "keep-alive"].includes(name)));
      writeFileSync(pageFile, JSON.stringify({ headers, body: await res.text() }));
      page = await startServer("page", env, pageFile);
      servers.push(page);
    }
    const loadAvg = () =>
      loadavg()
        .map((x) => x.toFixed(1))
        .join(" ");
    const warmed = new Set<string>();
    // Tokens used so far per server: each form POST answers a token nobody answered before.
    const used = new Map<number, number>();
    const run = async (server: Started, kind: LoadSpec["kind"], duration: number) => {
      const tokenOffset = used.get(server.port) ?? 0;
      const result = await load({
        ...common,
        duration,
        url: `http://127.0.0.1:${server.port}`,
        kind,
        apiKey: server.apiKey,
        tokensFile: server.tokensFile,
        tokenOffset,
      });
      if (kind === "survey-post") used.set(server.port, tokenOffset + result.total + options.connections);
      return result;
    };
    const measure = async (server: Started, kind: LoadSpec["kind"]) => {
      // A short unmeasured run first, so the JIT has compiled the hot paths of this route.
      if (!warmed.has(`${server.port}:${kind}`)) {
        await run(server, kind, 2);
        warmed.add(`${server.port}:${kind}`);
      }
      return { result: await run(server, kind, options.duration), load: loadAvg() };
    };
    for (const kind of ["api-interaction", "survey-get", "survey-post"] as const) {
      if (kind !== "api-interaction" && apps[0]) {
        const probe = await load({
          ...common,
          duration: 1,
          url: `http://127.0.0.1:${apps[0].app.port}`,
          kind: "survey-get",
          tokensFile: apps[0].app.tokensFile,
        });
        if ((probe.statusCodes["200"] ?? 0) === 0) {
          console.error(`The survey page answered ${JSON.stringify(probe.statusCodes)}, not 200: skipping the survey runs.`);
          break;
        }
      }
      const before = await measure(bare, kind);
      const pageOnly = kind === "survey-get" && page ? await measure(page, kind) : undefined;
      const measured = [];
      for (const { variant, app } of apps) measured.push({ variant, ...(await measure(app, kind)) });
      const after = await measure(bare, kind);
      const baseline = (before.result.requestsPerSec + after.result.requestsPerSec) / 2;
      rows.push({ label: labelOf(kind), kind, target: "bare Hono route (before)", ...before });
      if (pageOnly) {
        rows.push({ label: labelOf(kind), kind, target: "bare route sending the app's page", ...pageOnly, share: pageOnly.result.requestsPerSec / baseline });
      }
      for (const m of measured) {
        const work = m.variant.floor ? floors.get(m.variant.floor) : undefined;
        const floorUs = work && { "api-interaction": work.registerUs, "survey-get": work.openUs, "survey-post": work.answerUs }[kind];
        // Seconds per request at best: the bare route's (or the page's), plus the route's own work.
        const best = floorUs === undefined ? undefined : 1 / (pageOnly?.result.requestsPerSec ?? baseline) + floorUs / 1e6;
        rows.push({
          label: labelOf(kind),
          kind,
          target: m.variant.name,
          result: m.result,
          load: m.load,
          share: m.result.requestsPerSec / baseline,
          floorUs,
          ceiling: best === undefined ? undefined : 1 / best / baseline,
        });
      }
      rows.push({ label: labelOf(kind), kind, target: "bare Hono route (after)", ...after });
    }
  } finally {
    for (const s of servers) await stop(s.child);
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}

function labelOf(kind: LoadSpec["kind"]): string {
  return { "api-interaction": "POST /api/v1/interactions", "survey-get": "GET /s/<token>?csat=4", "survey-post": "POST /s/<token> (form)" }[kind];
}

export { hasTaskset };
