import { mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureDashboardBuilt, launchChromium } from "../browser";
import { projectPath } from "../../src/paths";
import { createTestApp } from "../helpers";
import { addLowScore, PASSWORD, seedDashboard, seedDelivery } from "./seed";

const SHOTS = projectPath("screenshots");

let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await ensureDashboardBuilt();
  const t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 3, days: 200 });
  // The seed's Contact Centre scores well: give its manager low scores to follow up.
  await addLowScore(t.ctx, "CONTACT", "CRM-1001");
  await addLowScore(t.ctx, "CONTACT", "CRM-1002", "I was promised a call back and never got one");
  await seedDelivery(t.ctx);
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function signIn(page: Page, email: string) {
  await page.goto(`${base}/dashboard/`);
  await expect.poll(() => page.url()).toContain("/dashboard/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
}

/** Canvases on the page that have at least one painted pixel. */
async function drawnCharts(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelectorAll("canvas").length > 0);
  return page.$$eval(
    "canvas",
    (canvases) =>
      canvases.filter((c) => {
        const ctx = c.getContext("2d");
        if (!ctx || c.width === 0 || c.height === 0) return false;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
        return false;
      }).length,
  );
}

async function shoot(page: Page, name: string) {
  for (const [label, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.waitForTimeout(150);
    // Whole page, but at most 2,400 px tall: long lists (comments, settings) only need their top.
    const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: `${SHOTS}/dashboard-${name}-${label}.png`, fullPage: true, clip: { x: 0, y: 0, width, height } });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("dashboard in Chromium", () => {
  test("a director signs in, visits every page, filters, exports and signs out", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));

    await page.goto(`${base}/dashboard/login`);
    await shoot(page, "login");
    await signIn(page, "admin@council.example");

    // Overview: five measure cards (the follow-up cards follow). The last complete month is one
    // figure a card; over six months each card draws its sparkline.
    await page.locator(".card[data-measure]").first().waitFor();
    expect(await page.locator(".card[data-measure]").count()).toBe(5);
    await page.getByLabel("From", { exact: true }).fill("2025-09-01");
    await expect.poll(() => drawnCharts(page)).toBe(5);
    await shoot(page, "overview");
    await page.goto(`${base}/dashboard/`);
    await page.locator(".card[data-measure]").first().waitFor();

    // A filter goes into the URL and changes the figures.
    const before = await page.getByTestId("value-csat").textContent();
    await page.getByLabel("Team").selectOption("WASTE");
    await expect.poll(() => page.url()).toContain("team=WASTE");
    await expect.poll(() => page.getByTestId("value-csat").textContent()).not.toBe(before);
    // The URL alone reproduces the view (bookmarkable).
    const filtered = await page.getByTestId("value-csat").textContent();
    await page.reload();
    await expect.poll(() => page.getByTestId("value-csat").textContent()).toBe(filtered);
    await page.getByLabel("Team").selectOption("");

    const pages = [
      { link: "Trends", charts: 5 },
      { link: "Teams", charts: 1 },
      { link: "Comments", charts: 0 },
      { link: "Follow-up", charts: 0 },
      { link: "Themes", charts: 1 },
      { link: "Quarterly report", charts: 2 },
      { link: "Settings", charts: 0 },
    ];
    for (const p of pages) {
      await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: p.link }).click();
      await page.getByRole("heading", { level: 1, name: p.link }).waitFor();
      await page.locator("[aria-busy=false]").first().waitFor();
      if (p.charts > 0) await expect.poll(() => drawnCharts(page), { message: p.link }).toBeGreaterThanOrEqual(p.charts);
      else await page.locator("table, .comment").first().waitFor();
      await shoot(page, p.link.toLowerCase().replace(/ /g, "-"));
    }

    // Teams: sort by CSAT and drill down to staff.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Teams" }).click();
    await page.getByRole("button", { name: /^CSAT/ }).first().click();
    await expect.poll(() => page.url()).toContain("sort=csat");
    await page.getByRole("button", { name: /^Contact Centre/ }).click();
    await page.getByRole("rowheader", { name: "Alice Adams" }).waitFor();

    // Comments: search, and the CSV export of the filtered responses.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Comments" }).click();
    await page.getByLabel("Team").selectOption("WASTE");
    await page.getByLabel("Search the comments").fill("hold");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.url()).toContain("q=hold");
    await page.locator(".comment").first().waitFor();
    const texts = await page.locator(".comment blockquote").allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes("hold"))).toBe(true);
    await expect(page.locator(".tag .matched").first().textContent()).resolves.toMatch(/matched: /);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download the filtered responses/ }).click()]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(csv[0]).toMatch(/^response_id,date,channel,department,team,/);
    expect(csv.length).toBeGreaterThan(10);
    expect(csv.slice(1).every((l) => l.includes(",Waste Services,"))).toBe(true);

    expect(errors).toEqual([]);

    // Sign out ends the session.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.url()).toContain("/dashboard/login");
    const me = await page.evaluate(async () => (await fetch("/dashboard/api/me")).status);
    expect(me).toBe(401);
    await context.close();
  }, 180_000);

  test("a manager gets 403 for another team and sees only their own", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, "manager@council.example");
    const status = await page.evaluate(async () => (await fetch("/dashboard/api/overview?team=WASTE")).status);
    expect(status).toBe(403);
    await page.goto(`${base}/dashboard/?team=WASTE`);
    await expect(page.getByRole("alert").first().textContent()).resolves.toContain("own team");
    await page.screenshot({ path: `${SHOTS}/dashboard-manager-403-phone.png`, fullPage: true });
    await page.goto(`${base}/dashboard/teams`);
    await page.getByRole("rowheader", { name: /Contact Centre/ }).waitFor();
    expect(await page.getByRole("rowheader", { name: /Waste Services/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Settings" }).count()).toBe(0);
    await context.close();
  });

  test("an administrator changes settings and copies a signature; a manager follows up a low score", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await signIn(page, "admin@council.example");
    const nav = page.getByRole("navigation", { name: "Dashboard" });
    await nav.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("rowheader", { name: "Contact Centre" }).waitFor();

    // A team with nothing filled in: the server's field errors appear under the inputs.
    await page.getByRole("button", { name: "Add a team" }).click();
    const form = page.getByRole("form", { name: "Add a team" });
    await form.getByRole("button", { name: "Add team" }).click();
    const code = form.getByLabel("Code", { exact: true });
    await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");
    const errorId = (await code.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    await expect(page.locator(`#${errorId}`).textContent()).resolves.toMatch(/\S/);
    await expect(form.getByRole("alert").textContent()).resolves.toContain("correct the fields");
    await shoot(page, "settings-form");

    await code.fill("TENANCY");
    await form.getByLabel("Name", { exact: true }).fill("Tenancy Support");
    await form.getByLabel("Department", { exact: true }).selectOption("CLS");
    await form.getByRole("button", { name: "Add team" }).click();
    await page.getByRole("rowheader", { name: "Tenancy Support" }).waitFor();
    await expect(page.locator("#set-teams .success").textContent()).resolves.toContain("Added TENANCY");

    // Alice's signature: the snippet, copied to the clipboard, links to /r/alice/1.
    await page.getByRole("button", { name: "Signature of Alice Adams" }).click();
    const snippet = page.getByLabel("HTML snippet");
    await expect.poll(() => snippet.inputValue()).toContain("/r/alice/1");
    await page.getByRole("button", { name: "Copy the HTML" }).click();
    await expect.poll(() => page.locator(".signature-panel [role=status]").textContent()).toContain("Copied the HTML snippet");
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain("/r/alice/1");
    expect(clipboard).toBe(await snippet.inputValue());
    await expect(page.getByLabel("Plain-text line").inputValue()).resolves.toContain("/r/alice");
    await page.locator(".signature-panel").scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator(".signature-panel").screenshot({ path: `${SHOTS}/dashboard-settings-signature-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(".signature-panel").screenshot({ path: `${SHOTS}/dashboard-settings-signature-desktop.png` });

    // The new team is in the filter bar's team choices at once.
    await nav.getByRole("link", { name: "Overview" }).click();
    await expect.poll(() => page.getByLabel("Team", { exact: true }).locator("option[value=TENANCY]").count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();

    // The Contact Centre manager sees their own team's follow-up cases (a phone's width) and
    // acknowledges one; test/dashboard/follow-up-browser.test.ts walks a case in full.
    const mctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const mpage = await mctx.newPage();
    mpage.on("pageerror", (e) => errors.push(e.message));
    await signIn(mpage, "manager@council.example");
    await mpage.goto(`${base}/dashboard/follow-up?status=open`);
    const table = mpage.getByRole("table", { name: /Follow-up cases/ });
    await table.locator("tbody tr").first().waitFor();
    const teams = await table.locator("tbody td[data-label=Team]").allTextContents();
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((t) => t.includes("Contact Centre"))).toBe(true);
    const first = table
      .locator("tbody tr")
      .first()
      .getByRole("link", { name: /^Case \d+/ });
    const caseName = (await first.textContent())!.match(/Case \d+/)![0];
    await first.click();
    await mpage.getByRole("heading", { level: 1, name: `Follow-up ${caseName.toLowerCase()}` }).waitFor();
    await mpage.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => mpage.locator("#case-notice").textContent()).toContain("Acknowledged.");
    await shoot(mpage, "follow-up-manager");
    expect(errors).toEqual([]);
    await mctx.close();
  }, 120_000);

  test("an administrator sees email delivery and the suspected automated clicks; a director does not", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));
    await signIn(page, "admin@council.example");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Delivery" }).click();
    await page.getByRole("heading", { level: 1, name: "Delivery" }).waitFor();
    await page.getByTestId("outbox-failed").waitFor();
    await expect(page.getByTestId("outbox-pending").locator(".big").textContent()).resolves.toBe("2");
    await expect(page.getByTestId("outbox-sent").locator(".big").textContent()).resolves.toBe("3");
    await expect(page.getByTestId("outbox-failed").locator(".big").textContent()).resolves.toBe("1");
    // Failed is shown in red, with the masked reason beside it.
    const red = await page
      .getByTestId("outbox-failed")
      .locator(".big")
      .evaluate((el) => getComputedStyle(el).color);
    expect(red).toBe("rgb(153, 27, 27)");
    await page.getByRole("cell", { name: /EENVELOPE 550: Recipient <address> rejected/ }).waitFor();
    // The clicks: one stacked bar chart drawn, its numbers in the table, the sentence about scores.
    await expect.poll(() => drawnCharts(page)).toBe(1);
    await expect(page.getByRole("region", { name: "Suspected automated clicks", exact: true }).textContent()).resolves.toMatch(/never count in any score/);
    const table = page.locator("table", { has: page.locator("caption", { hasText: "Suspected automated clicks per day" }) });
    const last = table.locator("tbody tr").last();
    await expect(last.locator("th, td").allTextContents()).resolves.toEqual(["2026-03-02", "5", "1", "0", "0", "0", "0", "0", "0", "6"]);
    await expect(table.locator("thead").textContent()).resolves.toMatch(/Staff network.*Burst of ratings/);
    expect(await table.locator("tbody tr").count()).toBe(30);
    await expect(page.locator("#main").textContent()).resolves.toContain("9 suspected automated clicks");
    await shoot(page, "delivery");
    expect(errors).toEqual([]);
    await context.close();

    const dctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const dpage = await dctx.newPage();
    await signIn(dpage, "director@council.example");
    expect(await dpage.getByRole("link", { name: "Delivery" }).count()).toBe(0);
    expect(await dpage.evaluate(async () => (await fetch("/dashboard/api/settings/delivery")).status)).toBe(403);
    await dctx.close();
  }, 120_000);
});
