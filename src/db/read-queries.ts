import type { Db } from "./client";
import { summaryReport } from "./queries/summary";

/**
 * The read queries that may run off the event loop. Each takes the database first; the rest
 * of its arguments and its result must survive structured cloning (plain data only).
 */
export const readQueries = {
  summary: summaryReport,
} satisfies Record<string, (db: Db, ...args: never[]) => unknown>;

export type ReadQueries = typeof readQueries;
export type ReadName = keyof ReadQueries;
type Rest<F> = F extends (db: Db, ...args: infer A) => unknown ? A : never;
export type ReadArgs<K extends ReadName> = Rest<ReadQueries[K]>;
export type ReadResult<K extends ReadName> = ReturnType<ReadQueries[K]>;
