import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { projectPath } from "../src/paths";
import { WEB_DIST } from "../src/routes/dashboard/static";

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
