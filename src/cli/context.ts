import { systemClock } from "../clock";
import { loadConfig, reportCalendar } from "../config";
import { migrateOrExplain, openDatabase } from "../db/client";
import { silentLogger, type Ctx } from "../deps";
import { line, type CliIo } from "./io";
import { bringRollupUpToDate } from "../services/rollup-basis";

/**
 * The same configuration and database as the server (DATABASE_URL, else DATA_DIR/survey.db),
 * migrated first, so every command works on a fresh database and on one an older version left
 * behind.
 */
export async function openCliContext(io: CliIo): Promise<Ctx & { close(): Promise<void> }> {
  const config = loadConfig(io.env);
  const db = await openDatabase(config, "cli");
  try {
    await migrateOrExplain(db);
    // A command that adds to the report counters (import, demo) must add to counters of the
    // same time zone, financial year and rules; the recount says why it runs.
    await bringRollupUpToDate(db, reportCalendar(config), (reasons) => line(io.stderr, `Recounting the report counters first: ${reasons.join("; ")}.`));
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, config, clock: io.clock ?? systemClock, log: silentLogger, close: () => db.close() };
}

/** Runs fn with an open context and always closes the database. */
export async function withContext<T>(io: CliIo, fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const ctx = await openCliContext(io);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
