import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "./client";
import { readQueries, type ReadName } from "./read-queries";

/** A reader thread: its own read-only connection, so a heavy report never blocks answers. */
const db = openDatabase((workerData as { file: string }).file, { readonly: true });

parentPort!.on("message", (msg: { id: number; name: ReadName; args: unknown[] }) => {
  try {
    const fn = readQueries[msg.name] as (...a: unknown[]) => unknown;
    parentPort!.postMessage({ id: msg.id, result: fn(db, ...msg.args) });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: msg.id, error: { name: e.name, message: e.message } });
  }
});
