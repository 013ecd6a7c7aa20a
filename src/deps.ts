import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { ReadPool } from "./db/read-pool";

export type Logger = {
  info(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, err?: unknown): void;
};

export const silentLogger: Logger = { info() {}, error() {} };

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
