/**
 * Issue 5: "On a database of 1,000,000 responses the Overview's data arrives in under 300 ms
 * after sign-in." Measures, through the real app (createApp, in process, no network):
 *
 *   sign-in     POST /dashboard/login (scrypt, about 50 ms by design, so guessing is slow)
 *   after       what the browser asks for once the sign-in redirect lands: GET /dashboard/api/me,
 *               then /options and /overview (default filters: the last 12 months, monthly)
 *
 * The target is on "after". Run against the bench database (made once by `npm run bench`, or by
 * `npm run cli -- demo --responses 1000000` into DATA_DIR):
 *
 *   npx tsx bench/dashboard-overview.ts [DATA_DIR] [runs]
 *
 * It runs on a scratch copy of the folder (the user and sessions it needs are written there),
 * so the bench database is left exactly as it was. Import benchDashboardOverview to use it from
 * bench/run.ts.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { createApp } from "../src/app";
import { systemClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import { scratchCopy } from "./scratch";
import { silentLogger } from "../src/deps";
import { createUser } from "../src/services/users";

export type OverviewTiming = { runs: number; signInMedian: number; afterMedian: number; afterP95: number; overviewMedian: number; responses: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

export async function benchDashboardOverview(dataDir: string, runs = 10): Promise<OverviewTiming> {
  const scratch = scratchCopy(dataDir);
  const config = { ...loadConfig({ ...process.env, DATA_DIR: scratch.dataDir, LOG_LEVEL: "silent" }), LOG_LEVEL: "silent" as const };
  const db = await openDatabase({ ...config, SQLITE_SYNCHRONOUS: "NORMAL" });
  const app = createApp({ db, clock: systemClock, config, log: silentLogger });
  const email = `bench-${Date.now()}@bench.invalid`;
  const password = "bench password, scratch copy only";
  try {
    await createUser({ db, clock: systemClock, config, log: silentLogger }, { email, role: "director", password });
    const signIn: number[] = [];
    const after: number[] = [];
    const overviewOnly: number[] = [];
    let responses = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const login = await app.request("/dashboard/login", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password }).toString(),
      });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
      if (login.status !== 303 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
      const t1 = performance.now();
      const headers = { Cookie: cookie };
      await (await app.request("/dashboard/api/me", { headers })).json();
      const [, overview] = await Promise.all([
        Promise.resolve(app.request("/dashboard/api/options", { headers })).then((r) => r.json()),
        Promise.resolve(app.request("/dashboard/api/overview", { headers })).then((r) => r.json() as Promise<{ responses: number }>),
      ]);
      const t2 = performance.now();
      const o0 = performance.now();
      await (await app.request("/dashboard/api/overview", { headers })).json();
      const o1 = performance.now();
      responses = overview.responses;
      if (i === 0) continue; // warm-up: first statements prepared, pages cached
      signIn.push(t1 - t0);
      after.push(t2 - t1);
      overviewOnly.push(o1 - o0);
    }
    return { runs, signInMedian: median(signIn), afterMedian: median(after), afterP95: p95(after), overviewMedian: median(overviewOnly), responses };
  } finally {
    await db.close();
    scratch.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = process.argv[2] ?? join(tmpdir(), "rate-our-service-bench-1000000");
  const runs = Number(process.argv[3] ?? 10);
  const r = await benchDashboardOverview(dataDir, runs);
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`Dashboard overview on ${dataDir} (${r.responses} responses in the last 12 months), ${r.runs} runs:`);
  console.log(`  sign-in POST (scrypt)               median ${ms(r.signInMedian)}`);
  console.log(`  me + options + overview after it    median ${ms(r.afterMedian)}, p95 ${ms(r.afterP95)}`);
  console.log(`  overview alone                      median ${ms(r.overviewMedian)}`);
  console.log(`  target: data within 300 ms after sign-in -> ${r.afterP95 < 300 ? "MET" : "MISSED"} (p95)`);
}
