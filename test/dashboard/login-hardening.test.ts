import { randomBytes, scryptSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { users } from "../../src/db/schema";
import { DELAY_AFTER, LOCK_AFTER, LOCK_MS } from "../../src/services/auth/throttle";
import { createUser, verifyPassword } from "../../src/services/users";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * Guessing passwords: attempts sent all at once, the cost of each guess, and whether the
 * answers tell an account that exists from one that does not.
 */

const PASSWORD = "a long enough password";
const EMAIL = "dir@council.example";

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp({ TRUST_PROXY: true });
  await seedOrganisation(t);
  await createUser(t.ctx, { email: EMAIL, role: "director", password: PASSWORD });
});

const post = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request("/dashboard/login", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.50", ...headers },
    body: new URLSearchParams({ email, password }).toString(),
  });

const stored = async () => (await t.db.read.select().from(users).where(eq(users.email, EMAIL)))[0]!;

/** The page's words with the echoed email taken out, so two answers can be compared whole. */
const answerOf = async (res: Response, email: string) => ({
  status: res.status,
  retryAfter: res.headers.get("retry-after"),
  body: (await res.text()).replaceAll(email, "EMAIL"),
});

describe("parallel guesses", () => {
  test("twenty guesses at once: only the first few are checked and counted, the account waits, every answer is the same", async () => {
    const guesses = Array.from({ length: 20 }, (_, i) => post(EMAIL, `guess number ${i}`));
    const answers = await Promise.all((await Promise.all(guesses)).map((r) => answerOf(r, EMAIL)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const user = await stored();
    expect(user.failedLogins).toBe(DELAY_AFTER);
    expect(user.lockedUntil).toBeGreaterThan(t.clock.now());
    // Even the right password is refused while the account waits (from another address: this
    // one has used its sign-ins for the minute).
    expect((await post(EMAIL, PASSWORD, { "X-Forwarded-For": "203.0.113.51" })).status).toBe(401);
  }, 120_000);

  test("bursts of guesses each past their wait: one counted per burst, until the account is locked for 15 minutes", async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => post(EMAIL, `first burst ${i}`)));
    expect((await stored()).failedLogins).toBe(DELAY_AFTER);
    for (let failures = DELAY_AFTER + 1; failures <= LOCK_AFTER; failures++) {
      t.clock.set((await stored()).lockedUntil!);
      await Promise.all([post(EMAIL, "burst a"), post(EMAIL, "burst b")]);
      expect((await stored()).failedLogins).toBe(failures);
    }
    expect((await stored()).lockedUntil! - t.clock.now()).toBe(LOCK_MS);
    t.clock.advance(LOCK_MS - 1);
    expect((await post(EMAIL, PASSWORD, { "X-Forwarded-For": "203.0.113.51" })).status).toBe(401);
    t.clock.advance(1);
    expect((await post(EMAIL, PASSWORD, { "X-Forwarded-For": "203.0.113.51" })).status).toBe(303);
    expect((await stored()).failedLogins).toBe(0);
  }, 120_000);
});

describe("password hashing", () => {
  /** A hash in the stored format at an older, lower cost (N = 2^15). */
  const oldHash = (password: string) => {
    const salt = randomBytes(16);
    const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    return `scrypt$32768$8$1$${salt.toString("base64")}$${key.toString("base64")}`;
  };

  test("new passwords are hashed with scrypt N = 2^17, r = 8, p = 1", async () => {
    const { passwordHash } = await stored();
    expect(passwordHash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await verifyPassword("not it", passwordHash)).toBe(false);
  });

  test("a hash made at the older cost still signs in, and is replaced by one at today's cost", async () => {
    const old = oldHash(PASSWORD);
    await t.db.write(async (tx) => {
      await tx.update(users).set({ passwordHash: old }).where(eq(users.email, EMAIL));
    });
    expect((await post(EMAIL, "wrong password")).status).toBe(401);
    expect((await stored()).passwordHash).toBe(old);
    expect((await post(EMAIL, PASSWORD)).status).toBe(303);
    const rehashed = (await stored()).passwordHash;
    expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, rehashed)).toBe(true);
    expect((await post(EMAIL, PASSWORD)).status).toBe(303);
    expect((await stored()).passwordHash).toBe(rehashed);
  });

  test.each([
    ["another scheme", "bcrypt$2b$10$abc"],
    ["a cost beyond what the server allows", "scrypt$16777216$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="],
    ["an N that is not a power of two", "scrypt$30000$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="],
    ["no key", "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$"],
  ])("a stored hash with %s never verifies, and does not throw", async (_, hash) => {
    expect(await verifyPassword(PASSWORD, hash)).toBe(false);
  });
});

