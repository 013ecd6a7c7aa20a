import { createHmac } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { DAY } from "../clock";
import type { Clock } from "../clock";

export type RateLimitOptions = {
  /** Requests allowed per client per window. */
  limit: number;
  windowMs?: number;
  clock: Clock;
  /** Secret salt for hashing client addresses; the hash also rotates daily. */
  salt: string;
  /** Trust the first X-Forwarded-For address (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** What to answer when the limit is reached; defaults to a plain 429. */
  onLimited?: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
};

type IncomingLike = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * The client's address: the socket's (from @hono/node-server), or, behind a trusted proxy,
 * the last X-Forwarded-For entry: the one our proxy appended. Earlier entries come from the
 * client and can be anything, so using them would let one client pose as many.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as IncomingLike | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

/**
 * Fixed-window rate limit per client, in memory (one process). Addresses are never kept:
 * the key is HMAC(salt + day, address). The whole table is dropped when the window turns,
 * so memory is bounded by the clients seen within one window.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  let windowId = -1;
  let counts = new Map<string, number>();
  return async (c, next) => {
    const now = options.clock.now();
    const current = Math.floor(now / windowMs);
    if (current !== windowId) {
      windowId = current;
      counts = new Map();
    }
    const key = createHmac("sha256", `${options.salt}:${Math.floor(now / DAY)}`)
      .update(clientAddress(c, options.trustProxy ?? false))
      .digest("base64url");
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil(((current + 1) * windowMs - now) / 1000));
      c.header("Retry-After", String(retryAfter));
      if (options.onLimited) return options.onLimited(c, retryAfter);
      return c.text("Too many requests", 429);
    }
    await next();
  };
}
