import { serve, type ServerType } from "@hono/node-server";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signatureForStaff } from "../../src/services/signature/signature-for-staff";
import { CHROMIUM_PATH, launchChromium } from "../browser";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * The signature strip and the invitation are shown on pages that are not the platform's: a
 * mail client, a saved .html file, a webmail. Their face images must load there too.
 */

let t: TestApp;
let server: ServerType;
let browser: Browser | undefined;
const folder = mkdtempSync(join(tmpdir(), "faces-off-site-"));

beforeAll(async () => {
  // A real server on loopback; the app is made once its port (the public address) is known.
  let app: TestApp["app"] | undefined;
  server = serve({ fetch: (req) => app!.fetch(req), port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  t = await createTestApp({ PUBLIC_BASE_URL: `http://127.0.0.1:${port}` });
  app = t.app;
  await seedOrganisation(t);
  if (existsSync(CHROMIUM_PATH)) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

describe("face images", () => {
  test("may be shown by other sites and are cached for a year", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      const res = await t.app.request(`/faces/${n}.png`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
    // Everything else keeps the app's same-origin default.
    expect((await t.app.request("/healthz")).headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect((await t.app.request("/faces/6.png")).status).toBe(404);
  });

  test.skipIf(!existsSync(CHROMIUM_PATH))("load in the signature strip opened from a file, off the platform's address", async () => {
    const strip = await signatureForStaff(t.ctx, "alice");
    const file = join(folder, "signature.html");
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><title>Signature</title><p>Kind regards,</p>${strip.html}`);
    const page = await browser!.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "networkidle" });
    const widths = await page.$$eval("img", (imgs) => imgs.map((i) => [i.getAttribute("src"), (i as HTMLImageElement).naturalWidth] as const));
    expect(widths).toEqual([1, 2, 3, 4, 5].map((n) => [`${t.config.PUBLIC_BASE_URL}/faces/${n}.png`, 40]));
    await page.close();
  });
});
