import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addressHash, unsubscribeId } from "../../src/services/mail/address";
import { registerInteraction } from "../../src/services/register-interaction";
import { ensureDashboardBuilt, launchChromium } from "../browser";
import { createTestApp, type TestApp } from "../helpers";
import { BROWSER_UA } from "../signature/helpers";
import { addLowScore, PASSWORD, seedDashboard, seedDelivery } from "../dashboard/seed";
import { axeViolations, describeViolations } from "./axe";

/**
 * WCAG 2.2 AA, as far as a rules engine can tell: axe-core on every page the product promises
 * it for (survey, signature, sign-in, the dashboard), in Chromium against the real app.
 * A person still has to check what no engine can (meaningful text, focus order, zoom).
 */
let t: TestApp;
let server: ServerType;
let base = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  await ensureDashboardBuilt();
  // The app is made once the port is known: the signature's Confirm checks the form came from its own origin.
  await new Promise<void>((ready) => {
    server = serve({ fetch: (req) => t.app.fetch(req), hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      ready();
    });
  });
  t = await createTestApp({ PUBLIC_BASE_URL: base }, "2026-03-02T09:00:00Z");
  // Enough data for every dashboard page to draw its charts and tables, and little enough to seed fast.
  await seedDashboard(t.ctx, { perDay: 2, days: 100 });
  await addLowScore(t.ctx, "CONTACT", "CRM-1001");
  await seedDelivery(t.ctx);
  browser = await launchChromium();
  // A person's browser: the signature pages refuse to record a confirmation from a headless one.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, userAgent: BROWSER_UA });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

async function expectNoViolations(where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => v.id),
    describeViolations(where, violations),
  ).toEqual([]);
}

/**
 * WCAG 1.4.10 reflow: at 320 CSS pixels (1280 at 400% zoom) nothing scrolls the page sideways.
 * Wide tables may scroll inside their own region; the page itself may not.
 */
async function expectReflow(where: string) {
  await page.setViewportSize({ width: 320, height: 700 });
  // Charts follow the new width a frame or two later (a ResizeObserver), hence the poll.
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  await expect.poll(width, { message: `${where}: the page is wider than 320 px`, timeout: 3000 }).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A new, unanswered survey link. */
async function surveyLink(language: "en" | "ar" | "cy" = "en") {
  const link = await registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now(), language });
  return `${base}/s/${link.token}`;
}

describe("survey pages", () => {
  test("fresh, in English", async () => {
    await page.goto(await surveyLink());
    await expectNoViolations("survey (en)");
    await expectReflow("survey (en)");
  });

  test("with a face chosen in the email (?csat=4)", async () => {
    await page.goto(`${await surveyLink()}?csat=4`);
    await expectNoViolations("survey ?csat=4");
  });

  test("showing the errors of a refused answer", async () => {
    await page.goto(await surveyLink());
    // What the form cannot send by itself: a face out of range and a comment over the limit.
    await page.evaluate(() => {
      const radio = document.querySelector<HTMLInputElement>("input[name=csat]")!;
      radio.value = "9";
      radio.checked = true;
      const comment = document.querySelector<HTMLTextAreaElement>("textarea[name=comment]")!;
      comment.removeAttribute("maxlength");
      comment.value = "x".repeat(2001);
      const form = radio.form!;
      form.noValidate = true;
      form.submit();
    });
    await page.waitForLoadState("domcontentloaded");
    await page.locator("[aria-invalid=true]").first().waitFor();
    await expectNoViolations("survey with errors");
    await expectReflow("survey with errors");
  });

  test.each(["en", "ar"] as const)("asking to be contacted, with the fields' errors (%s)", async (lang) => {
    await page.goto(await surveyLink(lang));
    await page.locator("#csat-2").check();
    await page.locator("#contact").check();
    await expectNoViolations(`survey, contact fields shown (${lang})`);
    await page.locator("#contactEmail").fill("jo@");
    await page.locator("#contactPhone").fill("12");
    await page.locator("button[type=submit]").click();
    await page.locator("#contactEmail-error").waitFor();
    await expectNoViolations(`survey, contact request refused (${lang})`);
    await expectReflow(`survey, contact request refused (${lang})`);
    // Neither way given: the error belongs to the group of the two.
    await page.locator("#contactEmail").fill("");
    await page.locator("#contactPhone").fill("");
    await page.locator("button[type=submit]").click();
    await page.locator("#contactHow-error").waitFor();
    await expectNoViolations(`survey, contact request with no way to reach (${lang})`);
  });

  test("the thank-you page", async () => {
    await page.goto(`${await surveyLink()}?csat=5`);
    await page.locator("button[type=submit]").click();
    await page.waitForURL(/\/thanks/);
    await expectNoViolations("thank-you page");
    await page.getByRole("link", { name: "Change my answers" }).click();
    await page.locator("#csat-5:checked").waitFor();
    await expectNoViolations("survey, changing saved answers");
  });

  test("the invalid-link page", async () => {
    const res = await page.goto(`${base}/s/not-a-valid-link`);
    expect(res?.status()).toBe(404);
    await expectNoViolations("invalid link (404)");
  });

  test("in Arabic, right to left", async () => {
    await page.goto(await surveyLink("ar"));
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectNoViolations("survey (ar)");
    await expectReflow("survey (ar)");
  });

  test("in Welsh", async () => {
    await page.goto(`${await surveyLink()}?lang=cy`);
    expect(await page.getAttribute("html", "lang")).toBe("cy");
    await expectNoViolations("survey (cy)");
  });
});

