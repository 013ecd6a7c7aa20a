import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fixedClock } from "../../src/clock";
import { runCli } from "../../src/cli/run";

/** A temporary DATA_DIR per test, and runCli with its output collected. */
export function cliSandbox(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "ros-cli-"));
  const clock = fixedClock("2026-03-02T09:00:00Z");
  const run = async (...argv: string[]) => {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      env: { DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      clock,
    });
    return { code, stdout, stderr, lines: stdout.split("\n").filter((l) => l !== "") };
  };
  return { dataDir, clock, run, dbFile: join(dataDir, "survey.db"), cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}
