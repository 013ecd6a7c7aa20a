/**
 * What the three measured requests cost without HTTP: the work each route does after the
 * request is parsed and before the answer is written, in-process, through the same group
 * commit, on the same kind of database as bench/server.ts makes. Run pinned to one core:
 *   node --import tsx bench/floor.ts '{"batch": 20, "synchronous": "FULL"}'
 * Prints one JSON line of microseconds per request.
 *
 * This gives each ratio target of (b) and (c) a ceiling: a route that did only this work and
 * otherwise cost what the bare route costs would reach 1 / (1 + bare req/s x this time). The
 * batch is the number of connections, the largest group the load can make (the real groups
 * are smaller), so the ceiling is generous.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { openSqlite } from "../src/db/sqlite";
import { silentLogger, type Ctx } from "../src/deps";
import { formToken, isValidFormToken } from "../src/middleware/csrf";
import { formValues, parseSurveyForm } from "../src/routes/survey/form";
import { generateDemo } from "../src/services/demo/generate";
import { recordResponse } from "../src/services/record-response";
import { registerInteraction } from "../src/services/register-interaction";
import { resolveToken } from "../src/services/resolve-token";

export type FloorSpec = { batch: number; synchronous: "FULL" | "NORMAL"; requests?: number };
export type FloorResult = { registerUs: number; openUs: number; answerUs: number };

const spec = JSON.parse(process.argv[2] ?? "{}") as FloorSpec;
const requests = spec.requests ?? 40_000;
const dataDir = mkdtempSync(join(tmpdir(), "ros-bench-floor-"));
try {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const db = openSqlite(join(dataDir, "survey.db"), { synchronous: spec.synchronous });
  await db.migrate();
  const ctx: Ctx = { db, clock: systemClock, config, log: silentLogger };
  await generateDemo(ctx, { responses: 500, seed: 1 });
  const now = systemClock.now();
  // The bodies bench/load.ts sends, as the routes see them after validation.
  const interaction = { channel: "phone", team: "WASTE", service: "waste", occurredAt: Date.parse("2026-01-15T10:30:00Z"), language: "en" } as const;

  /** Microseconds per request for `requests` requests arriving `batch` at a time. */
  const perRequest = async (work: (i: number) => Promise<unknown> | unknown) => {
    const run = async (from: number, to: number) => {
      for (let i = from; i < to; i += spec.batch) await Promise.all(Array.from({ length: Math.min(spec.batch, to - i) }, (_, j) => work(i + j)));
    };
    await run(0, requests / 4); // warm-up: the JIT compiles the hot paths
    const t = performance.now();
    await run(requests / 4, requests);
    return ((performance.now() - t) * 1000) / ((requests * 3) / 4);
  };

  const tokens: string[] = [];
  const registerUs = await perRequest(async () => {
    const created = await registerInteraction(ctx, interaction);
    tokens.push(created.token);
  });
  // Opening the page: the token's lookup and the form token the page carries.
  const csrfs: string[] = [];
  const openUs = await perRequest(async (i) => {
    const s = await resolveToken(ctx, tokens[i]!);
    csrfs[i] = formToken(config.SESSION_SECRET, s.tokenHash, now);
  });
  // Answering: the token, the form token (the one its page carried), the form, the stored answer, committed.
  const answerUs = await perRequest(async (i) => {
    const s = await resolveToken(ctx, tokens[i]!);
    const params = new URLSearchParams({ csat: "4", ces: "6", csi: "4", fcr: "yes", comment: "The adviser was really friendly and helpful", _csrf: csrfs[i]! });
    if (!isValidFormToken(config.SESSION_SECRET, s.tokenHash, params.get("_csrf"), now)) throw new Error("form token refused");
    const parsed = parseSurveyForm(formValues(params));
    if (!parsed.ok) throw new Error("form refused");
    await recordResponse(ctx, { interactionId: s.interaction.id, ...parsed.answers, language: "en", confirmedVia: "form" }, { enforceEditWindow: true });
  });
  await db.close();
  const result: FloorResult = { registerUs, openUs, answerUs };
  console.log(JSON.stringify(result));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
