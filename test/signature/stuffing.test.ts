import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { DAY, MINUTE } from "../../src/clock";
import { parseEnv, type Config } from "../../src/config";
import { deliveryQuery } from "../../src/db/queries/dashboard/delivery";
import { responses, signatureConfirmations, suspectedClicks } from "../../src/db/schema";
import { BURST_LIMIT, BURST_WINDOW_MS } from "../../src/domain/automation";
import { parseCidrList } from "../../src/domain/networks";
import { createUser } from "../../src/services/users";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { BROWSER_UA, confirmForm, formBody } from "./helpers";

/*
 * Stuffing a staff member's ratings through their signature strip: one client posing as many
 * browsers, many addresses at once, the staff member rating themselves, and staff trying the
 * strip from the office.
 */

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

async function setUp(overrides: Partial<Config> = {}) {
  t = await createTestApp({ TRUST_PROXY: true, ...overrides });
  org = await seedOrganisation(t);
}

beforeEach(() => setUp());

/** A browser string of another version each time: what a script varies to pose as many browsers. */
const userAgent = (i: number) => BROWSER_UA.replace("Chrome/126.0.0.0", `Chrome/${100 + i}.0.${i}.0`);

/** Opens a face link and presses Confirm, from an address, with or without keeping the cookie. */
async function confirm(path: string, opts: { address?: string; userAgent?: string; cookies?: string[]; keepCookie?: boolean; lang?: string } = {}) {
  const headers: Record<string, string> = {
    "User-Agent": opts.userAgent ?? BROWSER_UA,
    "X-Forwarded-For": opts.address ?? "203.0.113.7",
    ...(opts.lang ? { "Accept-Language": opts.lang } : {}),
  };
  const page = await t.app.request(path, { headers });
  const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
  const cookies = [...(opts.keepCookie === false ? [] : [form.cookie]), ...(opts.cookies ?? [])].filter((c) => c !== "");
  return t.app.request(form.action, {
    method: "POST",
    headers: { ...headers, ...(cookies.length ? { Cookie: cookies.join("; ") } : {}), "Content-Type": "application/x-www-form-urlencoded" },
    body: formBody({ _csrf: form.csrf, browser: form.browser }),
  });
}

const counted = () => t.db.read.select({ staffId: responses.staffId, csat: responses.csat }).from(responses).orderBy(asc(responses.id));
const suspected = (reason: string) => t.db.read.select().from(suspectedClicks).where(eq(suspectedClicks.reason, reason));

describe("one answer per staff member, client address and day", () => {
  test("25 cookie-less confirmations with varied browser strings from one address count as one: the last", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await confirm(`/r/alice/${i === 24 ? 2 : 5}`, { userAgent: userAgent(i), keepCookie: false })).status);
      // Spread over the confirmation rate limit's windows: the cap, not the rate limit, holds them.
      t.clock.advance(30_000);
    }
    expect(statuses).toEqual(Array(25).fill(303));
    expect(await counted()).toEqual([{ staffId: org.alice.id, csat: 2 }]);
    // The address is kept only as a keyed hash.
    const keys = (await t.db.read.select({ key: signatureConfirmations.browserKey }).from(signatureConfirmations)).map((r) => r.key);
    for (const key of keys) expect(key).toMatch(/^(a|c|ip):[A-Za-z0-9_-]{43}$/);
    expect(keys.filter((k) => k.startsWith("ip:"))).toHaveLength(1);
  });

  test("another browser (with its own cookie) at the same address replaces the first one's answer; other staff and other addresses are apart", async () => {
    expect((await confirm("/r/alice/5")).status).toBe(303);
    expect((await confirm("/r/alice/1")).status).toBe(303);
    expect((await confirm("/r/bob/4")).status).toBe(303);
    expect((await confirm("/r/alice/3", { address: "198.51.100.9" })).status).toBe(303);
    expect(await counted()).toEqual([
      { staffId: org.alice.id, csat: 1 },
      { staffId: org.bob.id, csat: 4 },
      { staffId: org.alice.id, csat: 3 },
    ]);
  });

  test("the next day the same address may answer again", async () => {
    await confirm("/r/alice/5", { keepCookie: false });
    t.clock.advance(DAY + MINUTE);
    await confirm("/r/alice/4", { keepCookie: false, userAgent: userAgent(1) });
    expect((await counted()).map((r) => r.csat)).toEqual([5, 4]);
  });
});

