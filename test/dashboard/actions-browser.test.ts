import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectPath } from "../../src/paths";
import { createAction } from "../../src/services/actions/create-action";
import { addProgress } from "../../src/services/actions/add-progress";
import { routeOf } from "../../web/src/models/url";
import { clip, reviewSlot, sharedReviewDates, trackerCsvHref, trackerQuery } from "../../web/src/pages/actions/wording";
import { axeViolations, describeViolations } from "../a11y/axe";
import { ensureDashboardBuilt, launchChromium, screenshotPage, signInToDashboard } from "../browser";
import { createTestApp, type TestApp } from "../helpers";
import { seedDashboard } from "./seed";

/**
 * The recommendations tracker in Chromium: a director adds an action and records its reviews,
 * and sees them side by side as the council's progress update prints them; a manager reads it;
 * an administrator words the categories. The page's pure helpers are tested first.
 */

describe("the tracker's helpers", () => {
  test.each([
    ["/dashboard/actions", { page: "actions", item: null }],
    ["/dashboard/actions/CF-5", { page: "actions", item: "CF-5" }],
    ["/dashboard/actions/CF-5/more", { page: "", item: null }],
  ])("%s is %j", (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  test("the URL's filters become the API's query; what the server would refuse is left out", () => {
    expect(trackerQuery({ category: "3", owner: "a@b.example", theme: "timeliness", team: "CONTACT", period: "month" })).toEqual({
      category: "3",
      owner: "a@b.example",
      theme: "timeliness",
      team: "CONTACT",
    });
    expect(trackerQuery({ category: "9" })).toEqual({ category: undefined, owner: undefined, theme: undefined, team: undefined });
    expect(trackerCsvHref({ category: "none", period: "month" })).toBe("/dashboard/api/actions/export/tracker.csv?category=none");
  });

  test("the printed tracker's two review columns: dated in the heading when every action shares the date", () => {
    const action = (...dates: string[]) => ({ reviews: dates.map((date) => ({ date })) });
    expect(reviewSlot(action(), 1)).toBeNull();
    expect(reviewSlot(action("2010-05-17"), 0)).toBeNull();
    expect(reviewSlot(action("2010-05-17", "2010-10-04", "2010-10-18"), 0)).toEqual({ date: "2010-10-04" });
    // The committee's rounds: every action reviewed on 17 May and 4 October.
    expect(sharedReviewDates([action("2010-05-17", "2010-10-04"), action("2010-05-17", "2010-10-04"), action()])).toEqual(["2010-05-17", "2010-10-04"]);
    // One action reviewed on its own date: that column's cells say their dates.
    expect(sharedReviewDates([action("2010-05-17", "2010-10-04"), action("2010-05-17", "2010-09-01")])).toEqual(["2010-05-17", null]);
    expect(sharedReviewDates([])).toEqual([null, null]);
  });

  test("a long recommendation is cut at a word in lists", () => {
    expect(clip("short")).toBe("short");
    const long = "All voicemail messages include the officer's name, team or service details and extension number. ".repeat(4);
    const cut = clip(long, 120);
    expect(cut.length).toBeLessThanOrEqual(121);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

const SHOTS = projectPath("screenshots");
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await ensureDashboardBuilt();
  // After the second review of Stockton's "Progress Update – Customer First" (4 October 2010).
  t = await createTestApp({}, "2010-10-20T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 1, days: 20 });
  // Two more actions already in the tracker, entered through the API's services.
  const api = { kind: "api", apiKeyId: 1 } as const;
  await createAction(
    t.ctx,
    {
      ref: "CF-1",
      text: "Stockton-on-Tees Borough Council adopts the Cabinet Office's new Customer Service Excellence Standard corporately, replacing and building on the Customer First Stage 2 programme.",
      source: "Scrutiny review: Customer First, 2009",
      responsibility: "D Hurwood\nK Hornsey / J Robinson",
      dueDate: "2010-08-31",
      themes: ["quality_of_service"],
      teams: [],
      departments: ["CLS"],
    },
    api,
  );
  await addProgress(
    t.ctx,
    "CF-1",
    {
      date: "2010-05-17",
      category: 2,
      evidence: "All service blocks have been assessed and have reached the required standard.\nFinal full corporate assessment taking place on 8th June 2010.",
    },
    api,
  );
  await addProgress(
    t.ctx,
    "CF-1",
    {
      date: "2010-10-04",
      category: 1,
      evidence: "Assessed as achieving full Customer Service Excellence Standard corporately on 8th June 2010, two months ahead of schedule.",
    },
    api,
  );
  await createAction(
    t.ctx,
    {
      ref: "CF-7",
      text: "A corporate staff suggestion scheme be implemented under the Customer Service Excellence scheme.",
      source: "Scrutiny review: Customer First, 2009",
      themes: [],
      teams: ["WASTE"],
      departments: [],
    },
    api,
  );
  await addProgress(
    t.ctx,
    "CF-7",
    { date: "2010-05-17", category: 2, evidence: "Progress is being made on developing the scheme, on track for completion by 30th June 2010." },
    api,
  );
  await addProgress(t.ctx, "CF-7", { date: "2010-10-04", category: 1, evidence: "“Bright Ideas” staff suggestion scheme launched 1st July 2010." }, api);
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

const signedIn = (email: string, width = 1280) => signInToDashboard(browser, base, { email, width, ignoreConsole: /status of 4\d\d/, acceptDownloads: true });

async function expectAccessible(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => v.id),
    describeViolations(where, violations),
  ).toEqual([]);
}

/** Full-page screenshots at desktop and phone widths (at most 2,400 px tall), and the print layout. */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await screenshotPage(page, `${SHOTS}/dashboard-${name}-${width === 390 ? "phone" : "desktop"}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The print layout, as a screenshot at an A4 landscape width and as a PDF. */
async function shootPrint(page: Page, name: string) {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.waitForTimeout(150);
  const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: `${SHOTS}/dashboard-${name}-print.png`, fullPage: true, clip: { x: 0, y: 0, width: 1123, height } });
  await page.pdf({ path: `${SHOTS}/dashboard-${name}-print.pdf`, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the Recommendations page in Chromium", () => {
  test("a director adds an action, records two reviews and sees evidence and assessment side by side", async () => {
    const { context, page, errors } = await signedIn("director@council.example");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Recommendations" }).click();
    await page.getByRole("heading", { level: 1, name: "Recommendations" }).waitFor();
    const table = page.getByRole("table", { name: /Recommendations and actions/ });
    await table.waitFor();
    await expect(table.locator("tbody th").allTextContents()).resolves.toEqual(["CF-1", "CF-7"]);
    // The latest assessment in words, with its number, not colour alone.
    await expect(table.locator("tbody tr").first().locator("td[data-label=Assessment]").textContent()).resolves.toBe(
      "1 – Achieved fully at the review of 4 Oct 2010",
    );
    await expectAccessible(page, "tracker");

    await page.getByRole("button", { name: "Add a recommendation" }).click();
    const form = page.getByRole("form", { name: "Add a recommendation or action" });
    await form.getByLabel("Reference").fill("CF-5");
    await form.getByLabel("Source").fill("Scrutiny review: Customer First, 2009");
    await form
      .getByLabel("Recommendation or action")
      .fill(
        "To assist customers presented with a voicemail message, the existing service standards and guidance for the use of voicemail be enhanced and promoted.",
      );
    await form.getByLabel("Responsibility").fill("K Hornsey / J Robinson");
    await form.getByLabel("Owner").selectOption("director@council.example");
    await form.getByLabel("Anticipated completion").fill("2010-12-31");
    await form.getByRole("checkbox", { name: "Timeliness" }).check();
    await form.getByRole("checkbox", { name: "Contact Centre" }).check();
    await expectAccessible(page, "the form to add an action");
    await form.getByRole("button", { name: "Add it" }).click();
    await expect.poll(() => page.locator("#tracker-notice").textContent()).toBe("Added CF-5.");
    await expect.poll(() => table.locator("tbody th").allTextContents()).toEqual(["CF-1", "CF-5", "CF-7"]);

    // A reference already in use: the server's refusal, said above the form.
    await page.getByRole("button", { name: "Add a recommendation" }).click();
    await form.getByLabel("Reference").fill("CF-5");
    await form.getByLabel("Source").fill("Again");
    await form.getByLabel("Recommendation or action").fill("Again");
    await form.getByRole("button", { name: "Add it" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toBe("An action with reference 'CF-5' already exists.");
    await form.getByRole("button", { name: "Cancel" }).click();

    // The category filter goes into the URL.
    await page.getByLabel("Latest assessment", { exact: true }).selectOption("none");
    await expect.poll(() => page.url()).toContain("category=none");
    await expect.poll(() => table.locator("tbody th").allTextContents()).toEqual(["CF-5"]);
    await shoot(page, "actions-tracker-filtered");

    // The action's page: no reviews yet; record May's and October's.
    await table.getByRole("link", { name: "Recommendation CF-5" }).click();
    await page.getByRole("heading", { level: 1, name: "Recommendation CF-5" }).waitFor();
    await expect.poll(() => page.url()).toContain("/dashboard/actions/CF-5");
    await expect(page.getByRole("region", { name: "Progress at each review" }).textContent()).resolves.toContain("No reviews yet.");
    const review = page.getByRole("form", { name: "Record a review" });
    // Nothing chosen: said at the fields, before asking the server.
    await review.getByRole("button", { name: "Record the review" }).click();
    await expect(review.getByRole("alert").textContent()).resolves.toBe("Please correct the fields marked below.");
    await expect(review.locator(".field-error").allTextContents()).resolves.toEqual(["Choose the assessment.", "Write the evidence of progress."]);
    await expectAccessible(page, "the action's page with errors");

    await review.getByLabel("Review date").fill("2010-05-17");
    await review.getByRole("radio", { name: "2 – On track" }).check();
    await review
      .getByLabel("Evidence of progress")
      .fill(
        "All service blocks have been presented with the new voicemail guidance. Mystery shopping will continue throughout April to August to ensure compliance.",
      );
    await review.getByRole("button", { name: "Record the review" }).click();
    await expect.poll(() => page.locator("#action-notice").textContent()).toBe("Review of 17 May 2010 recorded: 2 – On track.");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("action-notice");
    await review.getByLabel("Review date").fill("2010-10-04");
    await review.getByRole("radio", { name: "3 – Slipped" }).check();
    await review
      .getByLabel("Evidence of progress")
      .fill(
        "There has been a delay implementing the new arrangements on 12 service specific hunt groups. We are working with Nextira One to resolve this. Anticipated new completion date December 2010.",
      );
    await review.getByRole("button", { name: "Record the review" }).click();
    await expect.poll(() => page.locator("#action-notice").textContent()).toBe("Review of 4 Oct 2010 recorded: 3 – Slipped.");

    // Per review date, the evidence and the assessment side by side.
    const reviews = page.getByRole("table", { name: /CF-5: evidence of progress and assessment at each review/ });
    const rows = reviews.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) => (await rows.nth(i).locator("th, td").allTextContents()).slice(0, 3);
    await expect(cells(0)).resolves.toEqual(["17 May 2010", expect.stringContaining("new voicemail guidance"), "2 – On track"]);
    await expect(cells(1)).resolves.toEqual(["4 Oct 2010", expect.stringContaining("Anticipated new completion date December 2010."), "3 – Slipped"]);
    await expect(page.locator(".action-state").textContent()).resolves.toBe("3 – Slipped at the review of 4 Oct 2010");
    await expectAccessible(page, "the action's page");
    await shoot(page, "action");
    await shootPrint(page, "action");

    // Back to the whole tracker, printed as the council's table.
    await page.getByRole("link", { name: "All recommendations" }).click();
    await page.getByLabel("Latest assessment", { exact: true }).selectOption("");
    await expect.poll(() => table.locator("tbody th").count()).toBe(3);
    await shoot(page, "actions-tracker");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.top").isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(false);
    const printed = page.locator("table.progress-update");
    expect(await printed.isVisible()).toBe(true);
    // Every action was reviewed on 17 May and 4 October: the dates head the columns, as in the seed.
    await expect(printed.locator("thead th").allTextContents()).resolves.toEqual([
      "No",
      "Recommendation",
      "Responsibility",
      "Anticipated completion date",
      "Evidence of progress 17 May 2010",
      "Assessment of progress (categories 1–4) 17 May 2010",
      "Evidence of progress 4 Oct 2010",
      "Assessment of progress (categories 1–4) 4 Oct 2010",
    ]);
    await expect(printed.locator("tbody tr").nth(1).locator("td.assessment").allTextContents()).resolves.toEqual(["2 – On track", "3 – Slipped"]);
    await page.emulateMedia({ media: "screen" });
    await shootPrint(page, "actions-tracker");

    // The CSV of the tracker.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("actions-tracker-2010-10-20.csv");
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  test("a director edits an action: a change of responsibility and links", async () => {
    const { context, page, errors } = await signedIn("director@council.example");
    await page.goto(`${base}/dashboard/actions/CF-7`);
    await page.getByRole("button", { name: "Edit the recommendation" }).click();
    const form = page.getByRole("form", { name: "Edit CF-7" });
    await form.getByLabel("Responsibility").fill("J Robinson & service reps");
    await form.getByRole("checkbox", { name: "Staff attitude" }).check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => page.locator("#action-notice").textContent()).toBe("Saved the changes.");
    const summary = page.locator(".action-summary");
    await expect(summary.textContent()).resolves.toContain("J Robinson & service reps");
    await expect(summary.getByRole("link", { name: "Staff attitude" }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a manager reads the actions that concern their team, and cannot change them", async () => {
    const { context, page, errors } = await signedIn("manager@council.example");
    await page.goto(`${base}/dashboard/actions`);
    const table = page.getByRole("table", { name: /Recommendations and actions/ });
    await table.waitFor();
    // CF-1 is the Contact Centre's department's, CF-5 the team's; CF-7 is the Waste team's.
    await expect(table.locator("tbody th").allTextContents()).resolves.toEqual(["CF-1", "CF-5"]);
    expect(await page.getByRole("button", { name: "Add a recommendation" }).count()).toBe(0);
    await table.getByRole("link", { name: "Recommendation CF-5" }).click();
    await page.getByRole("heading", { level: 1, name: "Recommendation CF-5" }).waitFor();
    await page.getByRole("table", { name: /evidence of progress/ }).waitFor();
    expect(await page.getByRole("form", { name: "Record a review" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Edit the recommendation" }).count()).toBe(0);
    // Another team's action, by its address: the server's refusal.
    await page.goto(`${base}/dashboard/actions/CF-7`);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Managers can see the actions linked to their own team or department only.");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("at phone width the tracker is a column of cards and nothing scrolls sideways", async () => {
    const { context, page, errors } = await signedIn("director@council.example", 390);
    await page.goto(`${base}/dashboard/actions`);
    const row = page.locator("table.tracker tbody tr").first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    await page.setViewportSize({ width: 320, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /^Recommendation / }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an administrator words the categories; the Themes page and the quarterly report show the actions", async () => {
    const { context, page, errors } = await signedIn("admin@council.example");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
    const section = page.getByRole("region", { name: "Assessment categories" });
    await section.getByLabel("Category 1").fill("Achieved Fully");
    await section.getByLabel("Category 3").fill("Slipped: new date agreed");
    await section.getByRole("button", { name: "Save the labels" }).click();
    await expect.poll(() => section.getByRole("status").textContent()).toBe("Saved the category labels.");
    await expectAccessible(page, "settings, assessment categories");
    await section.screenshot({ path: `${SHOTS}/dashboard-settings-assessment-categories-desktop.png` });

    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Themes" }).click();
    const themed = page.getByRole("region", { name: "Actions addressing these themes" });
    await themed.waitFor();
    await expect(themed.textContent()).resolves.toContain("Timeliness");
    await expect(themed.getByRole("link", { name: "CF-5" }).count()).resolves.toBe(1);
    await expect(themed.textContent()).resolves.toContain("3 – Slipped: new date agreed");
    await themed.getByRole("link", { name: "CF-5" }).click();
    await page.getByRole("heading", { level: 1, name: "Recommendation CF-5" }).waitFor();

    await page.goto(`${base}/dashboard/report?quarter=2010-10-01`);
    const report = page.getByRole("region", { name: "Recommendations and actions", exact: true });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain(
      "At the end of 2010/11 Q3: 2 achieved fully, 0 on track, 1 slipped: new date agreed, 0 not achieved. 3 changed category since the end of 2010/11 Q2.",
    );
    await expect(report.locator("tbody tr").nth(1).textContent()).resolves.toContain("2 → 3 (Slipped: new date agreed)");
    await expectAccessible(page, "the quarterly report");
    await report.screenshot({ path: `${SHOTS}/dashboard-report-actions-desktop.png` });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
