import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { systemClock } from "../../src/clock";
import { testConfig } from "../../src/config";
import { openDatabase } from "../../src/db/client";
import { silentLogger, type Ctx } from "../../src/deps";
import { createApiKey } from "../../src/services/api-keys";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { startArgs } from "../../scripts/start-command";

/** The real server, `npm start` as production runs it: its own process, a file, real fsyncs. */
export type ServerProcess = {
  port: number;
  base: string;
  /** From spawn to the "listening" line: start-up, migrations and WAL recovery included. */
  startMs: number;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  kill(signal: NodeJS.Signals): void;
};

export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, startArgs(), {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      SMTP_URL: "",
      // The load generator is one address sending thousands of answers a minute.
      RATE_LIMIT_PER_MINUTE: "1000000",
      SQLITE_SYNCHRONOUS: "FULL",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout.on("data", (d: Buffer) => {
      const before = output.length;
      output += d.toString();
      const m = /"msg":"listening".*"port":(\d+)/.exec(output.slice(Math.max(0, before - 200)));
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        resolve({
          port,
          base: `http://127.0.0.1:${port}`,
          startMs: performance.now() - started,
          exited,
          output: () => output,
          kill: (signal) => child.kill(signal),
        });
      }
    });
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening: ${output}`));
    });
  });
}

/**
 * Creates the database with its migrations, the default themes and an API key, as an operator
 * would with the CLI before the first start; returns the key. `dataDir` holds survey.db unless
 * `databaseUrl` names a PostgreSQL database.
 */
export async function prepareDataDir(dataDir: string, databaseUrl?: string): Promise<string> {
  const db = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  try {
    await db.migrate();
    const ctx: Ctx = { db, clock: systemClock, config: testConfig(), log: silentLogger };
    await seedDefaultThemes(ctx);
    return (await createApiKey(ctx, "soak")).key;
  } finally {
    await db.close();
  }
}
