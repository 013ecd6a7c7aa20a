import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { ReadPool } from "./db/read-pool";

/**
 * The server's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * every app a test builds starts from zero. Labels are route patterns and report names, never
 * a URL: survey tokens are in URLs.
 */
export type Metrics = {
  registry: Registry;
  /** Seconds from a request's arrival to its answer, by method, route pattern and status. */
  requestSeconds: Histogram<"method" | "route" | "status">;
  /** Writes per SQLite group commit: how much one fsync carries under the current load. */
  writeGroupSize: Histogram;
  /** Seconds a report (a ReadPool run) took, by report name, queueing for the reader included. */
  reportSeconds: Histogram<"report">;
};

/** `process` adds prom-client's process metrics (memory, CPU, event-loop delay): the server only. */
export function createMetrics(options: { process?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.process) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestSeconds: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from a request's arrival to its answer, by route pattern",
      labelNames: ["method", "route", "status"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    writeGroupSize: new Histogram({
      name: "sqlite_write_group_size",
      help: "Writes committed together by one SQLite group commit (one fsync)",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
      registers: [registry],
    }),
    reportSeconds: new Histogram({
      name: "report_duration_seconds",
      help: "Time a report took on the report readers, waiting for a free reader included",
      labelNames: ["report"],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}

/** The same readers, each run timed into `report_duration_seconds` (failed runs too). */
export function timedReads(reads: ReadPool, metrics: Metrics): ReadPool {
  return {
    run(name, ...args) {
      const end = metrics.reportSeconds.startTimer({ report: name });
      return reads.run(name, ...args).finally(() => end());
    },
    close: () => reads.close(),
  };
}
