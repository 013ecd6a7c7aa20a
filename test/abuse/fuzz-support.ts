import twilio from "twilio";
import { expect } from "vitest";
import { sql } from "drizzle-orm";
import type { Database, Db, WriteBody } from "../../src/db/client";
import { rows } from "../../src/db/sql";
import type { TestApp } from "../helpers";
import { safeEncode, type Gen } from "./generator";

export const AUTH_TOKEN = "fuzz-twilio-auth-token-0123456789abcdef";
export const BASE = "http://localhost:3000";

/** One request of a fuzz run. */
export type Case = {
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  /** A refusal that writes by design (a suspected click, a failed sign-in counted): named so it is visible. */
  writesWhenRefused?: string;
};

export type Outcome = { case: Case; status: number; changes: number; contentType: string; body: string };

/** Markup from the hostile strings that must never come back unescaped in a page or TwiML. */
const RAW_MARKUP = [/<script>alert/i, /<img src=x onerror/i, /<\/textarea><script>/i];

const changesOf = new WeakMap<Database, { n: number }>();

/** Rows the write's transaction has inserted, updated or deleted so far: the database's own counters. */
async function changesSoFar(db: Database, tx: Db): Promise<number> {
  const query =
    db.dialect === "sqlite"
      ? sql`select total_changes() as n`
      : sql`select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as n from pg_stat_xact_user_tables`;
  return (await rows<{ n: number }>(tx, query))[0]!.n;
}

/**
 * Rows inserted, updated or deleted by the app's writes that committed since the first call
 * (every change goes through Database.write, which this wraps once per database).
 */
export function totalChanges(t: TestApp): number {
  const db = t.db;
  let counted = changesOf.get(db);
  if (!counted) {
    const total = { n: 0 };
    changesOf.set(db, (counted = total));
    const write = db.write.bind(db);
    db.write = <T>(fn: WriteBody<T>) =>
      write(async (tx) => {
        const before = await changesSoFar(db, tx);
        const value = await fn(tx);
        total.n += (await changesSoFar(db, tx)) - before;
        return value;
      });
  }
  return counted.n;
}

/**
 * The API key's first use records its "last used" (at most once a minute, off the request's
 * path): a legitimate write, made here so that it lands now and not inside the window of a
 * refused request being checked.
 */
export async function useApiKeyOnce(t: TestApp): Promise<void> {
  const res = await t.api("GET", "/departments");
  if (res.status !== 200) throw new Error(`GET /departments answered ${res.status}`);
  await t.db.drain();
}

export async function send(t: TestApp, c: Case): Promise<Outcome> {
  const before = totalChanges(t);
  const res = await t.app.request(c.url, { method: c.method, headers: c.headers, body: c.body });
  const body = c.method === "HEAD" ? "" : await res.text();
  return { case: c, status: res.status, changes: totalChanges(t) - before, contentType: res.headers.get("content-type") ?? "", body };
}

/** Everything that must hold for every fuzz answer; returns what went wrong, for one report. */
export function problems(o: Outcome): string[] {
  const out: string[] = [];
  if (o.status >= 500) out.push(`status ${o.status}: ${o.body.slice(0, 200)}`);
  if (o.status >= 400 && o.changes !== 0 && !o.case.writesWhenRefused) out.push(`refused with ${o.status} but ${o.changes} rows changed`);
  if (!/json/.test(o.contentType) && RAW_MARKUP.some((re) => re.test(o.body))) out.push("unescaped markup in the answer");
  if (o.case.url.startsWith("/api/v1/") && o.case.method !== "HEAD" && o.status >= 400 && o.status !== 404) {
    try {
      const parsed = JSON.parse(o.body) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code !== "string" || typeof parsed.error.message !== "string") out.push("API error not in the one error shape");
    } catch {
      out.push(`API error not JSON: ${o.body.slice(0, 100)}`);
    }
  }
  return out;
}

/** Runs the cases in order and fails once, listing every case that broke a rule (at most 20). */
export async function runAll(t: TestApp, cases: Case[], knownBug: (c: Case, o: Outcome) => boolean = () => false) {
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let known = 0;
  const started = performance.now();
  for (const [i, c] of cases.entries()) {
    const o = await send(t, c);
    statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    const found = problems(o);
    if (found.length === 0) continue;
    if (knownBug(c, o)) {
      known++;
      continue;
    }
    failures.push(`#${i} ${c.method} ${c.url.slice(0, 160)} ${JSON.stringify(c.headers ?? {}).slice(0, 200)} body=${describe(c.body)}: ${found.join("; ")}`);
  }
  const ms = Math.round(performance.now() - started);
  expect(failures.slice(0, 20)).toEqual([]);
  return { cases: cases.length, ms, known, statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)) };
}

function describe(body: Case["body"]): string {
  if (body === undefined) return "none";
  if (typeof body === "string") return JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}… (${body.length} chars)` : body);
  return `bytes[${body.length}]`;
}

/** A path segment as a broken or hostile client would send it. */
export function segment(g: Gen, good: readonly string[]): string {
  if (g.chance(0.6)) return g.pick(good);
  const s = g.hostileString().slice(0, 300);
  if (s === "") return g.pick(["%20", "%00", "%2F"]);
  return g.chance(0.2) ? g.pick(["%FF", "%E0%A4", "%C0%AF", "%", "%2e%2e", "..", "%252F"]) : safeEncode(s);
}

/** Signs a Twilio webhook for exactly the URL and form the server will see. */
export function twilioSigned(url: string, body: string, authToken = AUTH_TOKEN): string {
  const params = Object.fromEntries(new URLSearchParams(body));
  return twilio.getExpectedTwilioSignature(authToken, new URL(url, BASE).href, params);
}