describe("signature pages", () => {
  test("the confirm page /r/<staff>/3, and the survey it leads to", async () => {
    await page.goto(`${base}/r/alice/3`);
    await expectNoViolations("signature confirm");
    await page.locator("form[method=post] button[type=submit]").click();
    await page.waitForURL(/\/s\/[^/]+\?saved=1/);
    await expectNoViolations("survey after a signature confirmation (?saved=1)");
  });

  test("the page for a confirmation that cannot be accepted (403)", async () => {
    await page.goto(`${base}/r/alice/2`);
    await page.locator("input[name=_csrf]").evaluate((el) => ((el as HTMLInputElement).value = "stale"));
    await page.locator("form[method=post] button[type=submit]").click();
    await page.waitForLoadState("domcontentloaded");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoViolations("signature form expired (403)");
  });

  test("the choose page /r/<staff>", async () => {
    await page.goto(`${base}/r/alice`);
    await expectNoViolations("signature choose");
  });

  test("the unsubscribe page", async () => {
    const id = unsubscribeId(addressHash("resident@example.org", t.config.TOKEN_PEPPER), t.config.SESSION_SECRET);
    await page.goto(`${base}/unsubscribe/${id}`);
    await expectNoViolations("unsubscribe");
  });
});

describe("dashboard", () => {
  test("the sign-in page, and its error", async () => {
    await page.goto(`${base}/dashboard/login`);
    await expectNoViolations("dashboard sign-in");
    await page.getByLabel("Email").fill("admin@council.example");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    await expectNoViolations("dashboard sign-in, wrong password");
  });

  const pages = ["Overview", "Trends", "Teams", "Comments", "Follow-up", "Themes", "Quarterly report", "Settings", "Delivery"];
  test.each(pages)("%s, at desktop width", async (name) => {
    if (name === "Overview") {
      await page.goto(`${base}/dashboard/login`);
      await page.getByLabel("Email").fill("admin@council.example");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
    } else {
      await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name, exact: true }).click();
    }
    await page.getByRole("heading", { level: 1, name }).waitFor();
    // Loaded: nothing busy, and the page's first table, chart or comment in place.
    await page.locator("[aria-busy=false]").first().waitFor();
    await page.locator("table, canvas, .comment, .follow-up").first().waitFor();
    await expect.poll(() => page.locator("[aria-busy=true]").count()).toBe(0);
    await expectNoViolations(`dashboard ${name}`);
    await expectReflow(`dashboard ${name}`);
  });

  const nav = () => page.getByRole("navigation", { name: "Dashboard" });

  test("Trends with a chart's numbers shown", async () => {
    await nav().getByRole("link", { name: "Trends" }).click();
    await page.getByRole("button", { name: "Show the numbers" }).first().click();
    await page.getByRole("button", { name: "Hide the numbers" }).first().waitFor();
    await expectNoViolations("dashboard Trends, numbers shown");
  });

  test("Teams drilled down to staff", async () => {
    await nav().getByRole("link", { name: "Teams" }).click();
    await page.getByRole("button", { name: /^Contact Centre/ }).click();
    await page.getByRole("rowheader", { name: "Alice Adams" }).waitFor();
    await expectNoViolations("dashboard Teams, drilled down");
    await expectReflow("dashboard Teams, drilled down");
  });

  test("Comments searched", async () => {
    await nav().getByRole("link", { name: "Comments" }).click();
    await page.getByLabel("Search the comments").fill("hold");
    await page.getByRole("button", { name: "Search" }).click();
    await page.locator(".comment .matched").first().waitFor();
    await expectNoViolations("dashboard Comments, searched");
  });

  test("Settings: a form showing the server's field errors, and a signature", async () => {
    await nav().getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Add a team" }).click();
    const form = page.getByRole("form", { name: "Add a team" });
    await form.getByRole("button", { name: "Add team" }).click();
    await form.getByRole("alert").waitFor();
    await expectNoViolations("dashboard Settings, form errors");
    await form.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Signature of Alice Adams" }).click();
    await expect.poll(() => page.getByLabel("HTML snippet").inputValue()).toContain("/r/alice/1");
    await expectNoViolations("dashboard Settings, signature panel");
    await expectReflow("dashboard Settings, signature panel");
  });

  test("Overview at 390 px", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    await page.locator(".card[data-measure]").first().waitFor();
    await expect.poll(() => page.locator("[aria-busy=true]").count()).toBe(0);
    await expectNoViolations("dashboard Overview (390 px)");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test("a manager sent away from another team's figures", async () => {
    const manager = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await manager.newPage();
    await p.goto(`${base}/dashboard/login`);
    await p.getByLabel("Email").fill("manager@council.example");
    await p.getByLabel("Password").fill(PASSWORD);
    await p.getByRole("button", { name: "Sign in" }).click();
    await p.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    await p.goto(`${base}/dashboard/?team=WASTE`);
    await p.getByRole("alert").first().waitFor();
    const violations = await axeViolations(p);
    await manager.close();
    expect(
      violations.map((v) => v.id),
      describeViolations("dashboard, manager refused (403)", violations),
    ).toEqual([]);
  });
});
