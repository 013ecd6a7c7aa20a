import { createApp } from "../src/app";
import { fixedClock } from "../src/clock";
import { testConfig, type Config } from "../src/config";
import { openTestDatabase } from "./db/test-database";
import { departments, services, staff, teams } from "../src/db/schema";
import { silentLogger, type Ctx } from "../src/deps";
import { createApiKey } from "../src/services/api-keys";

/**
 * A fresh app over a database of its own (SQLite or PostgreSQL, as the test project says) with
 * the real migrations and a fixed clock.
 */
export async function createTestApp(overrides: Partial<Config> = {}, start = "2026-03-02T09:00:00Z") {
  const db = await openTestDatabase();
  const clock = fixedClock(start);
  const config = testConfig(overrides);
  const ctx: Ctx = { db, clock, config, log: silentLogger };
  const app = createApp({ db, clock, config, log: silentLogger });
  const { key } = await createApiKey(ctx, "test");
  const auth = { Authorization: `Bearer ${key}` };
  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { app, db, clock, config, ctx, apiKey: key, auth, api };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A small organisation: two departments, three teams, two staff, two services. */
export async function seedOrganisation(t: { ctx: Ctx }) {
  const { clock } = t.ctx;
  const now = clock.now();
  return t.ctx.db.write(async (db) => {
    const [cls, env] = await db
      .insert(departments)
      .values([
        { code: "CLS", name: "Customer and Local Services", createdAt: now },
        { code: "ENV", name: "Environment", createdAt: now },
      ])
      .returning();
    const [contact, benefits, waste] = await db
      .insert(teams)
      .values([
        { code: "CONTACT", name: "Contact Centre", departmentId: cls!.id, createdAt: now },
        { code: "BENEFITS", name: "Benefits", departmentId: cls!.id, createdAt: now },
        { code: "WASTE", name: "Waste Services", departmentId: env!.id, createdAt: now },
      ])
      .returning();
    const [alice, bob] = await db
      .insert(staff)
      .values([
        { code: "alice", name: "Alice Adams", email: "alice@council.example", teamId: contact!.id, createdAt: now },
        { code: "bob", name: "Bob Brown", email: "bob@council.example", teamId: waste!.id, createdAt: now },
      ])
      .returning();
    const [tax, bins] = await db
      .insert(services)
      .values([
        { code: "council-tax", name: "Council Tax", createdAt: now },
        { code: "bins", name: "Waste collection", createdAt: now },
      ])
      .returning();
    return { cls: cls!, env: env!, contact: contact!, benefits: benefits!, waste: waste!, alice: alice!, bob: bob!, tax: tax!, bins: bins! };
  });
}
