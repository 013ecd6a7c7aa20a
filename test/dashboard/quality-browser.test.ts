import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { followUpCases, users } from "../../src/db/schema";
import { projectPath } from "../../src/paths";
import { takeCaseStep } from "../../src/services/follow-ups/take-step";
import { drawQualitySample } from "../../src/services/quality/draw-sample";
import { registerInteraction } from "../../src/services/register-interaction";
import { createStaff } from "../../src/services/reference/staff";
import type { Role } from "../../src/services/users";
import { axeViolations, describeViolations } from "../a11y/axe";
import { ensureDashboardBuilt, launchChromium, screenshotPage, signInToDashboard } from "../browser";
import { createTestApp, type TestApp } from "../helpers";
import { addLowScore, seedDashboard } from "./seed";

/**
 * The Quality page in Chromium: a manager opens February's sample, reviews a contact and sees
 * the month's progress move; an administrator draws an earlier month and edits the checklist.
 */

const SHOTS = projectPath("screenshots");
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await ensureDashboardBuilt();
  t = await createTestApp({}, "2026-02-10T09:00:00Z");
  // Contacts from the middle of January to 9 February: Alice (Contact Centre) and Bob (Waste).
  await seedDashboard(t.ctx, { perDay: 2, days: 25 });
  // Two more of the Contact Centre's staff, with contacts on several channels in February.
  for (const [code, name] of [
    ["chandra", "Chandra Patel"],
    ["dewi", "Dewi Evans"],
  ] as const) {
    await createStaff(t.ctx, { code, name, email: `${code}@council.example`, team: "CONTACT" });
    for (const [i, channel] of (["phone", "email", "web_chat", "phone", "letter"] as const).entries()) {
      await registerInteraction(
        t.ctx,
        { channel, team: "CONTACT", staff: code, service: "council-tax", occurredAt: t.clock.now() + i * DAY, language: "en", externalRef: `CRM-${code}-${i}` },
        "api",
      );
    }
  }
  // A low score in February whose case the manager closed that month.
  const low = await addLowScore(t.ctx, "CONTACT", "CRM-0950", "Nobody told me when the bin would be replaced");
  const [manager] = await t.db.read.select().from(users).where(eq(users.email, "manager@council.example"));
  const [c] = await t.db.read.select({ id: followUpCases.id }).from(followUpCases).where(eq(followUpCases.interactionId, low));
  t.clock.set("2026-02-12T11:00:00Z");
  const actor = { kind: "user" as const, user: { id: manager!.id, email: manager!.email, role: manager!.role as Role, teamId: manager!.teamId } };
  await takeCaseStep(t.ctx, c!.id, "close", "Replacement bin ordered and the customer told the date.", actor);
  t.clock.set("2026-03-02T09:00:00Z");
  await drawQualitySample(t.ctx, "2026-02");
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const signedIn = (email: string, width = 1280) => signInToDashboard(browser, base, { email, width, ignoreConsole: /status of 409/ });

async function expectAccessible(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => v.id),
    describeViolations(where, violations),
  ).toEqual([]);
}

