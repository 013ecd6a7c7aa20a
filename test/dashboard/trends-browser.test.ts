import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { projectPath } from "../../src/paths";
import { recordResponse } from "../../src/services/record-response";
import { createTeam } from "../../src/services/reference/teams";
import { registerInteraction } from "../../src/services/register-interaction";
import { CONTEXT_GREY, OKABE_ITO } from "../../web/src/lib/palette";
import { axeViolations, describeViolations } from "../a11y/axe";
import { ensureDashboardBuilt, launchChromium, screenshotPage, signInToDashboard } from "../browser";
import { createTestApp } from "../helpers";
import { seedDashboard } from "./seed";

/**
 * The Trends page in Chromium over eight teams: split by team the lines are grey until one is
 * highlighted, which takes a colour and its band; a handful of series each take a colour of
 * their own, named at the end of the line; a new split replaces the datasets of the same charts.
 */

const SHOTS = projectPath("screenshots");
const MORE_TEAMS = [
  ["HOUSING", "Housing Options", "CLS"],
  ["LIBRARIES", "Libraries", "CLS"],
  ["PARKING", "Parking Services", "ENV"],
  ["PLANNING", "Planning and Building Control", "ENV"],
  ["REVENUES", "Revenues", "CLS"],
] as const;
const TEAM_NAMES = ["Benefits", "Contact Centre", "Waste Services", ...MORE_TEAMS.map(([, name]) => name)];

let server: ServerType;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await ensureDashboardBuilt();
  // Mid-February: the month on the right of the charts is not over.
  const t = await createTestApp({}, "2026-02-10T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 3, days: 120 });
  // Five more teams, each answered most days for four months, with a level of its own.
  for (const [k, [code, name, department]] of MORE_TEAMS.entries()) {
    await createTeam(t.ctx, { code, name, department });
    for (let d = 120; d >= 1; d--) {
      const r = await registerInteraction(
        t.ctx,
        { channel: "phone", team: code, service: "bins", occurredAt: t.clock.now() - d * DAY, language: "en" },
        "demo",
      );
      if (d % 6 === 0) continue;
      const csat = Math.min(5, Math.max(1, 2 + (k % 3) + (d % 3)));
      await recordResponse(t.ctx, {
        interactionId: r.id,
        csat,
        ces: csat + 2,
        csi: csat,
        fcr: csat >= 4 ? "yes" : "no",
        comment: null,
        language: "en",
        confirmedVia: "demo",
      });
    }
  }
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

const signedIn = (width = 1440) => signInToDashboard(browser, base, { width });

/**
 * chart.js's Chart class, as the dashboard's bundle has it, lent to the page as `window.ChartJS`
 * for the evaluations below: the dashboard exposes nothing, so it is found on the heap through
 * the DevTools protocol (the one function with chart.js's static getChart and register).
 */
async function lendChartClass(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "Function.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: result.objectId! });
  const found = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId!,
    functionDeclaration: `function () {
      const Chart = this.find((f) => typeof f.getChart === "function" && typeof f.register === "function" && "instances" in f);
      if (Chart) window.ChartJS = Chart;
      return Boolean(Chart);
    }`,
    returnByValue: true,
  });
  await cdp.detach();
  expect(found.result.value).toBe(true);
}

type DatasetView = { label: string; borderColor: unknown; fill: unknown; order: unknown; pointBackgroundColor: unknown };
type ChartView = { id: string; plugins: string[]; named: number[]; datasets: DatasetView[]; drawnTexts: string[] };

/**
 * Each chart on the page through Chart.getChart(canvas): its datasets, the inline plugins
 * registered on it, the datasets the line-end labels name, and every text it draws when
 * redrawn (fillText caught for one draw).
 */
function charts(page: Page): Promise<ChartView[]> {
  return page.evaluate(() => {
    type Ds = { label: string; borderColor: unknown; fill?: unknown; order?: unknown; pointBackgroundColor?: unknown };
    type C = {
      id: string;
      ctx: CanvasRenderingContext2D;
      draw(): void;
      config: { plugins: { id: string }[] };
      options: { plugins: { lineEndLabels?: { datasets: number[] } } };
      data: { datasets: Ds[] };
    };
    const ChartJS = (window as unknown as { ChartJS: { getChart(c: HTMLCanvasElement): C | undefined } }).ChartJS;
    return [...document.querySelectorAll("canvas")].map((canvas) => {
      const chart = ChartJS.getChart(canvas)!;
      const drawnTexts: string[] = [];
      const fillText = chart.ctx.fillText;
      chart.ctx.fillText = function (text: string, x: number, y: number, max?: number) {
        drawnTexts.push(text);
        return fillText.call(this, text, x, y, max);
      };
      chart.draw();
      chart.ctx.fillText = fillText;
      return {
        id: chart.id,
        plugins: chart.config.plugins.map((p) => p.id),
        named: [...(chart.options.plugins.lineEndLabels?.datasets ?? [])],
        datasets: chart.data.datasets.map((d) => ({
          label: d.label,
          borderColor: d.borderColor,
          fill: d.fill ?? null,
          order: d.order ?? null,
          pointBackgroundColor: d.pointBackgroundColor ?? null,
        })),
        drawnTexts,
      };
    });
  });
}

