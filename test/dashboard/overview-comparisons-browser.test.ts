import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { interactions, targets, themes } from "../../src/db/schema";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { projectPath } from "../../src/paths";
import { recordResponse, type ResponseInput } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { createUser } from "../../src/services/users";
import { formatRange, periodText, statusText } from "../../web/src/lib/format";
import { ensureDashboardBuilt, launchChromium, screenshotPage, signInToDashboard, type SignedIn } from "../browser";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { PASSWORD } from "./seed";

/*
 * What the Overview and Themes say about comparisons, in Chromium. Today is Wednesday
 * 18 November 2026, so the Overview's default is October (the last complete month) against
 * September ("Sept" in en-GB); November is not over. MIN_RESPONSES is 10.
 *
 * - CSAT: 12 answers in September (6 satisfied, 50%) and 12 in October (9 satisfied, 75%):
 *   compared, up 25 points; 5 below its target of 80, so amber "within 5 points".
 * - FCR: answered in October only, so September has too few to compare with.
 * - CES mean: 4.83 in October against a target of 5, amber within the configured 0.3.
 * - Two imported answers in October, without a survey token, are not in the response rate.
 * - Comments: 12 in October (8 praising, 4 about waiting on hold), 3 in September: too few
 *   for the Themes page to say how a share moved.
 */

const SHOTS = projectPath("screenshots");
const PRAISE = "Very helpful and friendly staff, thank you";
const WAITING = "Waited far too long on hold, very frustrating";

let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;

async function answered(occurredAt: string, answers: Partial<ResponseInput>) {
  const r = await registerInteraction(
    t.ctx,
    { channel: "phone", team: "CONTACT", service: "council-tax", occurredAt: Date.parse(occurredAt), language: "en" },
    "demo",
  );
  await recordResponse(t.ctx, {
    interactionId: r.id,
    csat: null,
    ces: null,
    csi: null,
    fcr: null,
    comment: null,
    language: "en",
    confirmedVia: "demo",
    ...answers,
  });
}

