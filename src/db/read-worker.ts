import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Db } from "./database";
import { readQueries, type ReadName } from "./read-queries";
import { connectSqlite, drizzleOver } from "./sqlite";

const { file, nice } = workerData as { file: string; nice: number };

/**
 * Lowers this thread's priority alone. On Linux, setpriority() given a thread id changes that
 * thread only, and /proc/thread-self names this thread's id. A report then takes the CPU only
 * when the main thread does not need it: with the process pinned to one core, answering kept
 * half its throughput under heavy reports at equal priority.
 */
function lowerThisThreadsPriority(value: number): void {
  if (value === 0) return;
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").at(-1));
    setPriority(tid, value);
  } catch (err) {
    parentPort!.postMessage({ niceFailed: (err as Error).message });
  }
}
lowerThisThreadsPriority(nice);

/** A reader thread: its own read-only connection, so a heavy report never blocks answers. */
const db = drizzleOver(connectSqlite(file, { readonly: true }));

parentPort!.on("message", async (msg: { id: number; name: ReadName; args: unknown[] }) => {
  try {
    const fn = readQueries[msg.name] as (db: Db, ...a: unknown[]) => Promise<unknown>;
    parentPort!.postMessage({ id: msg.id, result: await fn(db, ...msg.args) });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: msg.id, error: { name: e.name, message: e.message } });
  }
});
