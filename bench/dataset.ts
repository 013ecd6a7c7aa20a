/**
 * The benchmark's database: `demo --responses N` generated once into a folder under the
 * system's temporary directory and reused by later runs (delete the folder to regenerate).
 * The generation time is kept beside it, so every run can report it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

export type Dataset = { dataDir: string; responses: number; generationSeconds: number; cached: boolean };

export function benchDataset(responses: number): Dataset {
  const dataDir = join(tmpdir(), `rate-our-service-bench-${responses}`);
  const marker = join(dataDir, "demo.json");
  if (existsSync(marker)) {
    const { generationSeconds } = JSON.parse(readFileSync(marker, "utf8")) as { generationSeconds: number };
    return { dataDir, responses, generationSeconds, cached: true };
  }
  // A half-made folder from an interrupted run is started again from nothing.
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  console.error(`Generating demo data with ${responses} responses into ${dataDir} (once; later runs reuse it)…`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "demo", "--responses", String(responses)], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, SQLITE_SYNCHRONOUS: "NORMAL" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error(`demo generation failed with exit code ${run.status}`);
  const generationSeconds = (performance.now() - started) / 1000;
  writeFileSync(marker, JSON.stringify({ responses, generationSeconds, generatedAt: new Date().toISOString() }));
  return { dataDir, responses, generationSeconds, cached: false };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1_000_000);
  console.log(benchDataset(n));
}
