import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { ReadPool } from "./db/read-pool";

export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, err?: unknown): void;
};

export const silentLogger: Logger = { info() {}, error() {} };

export function consoleLogger(level: Config["LOG_LEVEL"]): Logger {
  return {
    info(msg, data) {
      if (level === "info" || level === "debug") console.log(JSON.stringify({ level: "info", msg, ...data }));
    },
    error(msg, err) {
      if (level !== "silent") console.error(JSON.stringify({ level: "error", msg, error: String(err instanceof Error ? err.stack : err) }));
    },
  };
}

/** What a service needs from the outside world. Passed in, never imported as a singleton. */
export type Ctx = {
  /** Reads through `db.read`; every change through `db.write(async (tx) => …)`. */
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Reader threads for heavy reports; absent in tests, where reads run in-process. */
  reads?: ReadPool;
};