const lines = (c: ChartView) => c.datasets.filter((d) => !/ (lower|upper)$/.test(d.label));
const bands = (c: ChartView) => c.datasets.filter((d) => d.fill !== null && d.fill !== false);

async function openTrends(page: Page, query: string) {
  await page.goto(`${base}/dashboard/trends${query}`);
  await page.getByRole("heading", { level: 2, name: "Satisfaction (CSAT)" }).waitFor();
  await expect.poll(() => page.locator("canvas").count()).toBe(5);
  await lendChartClass(page);
}

/** Full-page screenshots (at most 2,400 px tall); nothing may scroll sideways on a phone. */
async function shoot(page: Page, name: string) {
  const width = page.viewportSize()!.width;
  await screenshotPage(page, `${SHOTS}/trends-${name}-${width < 600 ? "phone" : "desktop"}.png`);
  if (width < 600) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

describe("the Trends page in Chromium", () => {
  test("split by team: grey lines and no band until one is highlighted, which takes a colour, its band and its name", async () => {
    const { context, page, errors } = await signedIn();
    await openTrends(page, "?split=team");
    let views = await charts(page);
    expect(views).toHaveLength(5);
    for (const c of views) {
      expect(c.plugins).toContain("lineEndLabels");
      expect(
        lines(c)
          .map((d) => d.label)
          .sort(),
      ).toEqual([...TEAM_NAMES].sort());
      expect(new Set(lines(c).map((d) => d.borderColor))).toEqual(new Set([CONTEXT_GREY]));
      expect(bands(c)).toEqual([]);
      expect(c.named).toEqual([]);
      expect(c.drawnTexts.filter((t) => TEAM_NAMES.includes(t))).toEqual([]);
    }
    await expect(page.getByText("8 teams, each a grey line.").count()).resolves.toBe(1);
    await shoot(page, "team");

    await page.getByLabel("Highlight a team").selectOption({ label: "Waste Services" });
    await expect.poll(() => page.url()).toContain("highlight=WASTE");
    await expect.poll(async () => (await charts(page)).every((c) => bands(c).length === 1)).toBe(true);
    views = await charts(page);
    for (const c of views) {
      const coloured = lines(c).filter((d) => d.borderColor !== CONTEXT_GREY);
      expect(coloured.map((d) => [d.label, d.borderColor])).toEqual([["Waste Services", OKABE_ITO[0]]]);
      // Its band: the upper edge filled down to its lower edge, the dataset just before it.
      const upper = c.datasets.findIndex((d) => d.label === "Waste Services upper");
      expect(c.datasets[upper - 1]!.label).toBe("Waste Services lower");
      expect(c.datasets[upper]!.fill).toBe(upper - 1);
      // Named at the end of its line, drawn over the grey ones.
      expect(c.named.map((i) => c.datasets[i]!.label)).toEqual(["Waste Services"]);
      expect(c.drawnTexts).toContain("Waste Services");
      expect(c.datasets.find((d) => d.label === "Waste Services")!.order).toBe(0);
    }
    await expect(page.getByText("Waste Services in colour with its 95% interval as a shaded band; the other 7 teams in grey.").count()).resolves.toBe(1);
    const violations = await axeViolations(page);
    expect(
      violations.map((v) => v.id),
      describeViolations("trends, highlighted", violations),
    ).toEqual([]);
    await shoot(page, "team-highlight");

    // The URL alone gives the same view.
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Satisfaction (CSAT)" }).waitFor();
    await lendChartClass(page);
    await expect.poll(async () => (await charts(page))[0]?.named.length).toBe(1);
    await expect(page.getByLabel("Highlight a team").inputValue()).resolves.toBe("WASTE");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("a handful of series: a colour each, never one twice, each named at the end of its line", async () => {
    const { context, page, errors } = await signedIn();
    await openTrends(page, "?split=channel");
    for (const c of await charts(page)) {
      const colours = lines(c).map((d) => d.borderColor);
      expect(
        lines(c)
          .map((d) => d.label)
          .sort(),
      ).toEqual(["Email", "Phone", "Web chat"]);
      expect(new Set(colours).size).toBe(colours.length);
      expect(colours.every((colour) => (OKABE_ITO as readonly unknown[]).includes(colour))).toBe(true);
      expect(bands(c)).toEqual([]);
      expect(c.named.map((i) => c.datasets[i]!.label).sort()).toEqual(["Email", "Phone", "Web chat"]);
      for (const name of ["Email", "Phone", "Web chat"]) expect(c.drawnTexts).toContain(name);
    }
    await page.getByLabel("Highlight a channel").selectOption({ label: "Email" });
    await expect.poll(() => page.url()).toContain("highlight=email");
    await expect.poll(async () => (await charts(page)).map((c) => bands(c).map((d) => d.label))).toEqual(Array(5).fill(["Email upper"]));
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("a new split replaces the datasets of the same charts: no band left from the last one", async () => {
    const { context, page, errors } = await signedIn();
    await openTrends(page, "?highlight=CLS");
    const before = await charts(page);
    // Two departments: both with their bands.
    expect(before.every((c) => bands(c).length === 2)).toBe(true);
    await page.getByRole("radio", { name: "Team" }).check();
    await expect.poll(() => page.url()).toContain("split=team");
    expect(page.url()).not.toContain("highlight=");
    await expect.poll(async () => (await charts(page)).every((c) => lines(c).length === TEAM_NAMES.length)).toBe(true);
    const after = await charts(page);
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    for (const c of after) {
      expect(c.datasets.filter((d) => d.fill !== null)).toEqual([]);
      expect(c.datasets).toHaveLength(TEAM_NAMES.length);
      expect(c.named).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("the month not over yet: the way into it dashed, its point hollow, '(partial)' in the table", async () => {
    const { context, page, errors } = await signedIn();
    // The server marks the current period `partial`; said here too, so the page is tested
    // whether or not the server it runs against does so yet.
    await page.route("**/dashboard/api/trends?**", async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { periods: { partial?: boolean }[] };
      body.periods.forEach((p, i) => (p.partial = i === body.periods.length - 1));
      await route.fulfill({ response, json: body });
    });
    await openTrends(page, "?split=department");
    const last = await page.evaluate(() => {
      type C = {
        data: {
          labels: string[];
          datasets: { data: (number | null)[]; pointBackgroundColor: string[]; segment: { borderDash(ctx: { p1DataIndex: number }): number[] | undefined } }[];
        };
      };
      const ChartJS = (window as unknown as { ChartJS: { getChart(c: HTMLCanvasElement): C } }).ChartJS;
      const chart = ChartJS.getChart(document.querySelector("canvas")!);
      const line = chart.data.datasets[0]!;
      const n = line.data.length;
      return {
        label: chart.data.labels[n - 1],
        value: line.data[n - 1],
        fills: line.pointBackgroundColor,
        into: line.segment.borderDash({ p1DataIndex: n - 1 }),
        before: line.segment.borderDash({ p1DataIndex: n - 2 }),
      };
    });
    expect(last.value).not.toBeNull();
    expect(last.fills[last.fills.length - 1]).toBe("#fff");
    expect(last.fills.slice(0, -1).includes("#fff")).toBe(false);
    expect(last.into).toEqual([5, 4]);
    expect(last.before).toBeUndefined();
    await expect(page.getByText(`The last month is not over yet`).count()).resolves.toBe(1);
    await page.getByRole("button", { name: "Show the numbers" }).first().click();
    const table = page.getByRole("table", { name: /Satisfaction \(CSAT\) by month/ });
    // A row per department for the month, and the label on no other month.
    await expect(table.getByText(`${last.label} (partial)`, { exact: true }).count()).resolves.toBe(2);
    await expect(table.getByText("(partial)").count()).resolves.toBe(2);
    await shoot(page, "department-partial");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test("on a phone: the labels fit, nothing scrolls sideways", async () => {
    const { context, page, errors } = await signedIn(390);
    await openTrends(page, "?split=team");
    await shoot(page, "team");
    await page.getByLabel("Highlight a team").selectOption({ label: "Planning and Building Control" });
    await expect.poll(async () => (await charts(page))[0]?.named.length).toBe(1);
    // A long name wraps to fit beside a phone's chart.
    const texts = (await charts(page))[0]!.drawnTexts;
    expect(texts).not.toContain("Planning and Building Control");
    expect(texts.filter((t) => /^Planning|^Building/.test(t)).length).toBe(2);
    await shoot(page, "team-highlight");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
