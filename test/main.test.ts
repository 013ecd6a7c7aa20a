import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { startArgs } from "../scripts/start-command";
import { prepareDataDir } from "./soak/server-process";

/** `npm start` as a newcomer runs it (the bundle in build/server): a real process, a real file, real migrations. */
test("the server starts on an SQLite file, answers /healthz, a report and the dashboard, and stops cleanly on SIGTERM", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "start-"));
  // An API key written before start (the CLI's way), for a report the reader thread answers.
  const apiKey = await prepareDataDir(dataDir);
  const child = spawn(process.execPath, startArgs(), {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info", SMTP_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 30_000);
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      const m = /"msg":"listening".*"port":(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  expect(existsSync(join(dataDir, "survey.db"))).toBe(true);
  // Reports run in the bundled reader thread, and the dashboard is found from the bundle.
  const report = await fetch(`http://127.0.0.1:${port}/api/v1/reports/summary?groupBy=team&period=month&from=2026-01-01&to=2026-12-31`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(report.status).toBe(200);
  expect(await report.json()).toMatchObject({ rows: [] });
  const signIn = await fetch(`http://127.0.0.1:${port}/dashboard/login`);
  expect(signIn.status).toBe(200);
  expect(await signIn.text()).toContain("Sign in");
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});

test("a wrong setting stops start-up with a message naming the variable", async () => {
  const child = spawn(process.execPath, startArgs(), {
    env: { ...process.env, PORT: "not-a-port", DATA_DIR: mkdtempSync(join(tmpdir(), "start-")) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(code).toBe(1);
  expect(stderr).toMatch(/PORT/);
});
