import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { registerInteraction } from "../../src/services/register-interaction";
import { launchChromium } from "../browser";
import { surveyApp } from "./support";

/**
 * The survey from a link to a stored response in a real browser with JavaScript off, over a
 * real socket. Screenshots go to screenshots/ for a person to look at (they assert nothing).
 */
const SHOTS = "screenshots";
let t: Awaited<ReturnType<typeof surveyApp>>;
let server: ServerType;
let base = "";
let browser: Browser;

beforeAll(async () => {
  t = await surveyApp();
  mkdirSync(SHOTS, { recursive: true });
  await new Promise<void>((ready) => {
    server = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => {
      base = `http://127.0.0.1:${info.port}`;
      ready();
    });
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

test("a customer with JavaScript off confirms a face from an email, answers the rest and is thanked", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(`${base}${t.path}?csat=5`);
  expect(await page.locator("#csat-5").isChecked()).toBe(true);
  await page.screenshot({ path: `${SHOTS}/survey-desktop.png`, fullPage: true });

  await page.getByRole("radio", { name: "Agree", exact: true }).check();
  await page.getByRole("radio", { name: "Happy", exact: true }).check();
  await page.getByRole("radio", { name: "Yes", exact: true }).check();
  await page
    .getByRole("textbox", { name: "Is there anything else you would like to tell us? (optional)" })
    .fill("Quick and friendly.\nCall 07700 900123 if needed.");
  await page.getByRole("button", { name: "Send my answers" }).click();

  await expect.poll(() => page.url()).toBe(`${base}${t.path}/thanks?lang=en`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Thank you for your feedback");
  await page.screenshot({ path: `${SHOTS}/survey-thanks.png`, fullPage: true });

  const rows = await t.storedResponses();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ csat: 5, ces: 6, csi: 4, fcr: "yes", confirmedVia: "form", language: "en" });
  expect(rows[0]?.comment).toMatch(/^Quick and friendly\.\nCall \[phone\] if needed\.$/);

  // Back to change the answers: the saved ones are shown, and the change replaces them.
  await page.getByRole("link", { name: "Change my answers" }).click();
  expect(await page.locator("#ces-6").isChecked()).toBe(true);
  await page.getByRole("radio", { name: "Satisfied", exact: true }).check();
  await page.getByRole("button", { name: "Save my changes" }).click();
  await expect.poll(() => page.url()).toBe(`${base}${t.path}/thanks?lang=en`);
  expect(await t.storedResponses()).toHaveLength(1);
  expect((await t.storedResponses())[0]?.csat).toBe(4);
  await context.close();
});

test("screenshots: phone, Arabic, 200% zoom, errors", async () => {
  // A second, unanswered link, so the pages show the survey as a customer first sees it.
  const fresh = await registerInteraction(t.ctx, { channel: "phone", team: "CONTACT", occurredAt: t.clock.now(), language: "en" });
  const path = `/s/${fresh.token}`;
  const phone = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const p1 = await phone.newPage();
  await p1.goto(`${base}${path}?lang=pl&csat=2`);
  await p1.screenshot({ path: `${SHOTS}/survey-phone.png`, fullPage: true });
  // Nothing may force sideways scrolling on a phone (WCAG 1.4.10 reflow).
  expect(await p1.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Keyboard focus must be visible: tab past the five language links to the chosen face.
  for (let i = 0; i < 6; i++) await p1.keyboard.press("Tab");
  expect(await p1.evaluate(() => document.activeElement?.id)).toBe("csat-2");
  await p1.screenshot({ path: `${SHOTS}/survey-focus.png` });
  await p1.goto(`${base}${path}?lang=ar`);
  await p1.screenshot({ path: `${SHOTS}/survey-arabic-phone.png`, fullPage: true });
  await phone.close();

  const desktop = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const p2 = await desktop.newPage();
  await p2.goto(`${base}${path}?lang=ar`);
  expect(await p2.getAttribute("html", "dir")).toBe("rtl");
  await p2.screenshot({ path: `${SHOTS}/survey-arabic.png`, fullPage: true });
  await p2.goto(`${base}/s/not-a-valid-link`);
  await p2.screenshot({ path: `${SHOTS}/survey-invalid-link.png`, fullPage: true });
  // A refused answer, as the page shows it (posted outside the browser: the form cannot send it).
  const refused = await t.submit({ csat: "9", comment: "x".repeat(2001) });
  expect(refused.status).toBe(400);
  await p2.setContent(await refused.text());
  await p2.screenshot({ path: `${SHOTS}/survey-errors.png`, fullPage: true });
  await desktop.close();

  // 200% zoom on a 1280-wide window is a 640 CSS-pixel layout drawn at twice the size.
  const zoomed = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const p3 = await zoomed.newPage();
  await p3.goto(`${base}${path}?lang=cy`);
  expect(await p3.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  await p3.screenshot({ path: `${SHOTS}/survey-zoom-200.png`, fullPage: true });
  await zoomed.close();
});

test("a customer with JavaScript off asks to be contacted, corrects a mistake shown beside its field, and is thanked", async () => {
  const fresh = await registerInteraction(t.ctx, { channel: "email", team: "CONTACT", occurredAt: t.clock.now(), language: "en" });
  const path = `/s/${fresh.token}`;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  await page.goto(`${base}${path}?csat=2`);
  const wanted = page.getByRole("checkbox", { name: "I would like someone to contact me about this" });
  expect(await wanted.isChecked()).toBe(false);
  await wanted.check();
  const email = page.getByRole("textbox", { name: "Email address" });
  const message = page.getByRole("textbox", { name: "What would you like to talk about? (optional)" });
  await email.fill("jo.bloggs.example.com");
  await message.fill("My bin was missed twice.");
  await page.getByRole("button", { name: "Send my answers" }).click();

  // Refused: the error is in the summary and beside the field; what was typed is still there.
  const error = "Enter an email address in the correct format, like name@example.com";
  await page.getByRole("alert").getByRole("link", { name: error }).waitFor();
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator("#contactEmail-error").textContent()).toBe(error);
  expect(await wanted.isChecked()).toBe(true);
  expect(await email.inputValue()).toBe("jo.bloggs.example.com");
  expect(await message.inputValue()).toBe("My bin was missed twice.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.locator("#contact-group").screenshot({ path: `${SHOTS}/survey-contact-errors-phone.png` });

  await email.fill("jo.bloggs@example.com");
  await page.getByRole("textbox", { name: "Phone number" }).fill("07700 900 982");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect.poll(() => page.url()).toBe(`${base}${path}/thanks?lang=en`);
  await context.close();
});