/** Full-page screenshots at desktop and phone widths (at most 2,400 px tall); nothing may scroll sideways on the phone. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await screenshotPage(page, `${SHOTS}/dashboard-${name}-${width === 390 ? "phone" : "desktop"}.png`);
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const progressText = (page: Page) => page.getByRole("region", { name: "Progress" }).locator(".qa-progress > span").first().textContent();

describe("the Quality page in Chromium", () => {
  test("a manager opens February, reviews a contact, and sees the month's progress move", async () => {
    const { context, page, errors } = await signedIn("manager@council.example");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Quality" }).click();
    await page.getByRole("heading", { level: 1, name: "Quality" }).waitFor();
    await expect(page.getByLabel("Month", { exact: true }).inputValue()).resolves.toBe("2026-02");
    // The Contact Centre's sample only: four contacts each of Alice, Chandra and Dewi, and the closed case.
    await expect.poll(() => progressText(page)).toBe("0 of 13 reviewed (0%)");
    const table = page.getByRole("table", { name: /Sampled items/ });
    await table.waitFor();
    expect(new Set(await table.locator("tbody td[data-label=Team]").allTextContents())).toEqual(new Set(["Contact Centre"]));
    const staff = await table.locator("tbody td[data-label=Staff]").allTextContents();
    expect(staff.filter((s) => s === "Chandra Patel")).toHaveLength(4);
    // Spread across channels: Chandra's four are on four different channels.
    const chandra = table.locator("tbody tr", { hasText: "Chandra Patel" }).locator("td[data-label=Channel]");
    expect(new Set(await chandra.allTextContents()).size).toBe(4);
    await expect(table.locator("tbody tr").last().locator("th").textContent()).resolves.toMatch(/Closed case \d+/);
    expect(await page.getByLabel("Draw a past month").count()).toBe(0);
    await expectAccessible(page, "quality month");

    // The first of Chandra's contacts.
    const row = table.locator("tbody tr", { hasText: "Chandra Patel" }).first();
    const link = row.getByRole("link");
    const itemName = (await link.textContent())!;
    const itemId = itemName.replace("Item ", "");
    await link.click();
    await page.getByRole("heading", { level: 1, name: `Quality review ${itemId}` }).waitFor();
    await expect.poll(() => page.url()).toContain(`/dashboard/quality/${itemId}`);
    const contact = page.getByRole("region", { name: "The contact", exact: true });
    await expect(contact.textContent()).resolves.toMatch(/Contact Centre.*Chandra Patel.*Council Tax.*CRM-chandra-\d/);
    await expect(page.getByRole("region", { name: "The customer's answer" }).textContent()).resolves.toContain("The customer did not answer the survey.");

    // Saving without every score: said at the first standard left out, focus taken there.
    const form = page.getByRole("form", { name: "Review" });
    await form.getByRole("group", { name: "Greeting and name given" }).getByLabel("Met", { exact: true }).check();
    await form.getByRole("button", { name: "Save the review" }).click();
    await expect.poll(() => page.locator("#qa-notice .error").textContent()).toBe("Choose a score for every standard: 4 have none.");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toMatch(/^qa-std-\d+$/);
    await expect(form.getByRole("group", { name: "Accurate information" }).textContent()).resolves.toContain("Choose a score.");

    for (const [standard, score] of [
      ["Accurate information", "Met"],
      ["Next steps explained", "Partly"],
      ["Policy followed", "Met"],
      ["Lessons recorded", "Not applicable"],
    ] as const) {
      await form.getByRole("group", { name: standard }).getByLabel(score, { exact: true }).check();
    }
    await form.getByLabel("Comment (optional)").fill("Clear and polite; promised a call back to 07700 900123 without a date.");
    await expectAccessible(page, "quality review form");
    await shoot(page, "quality-review");
    await form.getByRole("button", { name: "Save the review" }).click();
    await expect.poll(() => page.locator("#qa-notice .success").textContent()).toBe("Review saved.");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("qa-notice");
    await expect(page.getByTestId("qa-reviewed").textContent()).resolves.toMatch(/^Reviewed by manager@council\.example on /);
    // The comment as stored: the telephone number masked.
    await expect.poll(() => form.getByLabel("Comment (optional)").inputValue()).not.toContain("07700 900123");
    await expect.poll(() => page.getByRole("link", { name: /^Next to review: item \d+/ }).count()).toBe(1);

    // Back to the month: the progress has moved, and the item says who reviewed it.
    await page.getByRole("link", { name: "The sample of February 2026" }).click();
    await page.getByRole("heading", { level: 1, name: "Quality" }).waitFor();
    await expect.poll(() => progressText(page)).toBe("1 of 13 reviewed (8%)");
    const reviewed = table.locator("tbody tr", { has: page.getByRole("link", { name: itemName, exact: true }) });
    await expect(reviewed.locator("td[data-label=Review]").textContent()).resolves.toMatch(/Reviewed .* by manager@council\.example/);
    // Chandra's score: (met 3 + ½ partly 1) / 4 applicable.
    const scores = page.getByRole("table", { name: "By staff member (contacts)" });
    await expect(scores.locator("tr", { hasText: "Chandra Patel" }).textContent()).resolves.toMatch(/1 of 4.*87\.5%.*n 4/);
    await shoot(page, "quality-month");
    // Only what is left to review.
    await page.getByLabel("Show", { exact: true }).selectOption("to_review");
    await expect.poll(() => page.url()).toContain("status=to_review");
    await expect.poll(() => table.getByRole("link", { name: itemName, exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("at phone width the items are cards, the review form fits, nothing scrolls sideways", async () => {
    const { context, page, errors } = await signedIn("director@council.example", 390);
    await page.goto(`${base}/dashboard/quality?month=2026-02`);
    const row = page.locator("table.qa-items tbody tr").first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    await page.getByRole("region", { name: "Sampled items", exact: true }).screenshot({ path: `${SHOTS}/dashboard-quality-items-phone.png` });
    await page.setViewportSize({ width: 320, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /^Quality review / }).waitFor();
    await page.getByRole("button", { name: "Save the review" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an administrator draws January, sees every team, and adds a standard to the checklist", async () => {
    const { context, page, errors } = await signedIn("admin@council.example");
    await page.goto(`${base}/dashboard/quality`);
    await page.getByLabel("Draw a past month").waitFor();
    await page.getByLabel("Draw a past month").fill("2026-01");
    await page.getByRole("button", { name: "Draw the sample" }).click();
    await expect.poll(() => page.locator(".qa-draw-notice").textContent()).toMatch(/^Drew January 2026: \d+ contacts of 2 staff and 0 closed cases\.$/);
    await expect.poll(() => page.getByLabel("Month", { exact: true }).inputValue()).toBe("2026-01");
    await expect.poll(() => page.url()).toContain("month=2026-01");
    const teams = page.getByRole("table", { name: "Reviewed, by team" });
    await expect.poll(async () => (await teams.locator("tbody th").allTextContents()).sort()).toEqual(["Contact Centre", "Waste Services"]);
    // Once a month: drawing it again is refused, in words.
    await page.getByLabel("Draw a past month").fill("2026-01");
    await page.getByRole("button", { name: "Draw the sample" }).click();
    await expect
      .poll(() => page.locator(".qa-draw-notice .error").textContent())
      .toBe("The sample for 2026-01 was drawn on 2026-03-02; each month is drawn once.");

    const standards = page.getByRole("region", { name: "Standards" });
    await standards.getByLabel("New standard").fill("Empathy shown");
    await standards.getByRole("button", { name: "Add the standard" }).click();
    await expect.poll(() => standards.getByRole("status").textContent()).toBe("Added ‘Empathy shown’.");
    await standards.getByRole("button", { name: "Move ‘Empathy shown’ up" }).click();
    await expect
      .poll(async () => (await standards.locator("ol.qa-standards > li .qa-standard-text").allTextContents()).slice(-2))
      .toEqual(["Empathy shown", "Lessons recorded"]);
    await expectAccessible(page, "quality month, administrator");
    await standards.screenshot({ path: `${SHOTS}/dashboard-quality-standards-desktop.png` });

    // February's closed case: its review page shows the case's history.
    await page.goto(`${base}/dashboard/quality?month=2026-02&kind=case`);
    await page
      .getByRole("table", { name: /Sampled items/ })
      .getByRole("link")
      .first()
      .click();
    const history = page.getByRole("list", { name: "Case history, oldest first" });
    await history.waitFor();
    await expect(history.textContent()).resolves.toMatch(
      /Case opened by the platform.*Closed by manager@council\.example.*Replacement bin ordered and the customer told the date\./,
    );
    await expect(page.getByRole("region", { name: /^Follow-up case \d+$/ }).textContent()).resolves.toMatch(/StatusClosed.*Why it openedCSAT 1/);
    // The new standard is on the form, in its place.
    await expect(page.getByRole("form", { name: "Review" }).locator("legend").allTextContents()).resolves.toEqual([
      "Greeting and name given",
      "Accurate information",
      "Next steps explained",
      "Policy followed",
      "Empathy shown",
      "Lessons recorded",
    ]);
    await expectAccessible(page, "quality review of a case");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
