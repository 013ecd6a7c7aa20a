import { Worker } from "node:worker_threads";
import type { Ctx, Logger } from "../deps";
import type { Db } from "./database";
import { readQueries, type ReadArgs, type ReadName, type ReadResult } from "./read-queries";

export type ReadPool = {
  run<K extends ReadName>(name: K, ...args: ReadArgs<K>): Promise<ReadResult<K>>;
  close(): Promise<void>;
};

/**
 * Runs the queries in this process on the given query builder: the reports' own pool on
 * PostgreSQL, the reader connection in tests.
 */
export function inProcessReads(db: Db): ReadPool {
  return {
    async run(name, ...args) {
      const fn = readQueries[name] as (db: Db, ...a: unknown[]) => Promise<never>;
      return fn(db, ...args);
    },
    async close() {},
  };
}

export type ReaderOptions = {
  /** Linux nice value for each reader thread (0-19): reports yield the CPU to answers. */
  nice?: number;
  /** Told when the priority could not be lowered (not Linux, or not allowed). */
  log?: Logger;
};

/**
 * Reader threads over the SQLite file, each with a read-only connection (WAL lets them read
 * while the main thread writes). Requests go to the least busy thread.
 */
export function workerReads(file: string, size = 2, options: ReaderOptions = {}): ReadPool {
  type Pending = { resolve: (v: never) => void; reject: (e: Error) => void };
  const workers = Array.from({ length: size }, () => {
    // Under tsx (tests, the CLI) the boot file registers tsx and loads read-worker.ts; in the
    // bundle `npm start` runs, read-worker-boot.mjs is the bundled worker itself.
    // Small young generation: a report thread allocates little, and memory is counted.
    const worker = new Worker(new URL("./read-worker-boot.mjs", import.meta.url), {
      workerData: { file, nice: options.nice ?? 0 },
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    const pending = new Map<number, Pending>();
    worker.on("message", (msg: { id: number; result?: unknown; error?: { name: string; message: string }; niceFailed?: string }) => {
      if (msg.niceFailed !== undefined) return options.log?.info("reader thread keeps normal priority", { reason: msg.niceFailed });
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
      else p.resolve(msg.result as never);
    });
    worker.on("error", (err: Error) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    worker.unref();
    return { worker, pending };
  });
  let nextId = 1;
  return {
    run(name, ...args) {
      const target = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        target.pending.set(id, { resolve: resolve as (v: never) => void, reject: reject as (e: Error) => void });
        target.worker.postMessage({ id, name, args });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** The context's report readers, or the database's own reads when it has none. */
export function readsOf(ctx: Ctx): ReadPool {
  return ctx.reads ?? inProcessReads(ctx.db.read);
}
