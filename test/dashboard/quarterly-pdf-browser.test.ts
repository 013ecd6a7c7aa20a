import { mkdirSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { inflateSync } from "node:zlib";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { projectPath } from "../../src/paths";
import { createUser } from "../../src/services/users";
import { ensureDashboardBuilt, launchChromium, signInToDashboard } from "../browser";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { addLowScore, PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

/**
 * The quarterly report printed by the server: Chromium opens the Report page with the viewer's
 * session and prints it to A4. Follow-up cases opened on 25 March 2026 (2025/26 Q4); today is
 * Friday 10 April 2026, so the report's default is Q4, compared with Q3.
 */

const SHOTS = projectPath("screenshots");
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;
let director: { cookie: string };
let manager: { cookie: string };

/**
 * The pages of a PDF as Chromium writes it (no object streams): each page's size in points and
 * the text-showing operators in its content streams, which Chromium compresses with Flate.
 */
function pdfPages(pdf: Buffer): { width: number; height: number; textRuns: number }[] {
  const text = pdf.toString("latin1");
  const objects = new Map<string, { head: string; streamAt: number }>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const from = m.index! + m[0].length;
    const end = text.indexOf("endobj", from);
    const stream = /stream\r?\n/.exec(text.slice(from, end));
    objects.set(m[1]!, { head: text.slice(from, stream ? from + stream.index : end), streamAt: stream ? from + stream.index + stream[0].length : -1 });
  }
  const streamOf = (id: string) => {
    const o = objects.get(id)!;
    const raw = pdf.subarray(o.streamAt, o.streamAt + Number(/\/Length (\d+)/.exec(o.head)![1]));
    return (/FlateDecode/.test(o.head) ? inflateSync(raw) : raw).toString("latin1");
  };
  return [...objects.values()]
    .filter((o) => /\/Type\s*\/Page\b(?!s)/.test(o.head))
    .map((o) => {
      const [, , , width, height] = /\/MediaBox\s*\[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]/.exec(o.head)!.map(Number);
      const refs = [.../\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(o.head)![1]!.matchAll(/(\d+) 0 R/g)].map((r) => r[1]!);
      const content = refs.map(streamOf).join("\n");
      return { width: width!, height: height!, textRuns: (content.match(/\b(TJ|Tj)\b/g) ?? []).length };
    });
}

async function pdfOf(who: { cookie: string }, query = "") {
  return fetch(`${base}/dashboard/api/report/quarterly.pdf${query}`, { headers: { Cookie: who.cookie } });
}

beforeAll(async () => {
  await ensureDashboardBuilt();
  t = await createTestApp({}, "2026-03-25T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 175 });
  // Low scores open follow-up cases today, in Q4; two more from the phone.
  await addLowScore(t.ctx, "CONTACT", "CRM-2001");
  await addLowScore(t.ctx, "WASTE", "CRM-2002");
  t.clock.set("2026-04-10T09:00:00Z");
  server = serve({ fetch: t.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("the PDF made by the server", () => {
  test("is an A4 PDF of the last complete quarter, named for it: the summary, then a page per department, none near-empty", async () => {
    const res = await pdfOf(director);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="quarterly-report-2025-26-Q4.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    writeFileSync(`${SHOTS}/quarterly-report.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // A4: 210 × 297 mm, 595 × 842 points.
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    // Chromium shows text a word or a few glyphs at a time: a full page is over a thousand runs,
    // the footer about fifty, a heading and a line under it another hundred or so.
    for (const [i, p] of pages.entries()) expect(p.textRuns, `page ${i + 1}`).toBeGreaterThan(300);
  }, 60_000);

  test("the quarter under way is named partial on the page; a manager's PDF covers their team", async () => {
    const res = await pdfOf(manager, "?quarter=2026-04-02");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="quarterly-report-2026-27-Q1.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    writeFileSync(`${SHOTS}/quarterly-report-partial-manager.pdf`, pdf);
    expect(pdfPages(pdf).length).toBeGreaterThanOrEqual(2);
    // Naming another team is refused before any browser starts.
    expect((await pdfOf(manager, "?team=WASTE")).status).toBe(403);
  }, 60_000);

  test("needs a session", async () => {
    expect((await fetch(`${base}/dashboard/api/report/quarterly.pdf`)).status).toBe(401);
  });

  test("without Chromium: 503 and why", async () => {
    const other = await createTestApp({ CHROMIUM_PATH: "/nonexistent/chromium" });
    await seedOrganisation(other);
    await createUser(other.ctx, { email: "d@council.example", role: "director", password: PASSWORD });
    const s = await signIn(other.app, "d@council.example", PASSWORD);
    const res = await other.app.request("/dashboard/api/report/quarterly.pdf", { headers: { Cookie: s.cookie } });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      error: { code: "pdf_unavailable", message: expect.stringContaining("PDF export needs Chromium at CHROMIUM_PATH") },
    });
  });
});

describe("the Report page", () => {
  async function open(width: number, query = ""): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await signInToDashboard(browser, base, { width });
    await page.goto(`${base}/dashboard/report${query}`);
    await page.locator(".report[data-ready]").waitFor({ state: "attached" });
    return { page, errors };
  }

  test("opens on the last complete quarter, the summary first; the Download PDF link carries the quarter", async () => {
    const { page, errors } = await open(1440);
    await expect(page.locator(".report h2").textContent()).resolves.toBe("Our Council: customer satisfaction, 2025/26 Q4");
    const summary = page.getByRole("region", { name: "Executive summary" });
    await expect(summary.getByRole("table", { name: "All departments: measures in 2025/26 Q4" }).isVisible()).resolves.toBe(true);
    await expect(summary.textContent()).resolves.toContain("Acknowledged in time");
    await expect(page.getByRole("link", { name: "Download PDF" }).getAttribute("href")).resolves.toBe("/dashboard/api/report/quarterly.pdf?quarter=2026-01-01");
    await page.screenshot({ path: `${SHOTS}/report-desktop.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  test("the quarter under way says it is partial, to today, and compares nothing", async () => {
    const { page } = await open(390, "?quarter=2026-04-02");
    await expect(page.locator(".report h2").textContent()).resolves.toBe("Our Council: customer satisfaction, 2026/27 Q1 (partial: to 10 April 2026)");
    await expect(page.locator(".report-partial").textContent()).resolves.toContain("2026/27 Q1 is not over.");
    const changes = await page.getByRole("table", { name: "All departments: measures in 2026/27 Q1" }).locator("tbody tr td:nth-child(4)").allTextContents();
    expect(new Set(changes)).toEqual(new Set(["not compared: quarter not over"]));
    await page.screenshot({ path: `${SHOTS}/report-phone-partial.png`, fullPage: true });
  });
});
