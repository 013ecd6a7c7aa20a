import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { startArgs } from "../scripts/start-command";
import { createApp } from "../src/app";
import { fixedClock } from "../src/clock";
import { testConfig } from "../src/config";
import { openPostgres } from "../src/db/postgres";
import { silentLogger, type Ctx } from "../src/deps";
import { createApiKey } from "../src/services/api-keys";
import { seedOrganisation } from "./helpers";
import { newPostgresDatabase, TEST_DIALECT, TEST_POSTGRES_URL } from "./db/test-database";

/*
 * What an operator sees when PostgreSQL is wrong or goes away: start-up stops with one line
 * naming the problem; a database lost while running makes the affected requests answer 503,
 * and the server recovers by itself when it is back.
 */

/** A TCP relay in front of PostgreSQL that can cut every connection and refuse new ones: a failover, a restart. */
async function relay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve((server!.address() as { port: number }).port));
    });
  const port = await listen(0);
  return {
    port,
    async down() {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    up: () => listen(port),
  };
}

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
});

test.runIf(TEST_DIALECT === "postgres")(
  "PostgreSQL going away: 503 on the requests that need it, then back without a restart",
  async () => {
    const name = await newPostgresDatabase();
    const target = new URL(TEST_POSTGRES_URL);
    const link = await relay({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TEST_POSTGRES_URL);
    url.port = String(link.port);
    url.pathname = `/${name}`;
    const db = openPostgres(url.toString(), { max: 4 });
    closers.push(
      () => db.close(),
      () => link.down(),
    );
    const clock = fixedClock("2026-03-02T09:00:00Z");
    const config = testConfig();
    const ctx: Ctx = { db, clock, config, log: silentLogger };
    await seedOrganisation({ ctx });
    const { key } = await createApiKey(ctx, "outage");
    const app = createApp({ db, clock, config, log: silentLogger });
    const register = (ref: string) =>
      app.request("/api/v1/interactions", {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ channel: "phone", team: "CONTACT", occurredAt: "2026-03-02T08:00:00Z", externalRef: ref }),
      });

    expect((await app.request("/healthz")).status).toBe(200);
    expect((await register("before")).status).toBe(201);

    await link.down();
    const health = await app.request("/healthz");
    expect(health.status).toBe(503);
    const refused = await register("during");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toMatchObject({ error: { code: "unavailable" } });

    await link.up();
    expect((await app.request("/healthz")).status).toBe(200);
    const after = await register("after");
    expect(after.status).toBe(201);
    // The one refused during the outage was not half-written: registering it now creates it.
    expect((await register("during")).status).toBe(201);
  },
  60_000,
);

async function startUp(env: Record<string, string>) {
  const child = spawn(process.execPath, startArgs(), {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: mkdtempSync(join(tmpdir(), "start-")), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, lines: stderr.trim().split("\n") };
}

const secrets = { SESSION_SECRET: "s".repeat(40), TOKEN_PEPPER: "p".repeat(40) };

test.runIf(TEST_DIALECT === "postgres")(
  "a DATABASE_URL nobody answers at stops start-up with one line naming it",
  async () => {
    const { code, lines } = await startUp({ DATABASE_URL: "postgres://postgres:hunter2@127.0.0.1:1/nowhere", ...secrets });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot use DATABASE_URL \(postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere\): .*ECONNREFUSED/);
    // The password is never printed.
    expect(lines[0]).not.toContain("hunter2");
  },
  30_000,
);

test.runIf(TEST_DIALECT === "postgres")(
  "a database that does not exist, and missing shared secrets, are one line each",
  async () => {
    const missing = await startUp({ DATABASE_URL: `${TEST_POSTGRES_URL.replace(/\/[^/]*$/, "")}/no_such_database_here`, ...secrets });
    expect(missing.code).toBe(1);
    expect(missing.lines).toEqual([expect.stringMatching(/no_such_database_here.*does not exist/)]);
    const noSecrets = await startUp({ DATABASE_URL: TEST_POSTGRES_URL });
    expect(noSecrets.code).toBe(1);
    expect(noSecrets.lines.join("\n")).toMatch(/SESSION_SECRET, TOKEN_PEPPER: required with DATABASE_URL/);
  },
  30_000,
);
