import { createHmac, randomBytes } from "node:crypto";

// Random bytes drawn 4 KiB at a time: one call per token showed in profiles.
let pool = Buffer.alloc(0);
let offset = 0;

/** 16 random bytes: the 128 random bits behind each token. */
export function generateNonce(): string {
  if (offset + 16 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const nonce = pool.subarray(offset, offset + 16).toString("base64url");
  pool.fill(0, offset, offset + 16);
  offset += 16;
  return nonce;
}

/**
 * The token is HMAC(pepper, nonce): 256 bits, base64url, 43 characters. Without the pepper
 * (kept outside the database) the nonce tells nothing about the token.
 */
export function tokenFromNonce(nonce: string, pepper: string): string {
  return createHmac("sha256", pepper).update(`survey-token:${nonce}`).digest("base64url");
}

/** Tokens are looked up only by a keyed hash. */
export function hashToken(token: string, pepper: string): string {
  return createHmac("sha256", pepper).update(`survey-token-hash:${token}`).digest("base64url");
}

/** Cheap shape check before touching the database; the page says the same for every bad token. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function surveyLinks(baseUrl: string, token: string) {
  const surveyUrl = `${baseUrl}/s/${token}`;
  return { surveyUrl, ratingUrls: [1, 2, 3, 4, 5].map((n) => `${surveyUrl}?csat=${n}`) };
}
