/**
 * A small deterministic generator of hostile input for the fuzz tests: the same seed gives
 * the same cases, so a failure names a seed and a case number that reproduce it exactly.
 */

import { mulberry32 } from "../../src/services/demo/random";

/** The demo's seeded generator (mulberry32): tiny, fast, good enough to pick cases. */
export const prng = mulberry32;

/** Strings an attacker, a broken client or an unlucky keyboard might send. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(document.cookie)>',
  "</textarea><script>alert(1)</script>",
  "javascript:alert(1)",
  "'; drop table responses; --",
  "' OR '1'='1",
  "1; DELETE FROM interactions WHERE 1=1",
  '" or ""="',
  '=HYPERLINK("https://evil.example","click")',
  "+SUM(1,1)",
  "-1+1",
  "@cmd",
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u0007\u001b[31mred\u001b[0m",
  "\r\nSet-Cookie: pwned=1",
  "line1\nline2\rline3\r\n",
  "\t=1+1",
  "\u202etxt.exe",
  "\ufeffbom",
  "\ud800",
  "\udfff\ud800",
  "e\u0301\u0301\u0301\u0301",
  "😀".repeat(300),
  "ن".repeat(3000),
  "x".repeat(10_000),
  "%00",
  "%FF%FE",
  "../../../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as text
  "${7*7}{{7*7}}<%= 7*7 %>",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "9".repeat(400),
  "0x1F",
  "true",
  "[]",
  "{}",
  "CONTACT",
  "alice",
  "a@b.example",
  "+44 7700 900123",
  "2026-02-30T10:00:00Z",
  "2026-03-01T10:00:00Z",
  "9999-12-31T23:59:59+14:00",
  "0000-01-01T00:00:00Z",
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  1.5,
  3,
  5,
  7,
  8,
  100,
  101,
  -100,
  -101,
  2 ** 31,
  -(2 ** 31),
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
];

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export class Gen {
  private readonly r: () => number;
  constructor(readonly seed: number) {
    this.r = prng(seed);
  }
  float(): number {
    return this.r();
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  hostileString(): string {
    if (this.chance(0.08)) return this.randomUnicode(1 + this.int(5000));
    return this.pick(HOSTILE_STRINGS);
  }
  /** Code points from every plane, including unpaired surrogates and controls. */
  randomUnicode(length: number): string {
    let s = "";
    for (let i = 0; i < length; i++) {
      const range = this.int(5);
      const cp =
        range === 0
          ? this.int(0x20)
          : range === 1
            ? 0x20 + this.int(0x60)
            : range === 2
              ? 0xd800 + this.int(0x800)
              : range === 3
                ? this.int(0xffff)
                : 0x10000 + this.int(0xfffff);
      s += cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    return s;
  }
  /** Any JSON value, hostile where it can be; depth-bounded. */
  value(depth = 0): Json {
    const kind = this.int(depth > 2 ? 5 : 8);
    switch (kind) {
      case 0:
      case 1:
        return this.hostileString();
      case 2:
        return this.pick(HOSTILE_NUMBERS);
      case 3:
        return this.chance(0.5);
      case 4:
        return null;
      case 5:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 6:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.hostileString().slice(0, 40), this.value(depth + 1)]));
      default:
        return [this.value(depth + 1)];
    }
  }
  /**
   * A near-valid body: the template with one to three fields replaced, removed, added or
   * nested wrongly, so validation is reached and probed field by field.
   */
  mutate(template: { [k: string]: Json }): Json {
    const out: { [k: string]: Json } = structuredClone(template);
    const keys = Object.keys(out);
    const edits = 1 + this.int(3);
    for (let i = 0; i < edits; i++) {
      const key = keys.length > 0 ? this.pick(keys) : "x";
      switch (this.int(7)) {
        case 0:
          delete out[key];
          break;
        case 1:
          out[this.pick(["__proto__", "constructor", "id", "createdAt", "extra", "<b>", "responses"])] = this.value();
          break;
        case 2:
          out[key] = [out[key] ?? null];
          break;
        case 3: {
          const inner = out[key];
          if (inner && typeof inner === "object" && !Array.isArray(inner)) out[key] = this.mutate(inner) as Json;
          else out[key] = this.value();
          break;
        }
        default:
          out[key] = this.value();
      }
    }
    if (this.chance(0.05)) return [out];
    return out;
  }
}

/** "[[[[…]]]]" and {"a":{"a":…}} text, deeper than any parser's recursion should allow. */
export function deeplyNested(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** Bodies that are not valid JSON text, or not valid UTF-8. */
export const BROKEN_BODIES: readonly (string | Uint8Array<ArrayBuffer>)[] = [
  "{",
  "}",
  '{"a":1,}',
  "{'a':1}",
  "[1,2",
  "nul",
  "\u0000",
  '{"a":"\u0000"}',
  "%7B%7D",
  '{"a": 1e999999}',
  '{"__proto__": {"polluted": true}}',
  new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x7d]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  new Uint8Array([0xed, 0xa0, 0x80]),
];

/** Query strings with repeats, bad percent-encoding and odd separators. */
export function hostileQuery(g: Gen, params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([k, v]) => [k, v] as [string, string]);
  const mode = g.int(6);
  if (mode === 0) pairs.push([g.pick(Object.keys(params).concat("x")), g.hostileString()]);
  if (mode === 1 && pairs.length > 0) pairs.push(pairs[g.int(pairs.length)]!);
  if (mode === 2 && pairs.length > 0) pairs[g.int(pairs.length)]![1] = g.hostileString();
  if (mode === 3)
    return (
      pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&") + g.pick(["&%", "&%FF=%FE", "&a=%ZZ", "&&&", "&=", "&%00=%00", "#frag", "&lang=%E0%A4"])
    );
  if (mode === 4 && pairs.length > 0) pairs.splice(g.int(pairs.length), 1);
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${safeEncode(v)}`).join("&");
}

/** encodeURIComponent throws on a lone surrogate; send it as the (invalid UTF-8) bytes a broken client would. */
export function safeEncode(s: string): string {
  return Array.from(s, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return "%ED%A0%80";
    }
  }).join("");
}