describe("account discovery", () => {
  test("a waiting account and an unknown address get the same status and page, in about the same time (both run scrypt)", async () => {
    for (let i = 0; i < DELAY_AFTER; i++) await post(EMAIL, "wrong password");
    const timed = async (email: string) => {
      const start = performance.now();
      const answer = await answerOf(await post(email, "wrong password"), email);
      return { answer, ms: performance.now() - start };
    };
    await timed("warm-up@council.example");
    const waiting = [await timed(EMAIL), await timed(EMAIL), await timed(EMAIL)];
    const unknown = [await timed("nobody@council.example"), await timed("someone@council.example"), await timed("nobody@council.example")];
    for (const a of [...waiting, ...unknown]) expect(a.answer).toEqual(unknown[0]!.answer);
    expect(waiting[0]!.answer.status).toBe(401);
    expect(waiting[0]!.answer.retryAfter).toBeNull();
    expect(waiting[0]!.answer.body).toContain("The email or password is not right.");
    // Without scrypt a refusal takes a few milliseconds; with it, hundreds. The fastest of three
    // each, as the machine may be busy.
    const fastest = (xs: { ms: number }[]) => Math.min(...xs.map((x) => x.ms));
    expect(fastest(waiting) / fastest(unknown)).toBeGreaterThan(0.4);
    expect(fastest(unknown) / fastest(waiting)).toBeGreaterThan(0.4);
    // Waiting attempts are not counted: only checked passwords are.
    expect((await stored()).failedLogins).toBe(DELAY_AFTER);
  }, 60_000);
});

describe("a sign-in posted from elsewhere (login CSRF)", () => {
  test.each([
    ["Origin: null (a sandboxed frame or data: page)", { Origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site", Origin: "http://other.localhost:3000" }],
    ["another site's Origin", { Origin: "https://evil.example" }],
    ["an Origin that only starts like ours", { Origin: "http://localhost:3000.evil.example" }],
    ["an Origin that is not a URL", { Origin: "garbage" }],
  ])("%s is refused with 403 and the sign-in page, before any attempt is counted", async (_, headers) => {
    const res = await post(EMAIL, PASSWORD, headers);
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("set-cookie")).toBeNull();
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/dashboard/login">');
    expect(html).toContain("came from another site");
    expect((await stored()).failedLogins).toBe(0);
  });

  test.each([
    ["no Origin at all (a client that is not a browser)", {}],
    ["the platform's own origin", { Origin: "http://localhost:3000" }],
    ["the origin the request was sent to", { Origin: "http://127.0.0.1:4000", Host: "127.0.0.1:4000" }],
    ["Origin: null from a page the browser says is same-origin", { Origin: "null", "Sec-Fetch-Site": "same-origin" }],
  ])("%s signs in", async (_, headers) => {
    expect((await post(EMAIL, PASSWORD, headers)).status).toBe(303);
  });

  test("the sign-in page asks for its form to carry its real Origin", async () => {
    const html = await (await t.app.request("/dashboard/login")).text();
    expect(html).toContain('<meta name="referrer" content="same-origin"/>');
  });
});
