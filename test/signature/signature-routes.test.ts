import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { interactions, responses, suspectedClicks } from "../../src/db/schema";
import { suspectedClicksPerDay } from "../../src/db/queries/suspected-clicks";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { BROWSER_UA, confirmForm, formBody } from "./helpers";

let t: TestApp;
let org: Awaited<ReturnType<typeof seedOrganisation>>;

beforeEach(async () => {
  t = await createTestApp({ TRUST_PROXY: true });
  org = await seedOrganisation(t);
});

const browser = (extra: Record<string, string> = {}) => ({ "User-Agent": BROWSER_UA, "X-Forwarded-For": "203.0.113.7", ...extra });

/** Opens a face link like a person, then presses Confirm. */
async function clickAndConfirm(path: string, opts: { cookie?: string; keepCookie?: boolean; headers?: Record<string, string> } = {}) {
  const headers = browser({ ...(opts.cookie ? { Cookie: opts.cookie } : {}), ...opts.headers });
  const page = await t.app.request(path, { headers });
  expect(page.status).toBe(200);
  const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
  const cookie = opts.keepCookie === false ? "" : (opts.cookie ?? form.cookie);
  const post = await t.app.request(form.action, {
    method: "POST",
    headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}), "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" },
    body: formBody({ _csrf: form.csrf, browser: form.browser }),
  });
  return { post, cookie };
}

const allResponses = () => t.db.read.select().from(responses).orderBy(asc(responses.id));
const allSuspected = () => t.db.read.select().from(suspectedClicks).orderBy(asc(suspectedClicks.id));

describe("GET /r/:staff/:score", () => {
  test("shows the chosen face and a Confirm button, attributed, and records nothing", async () => {
    const res = await t.app.request("/r/alice/4", { headers: browser() });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Confirm your rating");
    expect(html.replace(/[\u2068\u2069]/g, "")).toContain("You chose “Satisfied” for Alice Adams, Contact Centre, Customer and Local Services.");
    expect(html).toMatch(/<form method="post" action="\/r\/alice\/4\?lang=en">/);
    expect(html).toContain('name="_csrf"');
    expect(res.headers.get("set-cookie")).toMatch(/^rate_browser=[A-Za-z0-9_-]{22}; Max-Age=\d+; Path=\/r; HttpOnly; SameSite=Lax/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await allResponses()).toHaveLength(0);
    expect(await t.db.read.select().from(interactions)).toHaveLength(0);
  });

  test("HEAD records nothing but counts a suspected automated click", async () => {
    const res = await t.app.request("/r/alice/5", { method: "HEAD", headers: browser() });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(await allResponses()).toHaveLength(0);
    expect((await allSuspected()).map((r) => r.reason)).toEqual(["head_request"]);
  });

  test.each(["/r/nobody/3", "/r/alice/6", "/r/alice/0", "/r/alice/x", "/r/alice/3.5", "/r/al%20ice/3", "/r/alice/3/extra", "/r/nobody"])(
    "a malformed signature link %s answers 404",
    async (path) => {
      const res = await t.app.request(path, { headers: browser() });
      expect(res.status).toBe(404);
    },
  );

  test("the strip's plain-text link shows all five faces", async () => {
    const res = await t.app.request("/r/alice", { headers: browser() });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const n of [1, 2, 3, 4, 5]) expect(html).toContain(`href="/r/alice/${n}?lang=en"`);
  });

  test("speaks the browser's language", async () => {
    const res = await t.app.request("/r/alice/5", { headers: browser({ "Accept-Language": "cy,en;q=0.5" }) });
    const html = await res.text();
    expect(html).toContain('lang="cy"');
    expect(html).toContain("Cadarnhau");
  });
});

