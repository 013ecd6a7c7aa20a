import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { prepareDataDir, startServer } from "../soak/server-process";

const TOKEN = "metrics-token-0123456789";

/** The production server's wiring: the group commit's sizes and the reader thread's runs reach /metrics. */
test.skipIf(process.env.TEST_DATABASE === "postgres")(
  "the running server reports write group sizes, report durations and process metrics",
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "metrics-"));
    const apiKey = await prepareDataDir(dataDir);
    const server = await startServer(dataDir, { METRICS_TOKEN: TOKEN });
    try {
      const auth = { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" };
      const created = await fetch(`${server.base}/api/v1/departments`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ code: "HSG", name: "Housing" }),
      });
      expect(created.status).toBe(201);
      const report = await fetch(`${server.base}/api/v1/reports/summary?groupBy=team&period=month&from=2026-01-01&to=2026-12-31`, { headers: auth });
      expect(report.status).toBe(200);

      const res = await fetch(`${server.base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/^report_duration_seconds_count\{report="summary"\} 1$/m);
      expect(Number(/^sqlite_write_group_size_count (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/reports\/summary",status="200"\} 1$/m);
      expect(server.output()).toMatch(/"msg":"request","method":"GET","route":"\/api\/v1\/reports\/summary","status":200/);
    } finally {
      server.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
    }
  },
  60_000,
);
