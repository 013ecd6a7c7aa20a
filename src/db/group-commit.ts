import type Database from "better-sqlite3";
import type { Db } from "./client";
import { deferAdditions, writeTransaction } from "./prepared";

type Job = { fn: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Queue = { jobs: Job[]; scheduled: boolean };

const queues = new WeakMap<Database.Database, Queue>();

/**
 * Group commit. Writes that arrive while the event loop is busy are run together in one
 * transaction, each in its own savepoint, and every caller is answered only after that one
 * commit (one fsync) is durable. Under load this turns N commits into one; alone, a write
 * waits for no more than the current turn of the event loop.
 *
 * `fn` must be synchronous (better-sqlite3 is); if it throws, only its own savepoint is
 * rolled back and only its caller sees the error.
 */
export function commitSoon<T>(db: Db, fn: () => T): Promise<T> {
  const sqlite = db.$client;
  let queue = queues.get(sqlite);
  if (!queue) queues.set(sqlite, (queue = { jobs: [], scheduled: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.jobs.push({ fn, resolve: resolve as (v: unknown) => void, reject });
    if (!q.scheduled) {
      q.scheduled = true;
      setImmediate(() => flush(sqlite, q));
    }
  });
}

function flush(sqlite: Database.Database, q: Queue): void {
  q.scheduled = false;
  const jobs = q.jobs.splice(0);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    writeTransaction(sqlite, () =>
      // Report counters of the whole group are summed and written once, before the commit.
      deferAdditions(sqlite, () => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: writeTransaction(sqlite, job.fn) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      }),
    );
  } catch (error) {
    // The commit itself failed (disk full, I/O error): nobody's write is durable.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
