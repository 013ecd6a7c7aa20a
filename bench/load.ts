/**
 * The load generator, run in its own process pinned to the other core:
 *   node --import tsx bench/load.ts '<json LoadSpec>'
 * Prints one JSON line with the autocannon figures.
 */
import autocannon from "autocannon";
import { readFileSync } from "node:fs";

export type LoadSpec = {
  url: string;
  kind: "api-interaction" | "survey-get" | "survey-post";
  apiKey?: string;
  tokensFile?: string;
  /** Where in the token list to start, so a form POST run answers tokens no earlier run used. */
  tokenOffset?: number;
  connections: number;
  duration: number;
};

export type LoadResult = {
  requestsPerSec: number;
  latencyP50: number;
  latencyP99: number;
  total: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  /** When the measured run began and ended (epoch ms), to line it up with other processes. */
  startedAt: number;
  finishedAt: number;
};

const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
const tokens = spec.tokensFile
  ? (JSON.parse(readFileSync(spec.tokensFile, "utf8")) as { token: string; csrf: string }[])
  : [{ token: "x".repeat(43), csrf: "x" }];
let next = spec.tokenOffset ?? 0;
const nextToken = () => tokens[next++ % tokens.length]!;

// People's browsers send a user agent; without one the survey page counts the view as a
// suspected automated click (and writes it), which is not what a page view costs.
const BROWSER = { "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" };

const interactionBody = JSON.stringify({ channel: "phone", team: "WASTE", service: "waste", occurredAt: "2026-01-15T10:30:00Z", language: "en" });

const requests: autocannon.Request[] = {
  "api-interaction": [
    {
      method: "POST" as const,
      path: "/api/v1/interactions",
      headers: { "content-type": "application/json", authorization: `Bearer ${spec.apiKey ?? "none"}` },
      body: interactionBody,
    },
  ],
  "survey-get": [{ method: "GET" as const, headers: BROWSER, setupRequest: (req: autocannon.Request) => ({ ...req, path: `/s/${nextToken().token}?csat=4` }) }],
  "survey-post": [
    {
      method: "POST" as const,
      headers: { ...BROWSER, "content-type": "application/x-www-form-urlencoded" },
      setupRequest: (req: autocannon.Request) => {
        const t = nextToken();
        const body = new URLSearchParams({ csat: "4", ces: "6", csi: "4", fcr: "yes", comment: "The adviser was really friendly and helpful", _csrf: t.csrf });
        return { ...req, path: `/s/${t.token}`, body: body.toString() };
      },
    },
  ],
}[spec.kind];

const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.duration, requests });
const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
const out: LoadResult = {
  requestsPerSec: result.requests.average,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  total: result.requests.total,
  statusCodes,
  errors: result.errors,
  timeouts: result.timeouts,
  startedAt: new Date(result.start).getTime(),
  finishedAt: new Date(result.finish).getTime(),
};
console.log(JSON.stringify(out));
