import type { Db } from "./database";
import { summaryReport } from "./queries/summary";
import { commentsQuery } from "./queries/dashboard/comments";
import { exportCsvBatch } from "./queries/dashboard/export";
import { overviewQuery } from "./queries/dashboard/overview";
import { quarterlyQuery } from "./queries/dashboard/quarterly";
import { groupTableQuery } from "./queries/dashboard/teams";
import { themesQuery } from "./queries/dashboard/themes";
import { trendsQuery } from "./queries/dashboard/trends";

/**
 * The read queries that may run off the event loop (a reader thread on SQLite, the reports'
 * pool on PostgreSQL). Each takes the query builder first; the rest of its arguments and its
 * result must survive structured cloning (plain data only).
 */
export const readQueries = {
  summary: summaryReport,
  overview: overviewQuery,
  trends: trendsQuery,
  groupTable: groupTableQuery,
  themes: themesQuery,
  comments: commentsQuery,
  quarterly: quarterlyQuery,
  exportCsv: exportCsvBatch,
} satisfies Record<string, (db: Db, ...args: never[]) => Promise<unknown>>;

export type ReadQueries = typeof readQueries;
export type ReadName = keyof ReadQueries;
type Rest<F> = F extends (db: Db, ...args: infer A) => unknown ? A : never;
export type ReadArgs<K extends ReadName> = Rest<ReadQueries[K]>;
export type ReadResult<K extends ReadName> = Awaited<ReturnType<ReadQueries[K]>>;
