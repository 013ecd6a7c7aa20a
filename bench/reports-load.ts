/**
 * The heavy-report generator for (d), run in its own process pinned to the load generator's core:
 *   node --import tsx bench/reports-load.ts '<json ReportsSpec>'
 * Requests the given report URLs one after another, back to back (`concurrency` loops, each with
 * one in flight at a time; one loop unless told), until it is sent SIGTERM, and prints one JSON
 * line per finished report, so the caller can count those that finished inside its measured window.
 */
/** headers: a session cookie for the dashboard's API and a bearer key for /api/v1, sent to both. */
export type ReportsSpec = { url: string; headers: Record<string, string>; paths: string[]; concurrency?: number };
export type ReportDone = { path: string; status: number; ms: number; at: number; bytes: number };

const spec = JSON.parse(process.argv[2] ?? "{}") as ReportsSpec;
let running = true;
process.on("SIGTERM", () => {
  running = false;
  process.exit(0);
});

async function loop(offset: number) {
  for (let i = offset; running; i++) {
    const path = spec.paths[i % spec.paths.length]!;
    const t0 = performance.now();
    const res = await fetch(`${spec.url}${path}`, { headers: spec.headers });
    // Counted as it arrives, not kept: ten year-long CSV exports at once would not fit in memory.
    let bytes = 0;
    for await (const chunk of res.body ?? []) bytes += (chunk as Uint8Array).byteLength;
    const done: ReportDone = { path, status: res.status, ms: performance.now() - t0, at: Date.now(), bytes };
    console.log(JSON.stringify(done));
  }
}

await Promise.all(Array.from({ length: spec.concurrency ?? 1 }, (_, lane) => loop(lane)));
