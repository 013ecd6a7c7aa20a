import { beforeEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { sessions, users } from "../../src/db/schema";
import { createUser } from "../../src/services/users";
import { attemptLogin } from "../../src/services/auth/login";
import { DELAY_AFTER, nextAttemptAt } from "../../src/services/auth/throttle";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { signIn } from "./session";

let t: TestApp;
const PASSWORD = "a long enough password";

beforeEach(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
  await createUser(t.ctx, { email: "dir@council.example", role: "director", password: PASSWORD });
});

describe("sign-in page", () => {
  test("has labelled Email and Password fields and a Sign in button", async () => {
    const res = await t.app.request("/dashboard/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    expect(html).toMatch(/<input id="email" name="email" type="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);
  });
});

describe("sessions", () => {
  test("a right password sets an HttpOnly, SameSite=Lax cookie whose value is not stored", async () => {
    const { res, cookie } = await signIn(t.app, "DIR@council.example", PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard/");
    const header = res.headers.get("set-cookie")!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);
    const value = cookie.split("=")[1]!;
    expect(Buffer.from(value, "base64url")).toHaveLength(32);
    const stored = await t.db.read.select().from(sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(value);
  });

  test("the cookie is Secure when the public address is https", async () => {
    const s = await createTestApp({ PUBLIC_BASE_URL: "https://feedback.council.example" });
    await seedOrganisation(s);
    await createUser(s.ctx, { email: "dir@council.example", role: "director", password: PASSWORD });
    const { res } = await signIn(s.app, "dir@council.example", PASSWORD);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  test("a session expires after 12 hours", async () => {
    const { cookie } = await signIn(t.app, "dir@council.example", PASSWORD);
    expect((await t.app.request("/dashboard/api/me", { headers: { Cookie: cookie } })).status).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1);
    expect((await t.app.request("/dashboard/api/me", { headers: { Cookie: cookie } })).status).toBe(401);
  });

  test("a sign-in posted from another site is refused", async () => {
    const res = await t.app.request("http://localhost:3000/dashboard/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", Host: "localhost:3000" },
      body: new URLSearchParams({ email: "dir@council.example", password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(403);
  });
});

describe("throttling", () => {
  test.each([
    [0, null],
    [2, null],
    [3, 800],
    [4, 1600],
    [9, 51_200],
    [10, 15 * 60_000],
    [14, 15 * 60_000],
  ])("after %i failures the next attempt waits %s ms", (failures, wait) => {
    const at = nextAttemptAt(failures, 1000);
    expect(at === null ? null : at - 1000).toBe(wait);
  });

  test("failures grow a delay, then lock the account for 15 minutes; a success resets the count", async () => {
    const wrong = () => signIn(t.app, "dir@council.example", "wrong password");
    for (let i = 0; i < 3; i++) expect((await wrong()).res.status).toBe(401);
    // Now a wait is required: even the right password is refused until it passes, with the
    // answer any wrong password gets.
    const waiting = await signIn(t.app, "dir@council.example", PASSWORD);
    expect(waiting.res.status).toBe(401);
    expect(await waiting.res.text()).toContain("The email or password is not right.");
    for (let i = 3; i < 10; i++) {
      t.clock.advance(60_000);
      expect((await wrong()).res.status).toBe(401);
    }
    const [user] = await t.db.read.select().from(users).where(eq(users.email, "dir@council.example"));
    expect(user!.failedLogins).toBe(10);
    expect(user!.lockedUntil! - t.clock.now()).toBe(15 * 60_000);
    t.clock.advance(14 * 60_000);
    const locked = await signIn(t.app, "dir@council.example", PASSWORD);
    expect(locked.res.status).toBe(401);
    expect(locked.res.headers.get("retry-after")).toBeNull();
    t.clock.advance(60_001);
    expect((await signIn(t.app, "dir@council.example", PASSWORD)).res.status).toBe(303);
    expect(await t.db.read.select({ failedLogins: users.failedLogins }).from(users).where(eq(users.email, "dir@council.example"))).toEqual([
      { failedLogins: 0 },
    ]);
  });

  test("attempts made at the same moment are each counted, and those past the delay wait", async () => {
    const attempts = 6;
    const attempt = () => attemptLogin(t.ctx, "dir@council.example", "wrong password");
    const results = await Promise.all(Array.from({ length: attempts }, attempt));
    expect(results.filter((r) => !r.ok && r.reason === "wrong")).toHaveLength(DELAY_AFTER);
    expect(results.filter((r) => !r.ok && r.reason === "wait")).toHaveLength(attempts - DELAY_AFTER);
    const [user] = await t.db.read.select({ failedLogins: users.failedLogins }).from(users).where(eq(users.email, "dir@council.example"));
    expect(user!.failedLogins).toBe(DELAY_AFTER);
  });

  test("an unknown email gets the same answer as a wrong password", async () => {
    const res = (await signIn(t.app, "nobody@council.example", PASSWORD)).res;
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("The email or password is not right.");
  });
});
