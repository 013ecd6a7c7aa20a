/**
 * PostgreSQL for the benchmarks: a server at BENCH_POSTGRES_URL (default the development
 * machine's, postgres://postgres@127.0.0.1:5432/postgres), where each run makes the databases
 * it needs, and the summary's demo database is generated once and reused, like SQLite's.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { ROOT, type Dataset } from "./dataset";

export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The secrets every server on one PostgreSQL shares (start-up refuses without them). */
export const BENCH_SECRETS = {
  SESSION_SECRET: "bench-session-secret-bench-session-secret-00",
  TOKEN_PEPPER: "bench-token-pepper-bench-token-pepper-0000000",
};

export function databaseUrl(name: string): string {
  const u = new URL(BENCH_POSTGRES_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL and a function that drops it. */
export async function scratchPostgres(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ros_bench_${label}_${process.pid}_${Date.now() % 1_000_000}`;
  await admin((c) => c.query(`create database ${name}`));
  return { url: databaseUrl(name), drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}) };
}

/** `demo --responses N` into the database ros_bench_demo_<N>, once; later runs reuse it. */
export async function postgresDataset(responses: number): Promise<Dataset & { url: string }> {
  const name = `ros_bench_demo_${responses}`;
  const url = databaseUrl(name);
  const dataDir = join(tmpdir(), `rate-our-service-bench-pg-${responses}`);
  const marker = join(dataDir, "demo.json");
  const exists = await admin(async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1);
  if (exists && existsSync(marker)) {
    const { generationSeconds } = JSON.parse(readFileSync(marker, "utf8")) as { generationSeconds: number };
    return { dataDir, responses, generationSeconds, cached: true, url };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  console.error(`Generating demo data with ${responses} responses into PostgreSQL ${name} (once; later runs reuse it)…`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "demo", "--responses", String(responses)], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url, ...BENCH_SECRETS },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error(`demo generation on PostgreSQL failed with exit code ${run.status}`);
  const generationSeconds = (performance.now() - started) / 1000;
  await admin((c) => c.query(`vacuum analyze`).catch(() => undefined));
  writeFileSync(marker, JSON.stringify({ responses, generationSeconds, generatedAt: new Date().toISOString() }));
  return { dataDir, responses, generationSeconds, cached: false, url };
}
