import pino, { type DestinationStream } from "pino";
import type { Config } from "./config";
import type { Logger } from "./deps";

/**
 * JSON lines through pino: `{"level":"info","time":"…",…,"msg":"…"}`. The request id is on
 * the access line of each request (and in its X-Request-Id header), not on every line: carrying
 * it through AsyncLocalStorage put a hook on every promise, and on Node 20 that cost a third
 * of the survey routes' throughput. Info lines
 * go to stdout and errors to stderr, as the process always did. Nothing here adds an address
 * or a hostname: callers log only ids, codes and sizes.
 *
 * `destination` replaces both streams (tests collect the lines).
 */
export function jsonLogger(level: Config["LOG_LEVEL"], destination?: DestinationStream): Logger {
  const streams =
    destination ??
    pino.multistream(
      [
        { level: "debug", stream: pino.destination({ dest: 1, sync: true }) },
        { level: "error", stream: pino.destination({ dest: 2, sync: true }) },
      ],
      // Each line goes to the stream of the highest level it reaches, not to both.
      { dedupe: true },
    );
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    streams,
  );
  return {
    // The message leads the line's own fields (`"msg":"listening","port":…`), as tools that
    // wait for a line by a pattern expect; pino would put a separate message last.
    info(msg, data) {
      logger.info({ msg, ...data });
    },
    error(msg, err) {
      logger.error(err === undefined ? { msg } : { msg, err: err instanceof Error ? err : String(err) });
    },
  };
}
