import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { deliveryRange } from "../../src/db/queries/dashboard/delivery";
import { emailOutbox, interactions, suspectedClicks } from "../../src/db/schema";
import { createTestApp, type TestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

type Who = { cookie: string };
let t: TestApp;
let admin: Who;
let director: Who;
let manager: Who;

const get = (who: Who, query = "") => t.app.request(`/dashboard/api/settings/delivery${query}`, { headers: { Cookie: who.cookie } });

type Day = { day: string; total: number } & Record<string, number>;
type Delivery = {
  from: string;
  to: string;
  outbox: {
    pending: number;
    sent: number;
    failed: number;
    cancelled: number;
    retrying: number;
    recentFailures: { id: number; lastError: string | null; attempts: number; createdAt: number; lastTriedAt: number }[];
  };
  suspectedClicks: { days: Day[]; total: number; byReason: Record<string, number> };
};

beforeAll(async () => {
  // The clock is 09:00 on 2 March in London: "today" is 2026-03-02.
  t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 1, days: 10 });
  admin = await signIn(t.app, "admin@council.example", PASSWORD);
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);

  const now = t.clock.now();
  const ids = (await t.db.read.select({ id: interactions.id }).from(interactions).orderBy(asc(interactions.id))).map((r) => r.id);
  const row = (i: number, status: string, extra: Partial<typeof emailOutbox.$inferInsert> = {}) => ({
    kind: i % 2 ? "reminder" : "invitation",
    interactionId: ids[i]!,
    status,
    dueAt: now,
    createdAt: now - (10 - i) * 60_000,
    ...extra,
  });
  await t.db.write(async (tx) => {
    await tx
      .insert(emailOutbox)
      .values([
        row(0, "pending"),
        row(1, "pending", { attempts: 2, lastError: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:25" }),
        row(2, "sending", { attempts: 1 }),
        ...[3, 4, 5, 6, 7].map((i) => row(i, "sent", { attempts: 1, sentAt: now })),
        row(8, "failed", { attempts: 1, lastError: "EENVELOPE 550: Recipient <address> rejected" }),
        row(9, "failed", { attempts: 6, lastError: "ETIMEDOUT: Greeting never received", dueAt: now + 6 * 3_600_000 }),
        row(0, "cancelled", { lastError: "opted_out" }),
      ]);
  });

  const click = (day: string, reason: string, n: number) => Array.from({ length: n }, () => ({ day, reason, createdAt: now }));
  await t.db.write(async (tx) => {
    await tx.insert(suspectedClicks).values([
      ...click("2026-03-02", "mail_scanner", 4),
      ...click("2026-03-02", "head_request", 2),
      ...click("2026-02-27", "several_faces", 3),
      ...click("2026-02-27", "too_soon_after_sending", 1),
      ...click("2026-02-01", "http_library", 1), // the first day of the default 30
      ...click("2026-01-31", "no_user_agent", 7), // one day before it
    ]);
  });
});

describe("delivery: email outbox and suspected automated clicks", () => {
  test("directors and managers get 403, with or without a range", async () => {
    for (const who of [director, manager]) {
      expect((await get(who)).status).toBe(403);
      expect((await get(who, "?from=2026-02-01&to=2026-02-28")).status).toBe(403);
    }
  });

  test("an administrator sees the outbox counts and the permanent failures, newest first", async () => {
    const res = await get(admin);
    expect(res.status).toBe(200);
    const d = (await res.json()) as Delivery;
    // "sending" is still on its way: it counts as pending.
    expect(d.outbox).toMatchObject({ pending: 3, sent: 5, failed: 2, cancelled: 1, retrying: 1 });
    expect(d.outbox.recentFailures.map((f) => [f.attempts, f.lastError])).toEqual([
      [6, "ETIMEDOUT: Greeting never received"],
      [1, "EENVELOPE 550: Recipient <address> rejected"],
    ]);
    // When it was queued, and when its last try was: hours of retries for the timeout.
    const now = t.clock.now();
    expect(d.outbox.recentFailures.map((f) => [f.createdAt, f.lastTriedAt])).toEqual([
      [now - 60_000, now + 6 * 3_600_000],
      [now - 2 * 60_000, now],
    ]);
  });

  test("by default the last 30 local days, every day present, clicks counted by reason", async () => {
    const d = (await (await get(admin)).json()) as Delivery;
    expect([d.from, d.to]).toEqual(["2026-02-01", "2026-03-02"]);
    expect(d.suspectedClicks.days).toHaveLength(30);
    expect(d.suspectedClicks.days[0]).toMatchObject({ day: "2026-02-01", total: 1, http_library: 1 });
    expect(d.suspectedClicks.days.at(-1)).toMatchObject({ day: "2026-03-02", total: 6, mail_scanner: 4, head_request: 2, several_faces: 0 });
    expect(d.suspectedClicks.days.find((x) => x.day === "2026-02-27")).toMatchObject({ total: 4, several_faces: 3, too_soon_after_sending: 1 });
    expect(d.suspectedClicks.days.find((x) => x.day === "2026-02-15")).toMatchObject({ total: 0, mail_scanner: 0 });
    expect(d.suspectedClicks.total).toBe(11);
    expect(d.suspectedClicks.byReason).toEqual({
      mail_scanner: 4,
      head_request: 2,
      http_library: 1,
      no_user_agent: 0,
      several_faces: 3,
      too_soon_after_sending: 1,
      staff_network: 0,
      burst: 0,
    });
  });

  test("a chosen range; a lone `from` runs to today", async () => {
    const d = (await (await get(admin, "?from=2026-01-31&to=2026-02-01")).json()) as Delivery;
    expect(d.suspectedClicks.days.map((x) => [x.day, x.total])).toEqual([
      ["2026-01-31", 7],
      ["2026-02-01", 1],
    ]);
    expect(d.suspectedClicks.byReason.no_user_agent).toBe(7);
    const lone = (await (await get(admin, "?from=2026-02-27")).json()) as Delivery;
    expect([lone.from, lone.to, lone.suspectedClicks.total]).toEqual(["2026-02-27", "2026-03-02", 10]);
  });

  test("a lone `from` more than a year back stops a year on; a lone `to` starts 29 days before it", () => {
    expect(deliveryRange({ from: "2024-01-01" }, "2026-03-02")).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(deliveryRange({ from: "2026-04-01" }, "2026-03-02")).toEqual({ from: "2026-04-01", to: "2026-04-01" });
    expect(deliveryRange({ to: "2026-03-31" }, "2026-03-02")).toEqual({ from: "2026-03-02", to: "2026-03-31" });
  });

  test("bad ranges are refused with 400 naming the field", async () => {
    for (const [q, path] of [
      ["?from=2026-02-30", "from"],
      ["?from=2026-03-02&to=2026-03-01", "to"],
      ["?from=2024-01-01&to=2026-01-01", "to"],
      ["?days=7", "days"],
    ] as const) {
      const res = await get(admin, q);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.fields.map((f) => f.path)).toContain(path);
    }
  });
});
