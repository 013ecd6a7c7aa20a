import type { Logger } from "./deps";

/** What shutdown needs of the HTTP server (a node:http Server has all of it). */
export type DrainableServer = {
  close(callback?: (err?: Error) => void): unknown;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
};

/** Something to stop once no request is left: the outbox worker, reader threads, the database. */
export type Closer = { name: string; close(): Promise<void> | void };

export type ShutdownOptions = {
  /** How long requests in flight may take to finish before their connections are cut. */
  timeoutMs: number;
  /** How long each closer may take; one that hangs is abandoned so the process still exits. */
  closerTimeoutMs?: number;
  log: Logger;
  /** How often idle keep-alive connections are closed while draining. */
  idleSweepMs?: number;
  /** What asked for the stop (a signal's name), for the "shutting down" log line. */
  reason?: string;
};

export type ShutdownResult = {
  /** True when every request finished and every closer closed in time. */
  clean: boolean;
  /** Connections still busy at the timeout, cut. */
  forced: boolean;
  /** Closers that threw or did not finish in time. */
  failed: string[];
  ms: number;
};

type Outcome = { ok: true } | { ok: false; reason: unknown };

function within<T>(promise: Promise<T>, ms: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, reason: new Error(`did not finish within ${ms} ms`) }), ms);
    promise
      .then(
        () => resolve({ ok: true }),
        (reason: unknown) => resolve({ ok: false, reason }),
      )
      .finally(() => clearTimeout(timer));
  });
}

/**
 * Stops the server the way a deploy or a container stop needs: the listening socket closes at
 * once (new connections are refused), requests already accepted run to the end and get their
 * answer, and only then do the closers run, in order, so the database closes last.
 *
 * A survey answer is replied to only after its group commit, so "every request finished" also
 * means "every acknowledged write is committed". Keep-alive connections that sit idle between
 * requests would hold server.close() open until their keep-alive timeout; they are swept while
 * draining (a client that sends on one just then sees a reset, never a half-done write).
 */
export async function gracefulShutdown(server: DrainableServer, closers: readonly Closer[], options: ShutdownOptions): Promise<ShutdownResult> {
  const started = Date.now();
  const { log, timeoutMs } = options;
  const closerTimeoutMs = options.closerTimeoutMs ?? 5_000;

  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections?.();
  // Only now: whoever reads this line (an orchestrator, the soak test) may rely on new
  // connections being refused. Logged before close(), a client connecting in between sat in
  // the kernel's accept queue and was reset when the listener closed (CI saw it once).
  log.info("shutting down", { signal: options.reason });
  const sweep = setInterval(() => server.closeIdleConnections?.(), options.idleSweepMs ?? 50);
  const drained = await within(closed, timeoutMs);
  clearInterval(sweep);
  let forced = false;
  if (!drained.ok) {
    forced = true;
    log.error(`requests still running after ${timeoutMs} ms; closing their connections`);
    server.closeAllConnections?.();
    await within(closed, 1_000);
  }

  const failed: string[] = [];
  for (const closer of closers) {
    const outcome = await within(
      Promise.resolve().then(() => closer.close()),
      closerTimeoutMs,
    );
    if (!outcome.ok) {
      failed.push(closer.name);
      log.error(`shutdown: ${closer.name} failed`, outcome.reason);
    }
  }
  const result = { clean: !forced && failed.length === 0, forced, failed, ms: Date.now() - started };
  log.info("stopped", result);
  return result;
}