describe("bursts", () => {
  test(`more than ${BURST_LIMIT} new ratings for one staff member within minutes, each from another address, are kept apart and shown in Delivery`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BURST_LIMIT + 3; i++) {
      statuses.push((await confirm("/r/alice/5", { address: `198.51.100.${10 + i}`, userAgent: userAgent(i) })).status);
      t.clock.advance(20_000);
    }
    expect(statuses).toEqual([...Array(BURST_LIMIT).fill(303), 200, 200, 200]);
    expect(await counted()).toHaveLength(BURST_LIMIT);
    expect(await suspected("burst")).toHaveLength(3);
    // Another staff member is not held up by it.
    expect((await confirm("/r/bob/4", { address: "198.51.100.99" })).status).toBe(303);
    const delivery = await deliveryQuery(t.db.read, { from: "2026-03-02", to: "2026-03-02" });
    expect(delivery.suspectedClicks.byReason.burst).toBe(3);
    expect(delivery.suspectedClicks.days[0]).toMatchObject({ day: "2026-03-02", burst: 3, total: 3 });
  });

  test("the thank-you page of a rating kept apart leads nowhere further", async () => {
    for (let i = 0; i < BURST_LIMIT; i++) await confirm("/r/alice/5", { address: `198.51.100.${10 + i}` });
    const res = await confirm("/r/alice/5", { address: "198.51.100.50", lang: "pl" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Dziękujemy");
    expect(html).not.toContain("/s/");
  });

  test("a steady stream stays apart while it goes on; after a quiet spell ratings count again", async () => {
    for (let i = 0; i < BURST_LIMIT; i++) await confirm("/r/alice/5", { address: `198.51.100.${10 + i}` });
    // One every 90 seconds for longer than the window: the counted ones leave the window, but
    // the ones kept apart keep it full.
    for (let i = 0; i < 12; i++) {
      t.clock.advance(90_000);
      expect((await confirm("/r/alice/5", { address: `198.51.100.${30 + i}` })).status).toBe(200);
    }
    t.clock.advance(BURST_WINDOW_MS + 1);
    expect((await confirm("/r/alice/4", { address: "198.51.100.60" })).status).toBe(303);
    expect(await counted()).toHaveLength(BURST_LIMIT + 1);
  });

  test("changing one's own answer is not a new rating and is never kept apart", async () => {
    for (let i = 0; i < BURST_LIMIT; i++) await confirm("/r/alice/5", { address: `198.51.100.${10 + i}`, keepCookie: false });
    expect((await confirm("/r/alice/1", { address: "198.51.100.10", keepCookie: false })).status).toBe(303);
    expect((await counted()).map((r) => r.csat)).toEqual([1, 5, 5, 5, 5]);
  });
});

describe("staff rating themselves", () => {
  const PASSWORD = "a long enough password";

  /** Alice, signed in to the dashboard: her email is her staff record's. */
  async function signInAsAlice(): Promise<string> {
    await createUser(t.ctx, { email: "Alice@Council.example", role: "director", password: PASSWORD });
    const res = await t.app.request("/dashboard/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "alice@council.example", password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(303);
    const forR = res.headers.getSetCookie().find((c) => /Path=\/r(;|$)/.test(c));
    expect(forR).toBeDefined();
    return forR!.split(";")[0]!;
  }

  test("a browser signed in as the staff member is refused, with a page saying so in its language", async () => {
    const session = await signInAsAlice();
    const page = await t.app.request("/r/alice/5", { headers: { "User-Agent": BROWSER_UA, Cookie: session } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("You cannot rate yourself");
    // Posting a form fetched without the session is refused too.
    const res = await confirm("/r/alice/5", { cookies: [session], lang: "cy" });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('lang="cy"');
    expect(html).toContain("Ni allwch roi sgôr i chi’ch hun");
    expect(await counted()).toEqual([]);
  });

  test("the same browser may rate a colleague; after signing out it may rate anyone", async () => {
    const session = await signInAsAlice();
    expect((await confirm("/r/bob/4", { cookies: [session] })).status).toBe(303);
    // Signing out (from the dashboard, with its copy of the cookie) ends the session behind both copies.
    const me = await t.app.request("/dashboard/api/me", { headers: { Cookie: session } });
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    expect((await t.app.request("/dashboard/api/logout", { method: "POST", headers: { Cookie: session, "X-CSRF-Token": csrfToken } })).status).toBe(200);
    expect((await confirm("/r/alice/5", { cookies: [session], address: "198.51.100.1" })).status).toBe(303);
    expect(await counted()).toEqual([
      { staffId: org.bob.id, csat: 4 },
      { staffId: org.alice.id, csat: 5 },
    ]);
  });
});

describe("STAFF_NETWORKS", () => {
  beforeEach(() => setUp({ STAFF_NETWORKS: parseCidrList("10.0.0.0/8, 2001:db8::/32").blocks }));

  test.each(["10.20.30.40", "2001:db8::5", "::ffff:10.1.2.3"])("a confirmation from %s is kept apart as suspected, never counted", async (address) => {
    const res = await confirm("/r/alice/5", { address });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("not counted");
    expect(await counted()).toEqual([]);
    expect(await suspected("staff_network")).toMatchObject([{ staffId: org.alice.id, score: 5 }]);
    const delivery = await deliveryQuery(t.db.read, { from: "2026-03-02", to: "2026-03-02" });
    expect(delivery.suspectedClicks.byReason.staff_network).toBe(1);
  });

  test("a confirmation from outside them counts", async () => {
    expect((await confirm("/r/alice/5", { address: "11.0.0.1" })).status).toBe(303);
    expect(await counted()).toHaveLength(1);
  });

  test("the variable takes CIDR blocks separated by commas, and names a wrong one", () => {
    expect(parseEnv({ STAFF_NETWORKS: "10.0.0.0/8, 192.168.1.0/24,2001:db8::/32" }).STAFF_NETWORKS).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "192.168.1.0", prefix: 24, family: "ipv4" },
      { address: "2001:db8::", prefix: 32, family: "ipv6" },
    ]);
    expect(parseEnv({}).STAFF_NETWORKS).toEqual([]);
    expect(() => parseEnv({ STAFF_NETWORKS: "10.0.0.0/8, office" })).toThrow(/STAFF_NETWORKS: not CIDR blocks: office/);
    expect(() => parseEnv({ STAFF_NETWORKS: "10.0.0.0/33" })).toThrow(/STAFF_NETWORKS/);
  });
});