/** Imported history: a contact with no survey token, answered. */
async function imported(org: Awaited<ReturnType<typeof seedOrganisation>>, occurredAt: string, answers: Partial<ResponseInput>) {
  const [row] = await t.ctx.db.write((tx) =>
    tx
      .insert(interactions)
      .values({
        channel: "phone",
        teamId: org.contact.id,
        serviceId: org.tax.id,
        occurredAt: Date.parse(occurredAt),
        source: "import",
        createdAt: t.clock.now(),
      })
      .returning({ id: interactions.id }),
  );
  await recordResponse(t.ctx, {
    interactionId: row!.id,
    csat: null,
    ces: null,
    csi: null,
    fcr: null,
    comment: null,
    language: "en",
    confirmedVia: "import",
    ...answers,
  });
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  t = await createTestApp({ MIN_RESPONSES: 10, CES_AMBER_MARGIN: 0.3 }, "2026-11-18T10:00:00Z");
  const org = await seedOrganisation(t);
  const now = t.clock.now();
  await t.ctx.db.write(async (tx) => {
    await tx.insert(themes).values(DEFAULT_THEMES.map((th) => ({ code: th.code, name: th.name, rules: th.rules, createdAt: now })));
    await tx.insert(targets).values([
      { code: "csat-all", measure: "csat", value: 80, createdAt: now },
      { code: "ces-all", measure: "ces_mean", value: 5, createdAt: now },
    ]);
  });
  await createUser(t.ctx, { email: "director@council.example", role: "director", password: PASSWORD });
  for (let i = 0; i < 12; i++) {
    const day = String(i + 2).padStart(2, "0");
    await answered(`2026-09-${day}T10:00:00Z`, { csat: i < 6 ? 4 : 2, ces: 5, csi: 4, comment: i < 3 ? WAITING : null });
    await answered(`2026-10-${day}T10:00:00Z`, {
      csat: i < 9 ? 5 : 2,
      ces: i < 10 ? 5 : 4,
      csi: 4,
      fcr: i < 8 ? "yes" : "no",
      comment: i < 8 ? PRAISE : WAITING,
    });
  }
  // Four October contacts not answered, and two answers imported without a survey token.
  for (let i = 0; i < 4; i++)
    await registerInteraction(
      t.ctx,
      { channel: "email", team: "CONTACT", service: "bins", occurredAt: Date.parse("2026-10-20T10:00:00Z"), language: "en" },
      "demo",
    );
  await imported(org, "2026-10-21T10:00:00Z", { csi: 5 });
  await imported(org, "2026-10-22T10:00:00Z", { csi: 3 });
  // November so far.
  for (let i = 0; i < 11; i++) await answered(`2026-11-${String(i + 2).padStart(2, "0")}T10:00:00Z`, { csat: 4, ces: 6, csi: 4, fcr: "yes", comment: PRAISE });
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

async function signedIn(width: number): Promise<SignedIn> {
  const session = await signInToDashboard(browser, base, { width });
  await session.page.locator(".card[data-measure]").first().waitFor();
  return session;
}

const shoot = (page: Page, name: string) => screenshotPage(page, `${SHOTS}/${name}-${page.viewportSize()!.width}.png`);

const card = (page: Page, key: string) => page.locator(`.card[data-measure=${key}]`);

describe("comparisons on the Overview and Themes", () => {
  test("the last complete month against the one before: a change, too few to compare, the real amber margins", async () => {
    const { context, page, errors } = await signedIn(1440);
    await expect(page.getByTestId("overview-lede").textContent()).resolves.toMatch(/Counted: 1–31 Oct 2026, compared with 1–30 Sept 2026\./);
    // The date boxes show the range counted: October, not the last twelve months.
    await expect(page.getByLabel("From", { exact: true }).inputValue()).resolves.toBe("2026-10-01");
    await expect(page.getByLabel("To", { exact: true }).inputValue()).resolves.toBe("2026-10-31");
    await expect(page.getByLabel("Period", { exact: true }).locator("option").allTextContents()).resolves.toEqual([
      "Weekly",
      "Monthly",
      "Quarterly (financial)",
      "Financial year",
    ]);

    const csat = card(page, "csat");
    await expect(csat.getByRole("heading").textContent()).resolves.toBe("Satisfaction (CSAT)");
    await expect(csat.textContent()).resolves.toContain("Against 1–30 Sept 2026: ▲ up 25 points");
    await expect(csat.locator(".badge").textContent()).resolves.toBe("Within 5 points of target");
    await expect(card(page, "fcr").textContent()).resolves.toContain("Against 1–30 Sept 2026: not enough answers to compare");
    expect(await card(page, "fcr").locator("strong").count()).toBe(0);
    await expect(card(page, "cesMean").locator(".badge").textContent()).resolves.toBe("Within 0.3 of target");

    // 12 of 16 survey links answered; the two imported answers are counted apart.
    await expect(page.getByTestId("value-responseRate").textContent()).resolves.toBe("75%");
    await expect(page.getByTestId("without-token").textContent()).resolves.toBe("2 answers without a survey link are not in the rate");

    // Comment sentiment, its own panel: 8 of the 12 October comments praise, 4 complain.
    const sentiment = page.getByRole("region", { name: "Comment sentiment" });
    await expect(sentiment.getByTestId("value-sentiment-positive").textContent()).resolves.toBe("66.7%");
    await expect(sentiment.getByTestId("value-sentiment-negative").textContent()).resolves.toBe("33.3%");
    await expect(sentiment.getByTestId("sentiment-n").textContent()).resolves.toContain("Of 12 comments scored.");
    await expect(sentiment.textContent()).resolves.not.toMatch(/\bCSI\b/);
    await shoot(page, "overview-comparisons");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "overview-comparisons");

    // Teams, for October: its rows carry colours only; the badges name the Overview's margins.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Teams" }).click();
    await page.getByLabel("To", { exact: true }).fill("2026-10-31");
    await page.getByLabel("From", { exact: true }).fill("2026-10-01");
    await expect.poll(() => page.url()).toMatch(/from=2026-10-01.*to=2026-10-31/);
    const contact = page.getByRole("table", { name: /^Teams/ }).getByRole("row", { name: /Contact Centre/ });
    await expect.poll(() => contact.locator(".badge").allTextContents()).toEqual(["Within 5 points of target", "Within 0.3 of target"]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("the current month: not over yet, so nothing is compared and its point is partial", async () => {
    const { context, page, errors } = await signedIn(1440);
    // Choosing the month so far in the date box: the end follows to today.
    await page.getByLabel("From", { exact: true }).fill("2026-11-01");
    await expect.poll(() => page.url()).toContain("from=2026-11-01");
    await expect.poll(() => page.getByTestId("overview-lede").textContent()).toContain("Counted: 1–18 Nov 2026. The period is not over yet");
    await expect(page.getByLabel("To", { exact: true }).inputValue()).resolves.toBe("2026-11-18");
    await expect(card(page, "csat").textContent()).resolves.toContain("Period not over yet: no comparison");
    expect(await page.getByText(/▲|▼/).count()).toBe(0);
    // The sparkline's table: twelve months to November, the running one marked.
    const months = await card(page, "csat").locator("tbody th").allTextContents();
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe("2026-11 (partial)");
    expect(months.filter((m) => m.includes("partial"))).toHaveLength(1);
    await shoot(page, "overview-partial");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("Themes: no move from a handful of comments, none while the period runs", async () => {
    const { context, page, errors } = await signedIn(1440);
    await page.goto(`${base}/dashboard/themes?from=2026-10-01&to=2026-10-31`);
    const dept = page.getByRole("table", { name: /^Customer and Local Services/ });
    await dept.locator("tbody tr").first().waitFor();
    const moved = await dept.locator("tbody td:last-child").allTextContents();
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((m) => m === "not enough comments to compare")).toBe(true);
    expect(await page.getByText(/▲|▼/).count()).toBe(0);
    await shoot(page, "themes-comparisons");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "themes-comparisons");

    // The views over time default to the last twelve months, up to today: November is running.
    await page.goto(`${base}/dashboard/themes`);
    await dept.locator("tbody tr").first().waitFor();
    // The date boxes fill once the filter options have loaded, which may be after the table.
    await expect.poll(() => page.getByLabel("From", { exact: true }).inputValue()).toBe("2025-12-01");
    await expect.poll(() => page.getByLabel("To", { exact: true }).inputValue()).toBe("2026-11-18");
    await expect.poll(() => dept.locator("tbody td:last-child").allTextContents()).toEqual(expect.arrayContaining(["period not over yet"]));
    await expect.poll(() => page.locator(".lede").textContent()).toContain("not over yet");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe("the words beside the figures", () => {
  test.each([
    ["amber", 5, "%", "Within 5 points of target"],
    ["amber", 5, "", "Within 5 points of target"],
    ["amber", 0.3, "/7", "Within 0.3 of target"],
    ["amber", 1, "%", "Within 1 point of target"],
    ["amber", null, "/7", "Within margin of target"],
    ["green", 0.3, "/7", "Meets target"],
    ["red", 5, "%", "Below target"],
  ] as const)("%s within %s (unit %j) reads %j", (status, margin, unit, text) => {
    expect(statusText(status, margin, unit)).toBe(text);
  });

  test.each([
    ["2026-10-01", "2026-10-31", "1–31 Oct 2026"],
    ["2026-07-01", "2026-09-30", "1 Jul – 30 Sept 2026"],
    ["2025-04-01", "2026-03-31", "1 Apr 2025 – 31 Mar 2026"],
    ["2026-11-18", "2026-11-18", "18 Nov 2026"],
  ])("%s to %s reads %j", (from, to, text) => {
    expect(formatRange(from, to)).toBe(text);
  });

  test("a period not over is marked in tables", () => {
    expect(periodText({ label: "2026-11", partial: true })).toBe("2026-11 (partial)");
    expect(periodText({ label: "2026/27 Q2", partial: false })).toBe("2026/27 Q2");
  });
});
