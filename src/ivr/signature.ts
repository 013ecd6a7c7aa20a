import { createHmac, timingSafeEqual } from "node:crypto";

/** Form parameters of a webhook; a name sent twice keeps every value. */
export type WebhookParams = Record<string, string | string[]>;

/**
 * Twilio's request signature: base64(HMAC-SHA1(auth token, URL + each POST parameter, sorted
 * by name, as name + value)). A repeated name contributes each distinct value in sorted order,
 * as Twilio's own helper does.
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
export function twilioSignature(authToken: string, url: string, params: WebhookParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name]!;
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/** Constant-time; the length is not secret (every SHA-1 signature has the same length). */
function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** "https://host/x" and "https://host:443/x" are the same address; Twilio may sign either. */
function withAndWithoutPort(url: string): string[] {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#:]+)(:\d+)?(.*)$/i.exec(url);
  if (!m) return [url];
  const [, scheme, host, port, rest] = m;
  const defaultPort = scheme!.toLowerCase() === "https://" ? ":443" : ":80";
  const bare = `${scheme}${host}${rest}`;
  if (port === undefined) return [bare, `${scheme}${host}${defaultPort}${rest}`];
  return port === defaultPort ? [url, bare] : [url];
}

/**
 * The addresses Twilio may have signed for this request. Behind a proxy the server sees its
 * own address, not the public one Twilio called, so the public base URL with the request's
 * path and query comes first; the address as received is tried too, for a server reached
 * directly. Trying several costs nothing in safety: each is still an HMAC under the secret.
 */
export function candidateUrls(requestUrl: string, publicBaseUrl: string | undefined): string[] {
  const pathAndQuery = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  const urls = publicBaseUrl ? [publicBaseUrl.replace(/\/$/, "") + pathAndQuery, requestUrl] : [requestUrl];
  return [...new Set(urls.flatMap(withAndWithoutPort))];
}

/**
 * Which candidate URL the signature was made for, or null when none matches. The caller
 * builds the next action URLs from it, so they point where Twilio already reaches us.
 */
export function verifiedUrl(authToken: string, signature: string | undefined, urls: string[], params: WebhookParams): string | null {
  if (!signature) return null;
  return urls.find((url) => sameSignature(signature, twilioSignature(authToken, url, params))) ?? null;
}
