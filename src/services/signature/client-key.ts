import { createHmac, randomBytes } from "node:crypto";
import { DAY } from "../../clock";

/*
 * Telling one browser from another for the signature strip's duplicate protection, without
 * keeping anything that identifies a person:
 * - a first-party cookie holding a random id; we store only a keyed hash of it;
 * - where cookies are refused, a hash of address and user agent under a random salt that
 *   lives in memory and is replaced every day, so yesterday's hashes cannot be recomputed;
 * - for the one-answer-per-address-and-day rule, a hash of the address alone under that
 *   same daily salt (addressKey).
 */

export const BROWSER_COOKIE = "rate_browser";

export function newBrowserId(): string {
  return randomBytes(16).toString("base64url");
}

export function isBrowserId(v: string | undefined | null): v is string {
  return typeof v === "string" && /^[A-Za-z0-9_-]{22}$/.test(v);
}

export type DailySalt = { at(now: number): string };

/** A random salt per UTC day, held in memory only. */
export function dailySalt(): DailySalt {
  let day = -1;
  let salt = "";
  return {
    at(now: number) {
      const d = Math.floor(now / DAY);
      if (d !== day) {
        day = d;
        salt = randomBytes(32).toString("base64url");
      }
      return salt;
    },
  };
}

/** The duplicate-protection key of a request: its cookie's hash, else the daily address hash. */
export function browserKey(input: { cookieId: string | null; address: string; userAgent: string; pepper: string; salt: string }): string {
  if (input.cookieId) return `c:${createHmac("sha256", input.pepper).update(`browser:${input.cookieId}`).digest("base64url")}`;
  return `a:${createHmac("sha256", input.salt).update(`${input.address}\n${input.userAgent}`).digest("base64url")}`;
}

/** The client address under today's salt: the same for every browser at one address, for one day. */
export function addressHash(salt: string, address: string): string {
  return createHmac("sha256", salt).update(address).digest("base64url");
}

/** The key a confirmation's address is kept under beside its browser's (never the address itself). */
export function addressKey(salt: string, address: string): string {
  return `ip:${addressHash(salt, address)}`;
}
