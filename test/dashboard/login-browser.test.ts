import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessions } from "../../src/db/schema";
import { createUser } from "../../src/services/users";
import { launchChromium } from "../browser";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * Login CSRF in a real browser: Chromium signing in through the form works (the page's own
 * referrer policy makes the post carry its Origin, under the site's no-referrer), and a page
 * on another site that posts the same form into it is refused.
 */

const PASSWORD = "a long enough password";

let t: TestApp;
let server: ServerType;
let base: string;
let attacker: Server;
let attackerBase: string;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
  await createUser(t.ctx, { email: "dir@council.example", role: "director", password: PASSWORD });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Another site: the same machine by another name is another origin and another site.
  attacker = createServer((_, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end(`<!doctype html><form id="f" method="post" action="${base}/dashboard/login">
      <input name="email" value="dir@council.example"><input name="password" value="${PASSWORD}"></form>
      <script>document.getElementById("f").submit()</script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", () => resolve()));
  attackerBase = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
});

describe("signing in with Chromium", () => {
  test("the sign-in form works on the platform's own page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const origins: (string | undefined)[] = [];
    page.on("request", (r) => r.method() === "POST" && origins.push(r.headers().origin));
    await page.goto(`${base}/dashboard/login`);
    await page.getByLabel("Email").fill("dir@council.example");
    await page.getByLabel("Password").fill(PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/dashboard/login") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    expect(response.status()).toBe(303);
    expect(origins).toEqual([base]);
    expect((await context.cookies()).map((c) => [c.name, c.path]).sort()).toEqual([
      ["dashboard_session", "/dashboard"],
      ["dashboard_session", "/r"],
    ]);
    await context.close();
  });

  test("a page on another site posting the sign-in form is refused with the sign-in page", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = (await t.db.read.select().from(sessions)).length;
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/dashboard/login")), page.goto(attackerBase)]);
    expect(response.status()).toBe(403);
    await page.getByText("This sign-in came from another site and was refused.").waitFor();
    expect(await page.getByRole("button", { name: "Sign in" }).count()).toBe(1);
    expect(await context.cookies()).toEqual([]);
    expect(await t.db.read.select().from(sessions)).toHaveLength(before);
    await context.close();
  });
});
