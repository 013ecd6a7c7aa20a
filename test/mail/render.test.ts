import { existsSync, mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { invitationMail } from "../../src/mail/templates/invitation";
import { addressHash, unsubscribeId } from "../../src/services/mail/address";
import { signatureStrip } from "../../src/mail/templates/signature";
import { CHROMIUM_PATH, launchChromium } from "../browser";
import { createTestApp, seedOrganisation } from "../helpers";
import { BROWSER_UA } from "../signature/helpers";

/*
 * The invitation and the signature strip rendered by a real browser engine, with the face
 * images served by the app, screenshotted into screenshots/ for a person to look at.
 */

const OUT = "screenshots";
const t = await createTestApp({ ORG_NAME: "Northshire County Council" });
await seedOrganisation(t);
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose requests to the public address are answered by the app itself. */
async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 700 }, userAgent: BROWSER_UA });
  await page.route("http://localhost:3000/**", async (route) => {
    const req = route.request();
    const res = await t.app.request(req.url().replace("http://localhost:3000", ""), {
      method: req.method(),
      headers: req.headers(),
      body: req.postData() ?? undefined,
    });
    await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
  });
  return page;
}

const token = "x".repeat(43);
const mail = (lang: "en" | "ar") =>
  invitationMail({
    kind: "invitation",
    lang,
    orgName: "Northshire County Council",
    baseUrl: "http://localhost:3000",
    surveyUrl: `http://localhost:3000/s/${token}`,
    unsubscribeUrl: "http://localhost:3000/unsubscribe/abc",
  });

async function facesLoaded(page: Page): Promise<number[]> {
  return page.$$eval("img", (imgs) => imgs.filter((i) => i.src.includes("/faces/")).map((i) => (i as HTMLImageElement).naturalWidth));
}

describe.skipIf(!existsSync(CHROMIUM_PATH))("rendered in Chromium", () => {
  test.each([
    ["invitation-en-desktop", "en", 800],
    ["invitation-en-phone", "en", 375],
    ["invitation-ar-phone", "ar", 375],
  ] as const)("%s: faces load, nothing overflows", async (name, lang, width) => {
    const page = await open(width);
    await page.goto("http://localhost:3000/healthz");
    await page.setContent(mail(lang).html, { waitUntil: "networkidle" });
    expect(await facesLoaded(page)).toEqual([40, 40, 40, 40, 40]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${OUT}/email-${name}.png`, fullPage: true });
    await page.close();
  });

  test("the signature strip under an email's text", async () => {
    const page = await open(700);
    await page.goto("http://localhost:3000/healthz");
    const strip = signatureStrip({ lang: "en", baseUrl: "http://localhost:3000", staffCode: "alice" });
    const body = `<div style="font-family:Calibri,Arial,sans-serif;font-size:15px;padding:16px;max-width:640px">
      <p>Dear Mr Jones,</p><p>Thank you for your enquiry about your Council Tax bill. I have updated your direct debit date to the 15th of each month.</p>
      <p>Kind regards,</p><p style="margin:0"><b>Alice Adams</b><br>Customer Services Adviser, Contact Centre<br>Northshire County Council</p>
      ${strip.html}<p style="color:#555;font-size:12px">${strip.text}</p></div>`;
    await page.setContent(body, { waitUntil: "networkidle" });
    expect(await facesLoaded(page)).toEqual([40, 40, 40, 40, 40]);
    await page.screenshot({ path: `${OUT}/signature-strip.png`, fullPage: true });
    await page.close();
  });

  test.each([
    ["confirm-page", "/r/alice/4", 800],
    ["confirm-page-phone", "/r/alice/2?lang=ar", 375],
    ["choose-page", "/r/alice", 800],
    ["unsubscribe-page", `/unsubscribe/${unsubscribeId(addressHash("someone@example.org", t.config.TOKEN_PEPPER), t.config.SESSION_SECRET)}`, 800],
  ])("%s", async (name, path, width) => {
    const page = await open(width);
    await page.goto(`http://localhost:3000${path}`, { waitUntil: "networkidle" });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    await page.close();
  });
});
