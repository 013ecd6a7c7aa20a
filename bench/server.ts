/**
 * A server for the load benchmarks, run in its own process pinned with taskset (one core, or both for (d)):
 *   app  <dataDir>   the real application over the database in dataDir (a small demo database
 *                    when it is empty), with one reader thread as src/main.ts has, plus an API
 *                    key and a file of fresh survey tokens (with their form tokens) for the
 *                    survey runs; BENCH_SURVEY_TOKENS sets how many (default 80,000)
 *   bare             bare Hono routes that receive the same requests and do nothing else
 *   page <file>      a bare route that sends the app's survey page, headers and body as the
 *                    file ({headers, body}) holds them, and does nothing else
 * Prints one JSON line {port, apiKey?, tokensFile?} when it is listening.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createApp } from "../src/app";
import { systemClock } from "../src/clock";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/client";
import type { ReadPool } from "../src/db/read-pool";
import { openReports } from "../src/db/reports";
import { teams } from "../src/db/schema";
import { silentLogger, type Ctx } from "../src/deps";
import { formToken } from "../src/middleware/csrf";
import { createApiKey } from "../src/services/api-keys";
import { generateDemo } from "../src/services/demo/generate";
import { registerInteractionIn } from "../src/services/register-interaction";
import { hashToken } from "../src/services/tokens";

/** Enough fresh tokens for a warm-up and a 10-second run of form POSTs at several thousand a second. */
export const SURVEY_TOKENS = 80_000;

function bareApp() {
  return new Hono()
    .post("/api/v1/interactions", async (c) => {
      await c.req.text();
      return c.json({ id: 1 }, 201);
    })
    .get("/s/:token", (c) => c.html("<!doctype html><title>Survey</title>"))
    .post("/s/:token", async (c) => {
      await c.req.text();
      return c.redirect(`/s/${c.req.param("token")}/thanks`, 303);
    });
}

function pageApp(file: string) {
  const { headers, body } = JSON.parse(readFileSync(file, "utf8")) as { headers: Record<string, string>; body: string };
  return new Hono().get("/s/:token", () => new Response(body, { headers }));
}

/** The real application on dataDir's SQLite file, or on PostgreSQL when DATABASE_URL is set (as src/main.ts does). */
async function realApp(dataDir: string) {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const db = await openDatabase(config);
  await db.migrate();
  const ctx: Ctx = { db, clock: systemClock, config, log: silentLogger };
  if ((await db.read.select({ id: teams.id }).from(teams).limit(1)).length === 0) await generateDemo(ctx, { responses: 500, seed: 1 });
  const { key } = await createApiKey(ctx, "bench");
  const now = systemClock.now();
  const count = Number(process.env.BENCH_SURVEY_TOKENS ?? SURVEY_TOKENS);
  const tokens: { token: string; csrf: string }[] = [];
  for (let from = 0; from < count; from += 2000) {
    const made = await db.write(async (tx) => {
      const out: { token: string; csrf: string }[] = [];
      for (let i = from; i < Math.min(count, from + 2000); i++) {
        const { token } = await registerInteractionIn(
          tx,
          ctx,
          { channel: "email", team: "WASTE", service: "waste", occurredAt: now - 60_000, language: "en" },
          "api",
        );
        out.push({ token, csrf: formToken(config.SESSION_SECRET, hashToken(token, config.TOKEN_PEPPER), now) });
      }
      return out;
    });
    tokens.push(...made);
  }
  const tokensFile = join(dataDir, "bench-tokens.json");
  writeFileSync(tokensFile, JSON.stringify(tokens));
  // As in production (src/main.ts): reports in a reader thread (SQLite) or a pool of their own (PostgreSQL).
  const reads = openReports(config, db);
  return { app: createApp({ db, clock: systemClock, config, log: silentLogger, reads }), apiKey: key, tokensFile, reads };
}

const [mode, dataDir] = process.argv.slice(2);
const built: { app: { fetch: (req: Request) => Response | Promise<Response> }; apiKey?: string; tokensFile?: string; reads?: ReadPool } =
  mode === "app" && dataDir ? await realApp(dataDir) : mode === "page" && dataDir ? { app: pageApp(dataDir) } : { app: bareApp() };
// Exit normally on SIGTERM, so `node --cpu-prof bench/server.ts …` writes its profile.
process.on("SIGTERM", () => {
  void (built.reads?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
serve({ fetch: built.app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(JSON.stringify({ port: info.port, apiKey: built.apiKey, tokensFile: built.tokensFile }));
});
