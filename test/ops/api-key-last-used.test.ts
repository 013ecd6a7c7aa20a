import { afterEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { createApp } from "../../src/app";
import { testConfig } from "../../src/config";
import { apiKeys } from "../../src/db/schema";
import { silentLogger } from "../../src/deps";
import { cliSandbox, type CliSandbox } from "../cli/run-cli";
import { PASSWORD, seedDashboard } from "../dashboard/seed";
import { signIn } from "../dashboard/session";
import { createTestApp } from "../helpers";

const lastUsed = async (t: Awaited<ReturnType<typeof createTestApp>>) => {
  await t.db.drain();
  return (await t.db.read.select({ at: apiKeys.lastUsedAt }).from(apiKeys))[0]!.at;
};

describe("an API key's last use", () => {
  test("is recorded, at most once a minute per key, and not for a refused request", async () => {
    const t = await createTestApp();
    expect(await lastUsed(t)).toBeNull();
    expect((await t.app.request("/api/v1/departments", { headers: { Authorization: "Bearer ros_wrong" } })).status).toBe(401);
    expect(await lastUsed(t)).toBeNull();

    const start = t.clock.now();
    expect((await t.api("GET", "/departments")).status).toBe(200);
    expect(await lastUsed(t)).toBe(start);
    // Within the minute: no write at all (the row keeps the first time).
    t.clock.advance(59_000);
    for (let i = 0; i < 5; i++) await t.api("GET", "/departments");
    expect(await lastUsed(t)).toBe(start);
    t.clock.advance(2_000);
    await t.api("GET", "/departments");
    expect(await lastUsed(t)).toBe(start + 61_000);
  });

  test("is shown in the dashboard's settings", async () => {
    const t = await createTestApp();
    await seedDashboard(t.ctx, { perDay: 1, days: 1 });
    await t.api("GET", "/departments");
    await t.db.drain();
    const admin = await signIn(t.app, "admin@council.example", PASSWORD);
    const res = await t.app.request("/dashboard/api/settings", { headers: { Cookie: admin.cookie } });
    const body = (await res.json()) as { apiKeys: { name: string; lastUsedAt: number | null }[] };
    expect(body.apiKeys.find((k) => k.name === "test")?.lastUsedAt).toBe(t.clock.now());
  });
});

describe("cli api-key list", () => {
  let sandbox: CliSandbox | undefined;
  afterEach(async () => {
    await sandbox?.cleanup();
    sandbox = undefined;
  });

  test("shows when each key was last used", async () => {
    sandbox = await cliSandbox({ TIMEZONE: "Europe/London" });
    const key = (await sandbox.run("api-key", "create", "--name", "CRM")).lines[0]!;
    await sandbox.run("api-key", "create", "--name", "unused");
    // A server over the same database, used at the sandbox clock's time.
    const db = sandbox.open();
    const app = createApp({ db, clock: sandbox.clock, config: testConfig(), log: silentLogger });
    expect((await app.request("/api/v1/departments", { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    await db.drain();
    expect((await db.read.select().from(apiKeys).where(eq(apiKeys.name, "CRM")))[0]!.lastUsedAt).toBe(sandbox.clock.now());

    const { lines } = await sandbox.run("api-key", "list");
    const row = (name: string) => lines.find((l) => l.includes(name))!;
    // created 2026-03-02 09:00 (UTC, which London keeps in March), last used the same, never revoked
    expect(row("CRM")).toMatch(/2026-03-02 09:00\s+2026-03-02 09:00\s+-\s*$/);
    expect(row("unused")).toMatch(/2026-03-02 09:00\s+-\s+-\s*$/);
  });
});
