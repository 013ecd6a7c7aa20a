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
  /**
   * Narrows the key below the address (the API counts per API key and address). Read after
   * the earlier middleware ran, so it may use what they set on the context.
   */
  scope?: (c: Context) => string;
  /**
   * Counts only the answers whose status passes (for example failed sign-ins: 401, 403), so
   * a client doing nothing wrong is never slowed; one over the limit is refused before the
   * handler runs all the same.
   */
  countOnly?: (status: number) => boolean;
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
 * the key is HMAC(salt + day, address and scope). The whole table is dropped when the window turns,
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
    const scope = options.scope ? `\n${options.scope(c)}` : "";
    const key = createHmac("sha256", `${options.salt}:${Math.floor(now / DAY)}`)
      .update(clientAddress(c, options.trustProxy ?? false) + scope)
      .digest("base64url");
    const count = (counts.get(key) ?? 0) + 1;
    if (!options.countOnly) counts.set(key, count);
    if (count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil(((current + 1) * windowMs - now) / 1000));
      c.header("Retry-After", String(retryAfter));
      if (options.onLimited) return options.onLimited(c, retryAfter);
      return c.text("Too many requests", 429);
    }
    await next();
    // The window may have turned while the handler ran; a count for the old one is dropped with it.
    if (options.countOnly?.(c.res.status) && windowId === current) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
}
