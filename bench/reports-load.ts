/**
 * The heavy-report generator for (d), run in its own process pinned to the load generator's core:
 *   node --import tsx bench/reports-load.ts '<json ReportsSpec>'
 * Requests the given report URLs one after another, back to back (one in flight at a time),
 * until it is sent SIGTERM, and prints one JSON line per finished report, so the caller can
 * count those that finished inside its measured window.
 */
/** headers: a session cookie for the dashboard's API and a bearer key for /api/v1, sent to both. */
export type ReportsSpec = { url: string; headers: Record<string, string>; paths: string[] };
export type ReportDone = { path: string; status: number; ms: number; at: number; bytes: number };

const spec = JSON.parse(process.argv[2] ?? "{}") as ReportsSpec;
let running = true;
process.on("SIGTERM", () => {
  running = false;
  process.exit(0);
});

for (let i = 0; running; i++) {
  const path = spec.paths[i % spec.paths.length]!;
  const t0 = performance.now();
  const res = await fetch(`${spec.url}${path}`, { headers: spec.headers });
  const body = await res.arrayBuffer();
  const done: ReportDone = { path, status: res.status, ms: performance.now() - t0, at: Date.now(), bytes: body.byteLength };
  console.log(JSON.stringify(done));
}
