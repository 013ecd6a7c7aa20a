import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectPath } from "../src/paths";
import { WEB_DIST } from "../src/routes/dashboard/static";
import { PASSWORD } from "./dashboard/seed";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Debian's Chromium, headless, as the tests of pages and emails drive it (`.ci/run` installs it). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Builds the dashboard into web/dist unless `npm install` already did (its prepare script). */
export async function ensureDashboardBuilt(): Promise<void> {
  if (existsSync(`${WEB_DIST}/index.html`)) return;
  const { build } = await import("vite");
  await build({ configFile: projectPath("vite.config.ts"), logLevel: "warn" });
}

export type SignedIn = { context: BrowserContext; page: Page; errors: string[] };

export type SignInOptions = {
  /** A user seedDashboard made (all share its password). */
  email?: string;
  /** The viewport's width; below 600 px it is a phone's, 844 px tall, else 900 px tall. */
  width?: number;
  /** Console errors the test expects, such as the 409 of a refusal the page then shows. */
  ignoreConsole?: RegExp;
  acceptDownloads?: boolean;
};

/**
 * A browser context of its own, signed in to the dashboard served at `base` and showing the
 * Overview. `errors` collects what the page throws and logs as an error, for a test to expect
 * none of.
 */
export async function signInToDashboard(
  browser: Browser,
  base: string,
  { email = "director@council.example", width = 1280, ignoreConsole, acceptDownloads }: SignInOptions = {},
): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, acceptDownloads });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !ignoreConsole?.test(m.text()) && errors.push(`${m.text()} ${m.location().url}`));
  await page.goto(`${base}/dashboard/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  return { context, page, errors };
}

/**
 * The whole page at the viewport's width, at most 2,400 px of it, once a moment has let the
 * charts' animations finish. For a person to look at: it asserts nothing.
 */
export async function screenshotPage(page: Page, path: string): Promise<void> {
  await page.waitForTimeout(150);
  const { width } = page.viewportSize()!;
  const height = Math.min(2400, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
}