describe("POST /r/:staff/:score", () => {
  test("confirming creates the interaction and the response, then opens the survey page", async () => {
    const { post } = await clickAndConfirm("/r/alice/4");
    expect(post.status).toBe(303);
    expect(post.headers.get("location")).toMatch(/^\/s\/[A-Za-z0-9_-]{43}\?saved=1$/);
    const stored = await allResponses();
    const [r] = stored;
    expect(stored).toHaveLength(1);
    expect(r).toMatchObject({ csat: 4, confirmedVia: "signature", channel: "email", teamId: org.contact.id, staffId: org.alice.id });
    const [i] = await t.db.read.select().from(interactions);
    expect(i).toMatchObject({ source: "signature", channel: "email", teamId: org.contact.id, staffId: org.alice.id });
  });

  test("the same browser again within 24 hours changes its answer; after 24 hours it adds one", async () => {
    const first = await clickAndConfirm("/r/alice/2");
    await clickAndConfirm("/r/alice/5", { cookie: first.cookie });
    expect(await allResponses()).toHaveLength(1);
    expect((await allResponses())[0]!.csat).toBe(5);
    expect(first.post.headers.get("location")).toBeTruthy();

    t.clock.advance(DAY + 1000);
    await clickAndConfirm("/r/alice/3", { cookie: first.cookie });
    expect((await allResponses()).map((r) => r.csat).sort()).toEqual([3, 5]);
  });

  test("a double click on Confirm records one answer", async () => {
    const page = await t.app.request("/r/alice/4", { headers: browser() });
    const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
    const confirm = () =>
      t.app.request(form.action, {
        method: "POST",
        headers: browser({ Cookie: form.cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" }),
        body: formBody({ _csrf: form.csrf, browser: form.browser }),
      });
    const posts = await Promise.all([confirm(), confirm()]);
    expect(posts.map((p) => p.status)).toEqual([303, 303]);
    expect(posts[1]!.headers.get("location")).toBe(posts[0]!.headers.get("location"));
    expect(await allResponses()).toHaveLength(1);
    expect(await t.db.read.select().from(interactions)).toHaveLength(1);
  });

  test("the same browser rating a different staff member adds a response", async () => {
    const first = await clickAndConfirm("/r/alice/4");
    await clickAndConfirm("/r/bob/2", { cookie: first.cookie });
    expect((await allResponses()).map((r) => [r.staffId, r.csat])).toEqual([
      [org.alice.id, 4],
      [org.bob.id, 2],
    ]);
  });

  test("a different browser adds its own response", async () => {
    await clickAndConfirm("/r/alice/4");
    await clickAndConfirm("/r/alice/1", { headers: { "X-Forwarded-For": "198.51.100.9" } });
    expect(await allResponses()).toHaveLength(2);
  });

  test("where cookies are refused, the address and user agent hash keeps one answer per browser", async () => {
    await clickAndConfirm("/r/alice/4", { keepCookie: false });
    await clickAndConfirm("/r/alice/2", { keepCookie: false });
    expect(await allResponses()).toHaveLength(1);
    expect((await allResponses())[0]!.csat).toBe(2);
    // Another user agent at the same address is another browser, but the address has its one
    // answer for the day: it replaces it.
    await clickAndConfirm("/r/alice/5", { keepCookie: false, headers: { "User-Agent": BROWSER_UA.replace("Edg/126", "Edg/125") } });
    expect((await allResponses()).map((r) => r.csat)).toEqual([5]);
  });

  test("a form token from another page, or a post from another site, is refused", async () => {
    const page = await t.app.request("/r/alice/4", { headers: browser() });
    const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      t.app.request("/r/alice/4", {
        method: "POST",
        headers: browser({ "Content-Type": "application/x-www-form-urlencoded", Cookie: form.cookie, ...headers }),
        body: formBody(body),
      });
    expect((await post({ _csrf: "forged", browser: form.browser })).status).toBe(403);
    expect((await post({ browser: form.browser })).status).toBe(403);
    expect((await post({ _csrf: form.csrf, browser: form.browser }, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ _csrf: form.csrf, browser: form.browser }, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    // A token made for another browser id does not fit this browser's cookie.
    const other = await t.app.request("/r/alice/4", { headers: browser() });
    const otherForm = confirmForm(await other.text(), other.headers.get("set-cookie"));
    expect((await post({ _csrf: otherForm.csrf, browser: otherForm.browser })).status).toBe(403);
    expect(await allResponses()).toHaveLength(0);
    expect((await post({ _csrf: form.csrf, browser: form.browser })).status).toBe(303);
    expect(await allResponses()).toHaveLength(1);
  });

  test("a confirmation from an HTTP library or scanner is refused and counted as suspected", async () => {
    const page = await t.app.request("/r/alice/4", { headers: browser() });
    const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
    const res = await t.app.request("/r/alice/4", {
      method: "POST",
      headers: { "User-Agent": "python-requests/2.32.3", "Content-Type": "application/x-www-form-urlencoded", Cookie: form.cookie },
      body: formBody({ _csrf: form.csrf, browser: form.browser }),
    });
    expect(res.status).toBe(403);
    expect(await allResponses()).toHaveLength(0);
    expect(await t.db.read.select().from(suspectedClicks).where(eq(suspectedClicks.reason, "http_library"))).toHaveLength(1);
  });

  test("too many confirmations from one address answer 429 with Retry-After", async () => {
    let last: Response | undefined;
    for (let i = 0; i < 21; i++) {
      const page = await t.app.request("/r/bob/3", { headers: browser() });
      const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
      last = await t.app.request(form.action, {
        method: "POST",
        headers: browser({ "Content-Type": "application/x-www-form-urlencoded", Cookie: form.cookie }),
        body: formBody({ _csrf: form.csrf, browser: form.browser }),
      });
      if (i < 20) expect(last.status).toBe(303);
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    // One address, one answer a day per staff member: each confirmation replaced the one before.
    expect(await allResponses()).toHaveLength(1);
    // Another address is not held up.
    const { post } = await clickAndConfirm("/r/bob/3", { headers: { "X-Forwarded-For": "198.51.100.20" } });
    expect(post.status).toBe(303);
  });
});

describe("suspected automated clicks", () => {
  test("several faces within seconds and scanner agents are counted per day, never scored", async () => {
    for (const n of [1, 2, 3, 4, 5]) await t.app.request(`/r/alice/${n}`, { headers: browser() });
    await t.app.request("/r/alice/5", { headers: { "User-Agent": "Mozilla/5.0 (compatible; BingPreview/1.0b)" } });
    await t.app.request("/r/alice/5", { headers: {} });
    const days = await suspectedClicksPerDay(t.db.read, { from: "2026-03-01", to: "2026-03-31" });
    expect(days).toEqual([{ day: "2026-03-02", count: 6, byReason: { several_faces: 4, mail_scanner: 1, no_user_agent: 1 } }]);
    expect(await allResponses()).toHaveLength(0);
  });

  test("one person opening one face, then another after a pause, is not suspected", async () => {
    await t.app.request("/r/alice/3", { headers: browser() });
    t.clock.advance(30_000);
    await t.app.request("/r/alice/4", { headers: browser() });
    expect(await allSuspected()).toHaveLength(0);
  });
});

describe("face images", () => {
  test.each([1, 2, 3, 4, 5])("/faces/%i.png is a 40 × 40 PNG", async (n) => {
    const res = await t.app.request(`/faces/${n}.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([40, 40]);
  });
  test.each(["/faces/6.png", "/faces/1.svg", "/faces/../1.png"])("%s is not found", async (path) => {
    expect((await t.app.request(path)).status).toBe(404);
  });
});

describe("GET /api/v1/staff/:code/signature", () => {
  test("gives the strip's HTML and a plain-text line", async () => {
    const res = await t.api("GET", "/staff/alice/signature");
    expect(res.status).toBe(200);
    const { html, text } = (await res.json()) as { html: string; text: string };
    expect(html).toContain("How did I do? Rate our service");
    for (const n of [1, 2, 3, 4, 5]) {
      expect(html).toContain(`href="http://localhost:3000/r/alice/${n}"`);
      expect(html).toContain(`src="http://localhost:3000/faces/${n}.png"`);
    }
    expect(html).toContain('alt="Very dissatisfied"');
    expect(html).toContain('alt="Very satisfied"');
    expect(html).not.toMatch(/<style|<svg|class=|@font-face|<script/i);
    expect(text).toBe("How did I do? Rate our service: http://localhost:3000/r/alice");
  });
  test("in another language", async () => {
    const res = await t.api("GET", "/staff/alice/signature?lang=pl");
    const { html } = (await res.json()) as { html: string };
    expect(html).toContain("Jak mi poszło? Oceń naszą obsługę");
  });
  test("unknown staff 404, bad code 400, bad language 400, no key 401", async () => {
    expect((await t.api("GET", "/staff/nobody/signature")).status).toBe(404);
    expect((await t.api("GET", "/staff/bad%20code/signature")).status).toBe(400);
    expect((await t.api("GET", "/staff/alice/signature?lang=xx")).status).toBe(400);
    expect((await t.app.request("/api/v1/staff/alice/signature")).status).toBe(401);
  });
});
