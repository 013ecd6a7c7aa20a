import { Worker } from "node:worker_threads";
import type { Database } from "../../db/client";
import { activeThemes, themeMatcher } from "../theme-matcher";
import { cachedStoredComment, type StoredComment } from "./comments";

/*
 * Masking, scoring and tagging comments is the costliest part of an import (about 20 us a
 * comment against 1-2 us for the rest of a row), and each comment stands alone, so large files
 * hand them to worker threads in batches while the main thread goes on reading the file and
 * then writing rows. Small files do it in the main thread: a worker takes a while to start.
 */

export type CommentBatch = { id: number; texts: string[]; languages: string[] };
export type CommentResults = { id: number; comments: StoredComment[] };

export type CommentProcessor = {
  add(text: string, language: string): void;
  /** Every comment added, in the order added. */
  finish(): Promise<StoredComment[]>;
  close(): Promise<void>;
};

const BATCH = 1000;

export async function inThreadComments(db: Database): Promise<CommentProcessor> {
  const store = cachedStoredComment(await themeMatcher(db.read, db));
  const results: StoredComment[] = [];
  return {
    add: (text, language) => void results.push(store(text, language)),
    finish: async () => results,
    close: async () => undefined,
  };
}

export async function workerComments(db: Database, workers: number): Promise<CommentProcessor> {
  const themes = await activeThemes(db.read);
  const pool = Array.from({ length: workers }, () => new Worker(new URL("./comment-worker-boot.mjs", import.meta.url), { workerData: { themes } }));
  const batches: Promise<StoredComment[]>[] = [];
  const waiting = new Map<number, { resolve(c: StoredComment[]): void; reject(e: unknown): void }>();
  let failure: unknown;
  for (const worker of pool) {
    worker.on("message", (r: CommentResults) => {
      waiting.get(r.id)?.resolve(r.comments);
      waiting.delete(r.id);
    });
    worker.on("error", (err) => {
      failure = err;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    });
  }
  let texts: string[] = [];
  let languages: string[] = [];
  const flush = () => {
    if (texts.length === 0) return;
    const batch: CommentBatch = { id: batches.length, texts, languages };
    const done = new Promise<StoredComment[]>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.set(batch.id, { resolve, reject });
    });
    // Awaited in finish(); until then a failed worker must not be an unhandled rejection.
    done.catch(() => undefined);
    batches.push(done);
    pool[batch.id % pool.length]!.postMessage(batch);
    texts = [];
    languages = [];
  };
  return {
    add(text, language) {
      texts.push(text);
      languages.push(language);
      if (texts.length === BATCH) flush();
    },
    async finish() {
      flush();
      return (await Promise.all(batches)).flat();
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
