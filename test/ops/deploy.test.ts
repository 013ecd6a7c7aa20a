import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const UNIT = fileURLToPath(new URL("../../deploy/rate-our-service.service", import.meta.url));
const hasSystemdAnalyze = spawnSync("systemd-analyze", ["--version"]).status === 0;
const onSqliteProject = process.env.TEST_DATABASE !== "postgres";

describe("deploy/rate-our-service.service", () => {
  test.skipIf(!hasSystemdAnalyze || !onSqliteProject)("passes systemd-analyze verify without a warning", () => {
    const r = spawnSync("systemd-analyze", ["verify", UNIT], { encoding: "utf8" });
    // Unknown keys and bad values are only warnings (exit 0): any line naming the unit fails.
    const about = `${r.stdout}${r.stderr}`.split("\n").filter((l) => l.includes("rate-our-service"));
    expect(about).toEqual([]);
    expect(r.status).toBe(0);
  });

  test.skipIf(!onSqliteProject)("starts the server exactly as `npm start` does", () => {
    const execStart = /^ExecStart=(.+)$/m.exec(readFileSync(UNIT, "utf8"))?.[1]?.split(/\s+/);
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../../package.json", import.meta.url)), "utf8")) as { scripts: { start: string } };
    const start = pkg.scripts.start
      .trim()
      .split(/\s+/)
      .filter((w) => w !== "exec");
    expect(execStart).toEqual(["/usr/bin/node", ...start.slice(1)]);
  });
});
