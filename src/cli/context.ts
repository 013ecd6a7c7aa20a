import { join } from "node:path";
import { systemClock } from "../clock";
import { loadConfig } from "../config";
import { migrateDatabase, openDatabase } from "../db/client";
import { silentLogger, type Ctx } from "../deps";
import type { CliIo } from "./io";

/**
 * The same configuration and database file as the server (DATA_DIR/survey.db), migrated first,
 * so every command works on a fresh folder and on one an older version left behind.
 */
export function openCliContext(io: CliIo): Ctx & { close(): void } {
  const config = loadConfig(io.env);
  const db = openDatabase(join(config.DATA_DIR, "survey.db"), { synchronous: config.SQLITE_SYNCHRONOUS });
  migrateDatabase(db);
  return { db, config, clock: io.clock ?? systemClock, log: silentLogger, close: () => db.$client.close() };
}

/** Runs fn with an open context and always closes the database. */
export async function withContext<T>(io: CliIo, fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const ctx = openCliContext(io);
  try {
    return await fn(ctx);
  } finally {
    ctx.close();
  }
}
