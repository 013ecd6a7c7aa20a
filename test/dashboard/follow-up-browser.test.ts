import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { projectPath } from "../../src/paths";
import { addSafeguardingPhrase } from "../../src/services/follow-ups/safeguarding-phrases";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { createUser } from "../../src/services/users";
import { createUrlModel, routeOf } from "../../web/src/models/url";
import { dueText, eventDetailText, highlight, reasonText } from "../../web/src/pages/follow-up/wording";
import { axeViolations, describeViolations } from "../a11y/axe";
import { ensureDashboardBuilt, launchChromium, screenshotPage, signInToDashboard } from "../browser";
import { createTestApp, type TestApp } from "../helpers";
import { addLowScore, PASSWORD, seedDashboard } from "./seed";

/**
 * The Follow-up page in Chromium: the case list, one case, and the settings that open cases.
 * The wording helpers the page uses are tested first, without a browser.
 */

describe("how a case reads", () => {
  test.each([
    [{ rule: "low_csat", words: [] }, { csat: 1, csi: 2 }, "CSAT 1"],
    [{ rule: "low_csi", words: [] }, { csat: 3, csi: 2 }, "CSI 2"],
    [{ rule: "not_resolved", words: [] }, { csat: 3, csi: null }, "Not resolved (CSAT 3)"],
    [{ rule: "contact_requested", words: [] }, { csat: null, csi: null }, "Asked to be contacted"],
    [{ rule: "safeguarding", words: ["ending my life"] }, { csat: 4, csi: 4 }, "Safeguarding: ‘ending my life’"],
    [{ rule: "safeguarding", words: ["hurt me", "scared"] }, { csat: null, csi: null }, "Safeguarding: ‘hurt me’, ‘scared’"],
    [{ rule: "low_csat", words: [] }, { csat: null, csi: null }, "Low CSAT"],
  ] as const)("%j with %j reads %j", (reason, scores, text) => {
    expect(reasonText(reason, scores)).toBe(text);
  });

  test.each([
    [
      { status: "open", nextDue: "2026-12-10", overdue: false },
      { text: "Acknowledge by 10 Dec", step: null, overdue: false },
    ],
    [
      { status: "acknowledged", nextDue: "2026-12-24", overdue: false },
      { text: "Respond by 24 Dec", step: null, overdue: false },
    ],
    [
      { status: "open", nextDue: "2026-12-03", overdue: true },
      { text: "Overdue since 3 Dec", step: "to acknowledge", overdue: true },
    ],
    [
      { status: "acknowledged", nextDue: "2027-01-04", overdue: true },
      { text: "Overdue since 4 Jan", step: "to respond", overdue: true },
    ],
    [
      { status: "responded", nextDue: null, overdue: false },
      { text: "No date: close when done", step: null, overdue: false },
    ],
    [
      { status: "closed", nextDue: null, overdue: false },
      { text: "Closed", step: null, overdue: false },
    ],
  ] as const)("due: %j", (c, expected) => {
    expect(dueText(c)).toEqual(expected);
  });

  test("matched words are marked in any letter case, the longest phrase first", () => {
    expect(highlight("I keep thinking about Ending My Life. My life is hard.", ["ending my life", "life"])).toEqual([
      { text: "I keep thinking about ", match: false },
      { text: "Ending My Life", match: true },
      { text: ". My ", match: false },
      { text: "life", match: true },
      { text: " is hard.", match: false },
    ]);
    expect(highlight("a (b) c", ["(b)"])).toEqual([
      { text: "a ", match: false },
      { text: "(b)", match: true },
      { text: " c", match: false },
    ]);
    expect(highlight("nothing here", [])).toEqual([{ text: "nothing here", match: false }]);
  });

  const who = (id: number) => (id === 7 ? "manager@council.example" : `user ${id}`);
  test.each([
    ["opened", { ownerId: 7 }, "Given to manager@council.example."],
    ["opened", { ownerId: null }, null],
    ["owner_changed", { from: 7, to: 9 }, "Now user 9, was manager@council.example."],
    ["owner_changed", { from: 7, to: null }, "Now nobody, was manager@council.example."],
    [
      "reasons_changed",
      {
        before: [],
        after: [
          { rule: "low_csat", words: [] },
          { rule: "safeguarding", words: ["hurt me"] },
        ],
      },
      "Now: Low CSAT; Safeguarding: ‘hurt me’.",
    ],
    ["reasons_changed", { after: "not reasons" }, null],
    ["escalated", { step: "respond", directors: [3] }, "The date to respond had passed; the department's director was told."],
    ["contact_deleted", { why: "closed" }, "Deleted when the case closed, as the customer was told."],
    ["acknowledged", { apiKey: "CRM" }, "Through the API key “CRM”."],
    ["note", null, null],
  ] as const)("history detail of %s %j reads %j", (kind, detail, text) => {
    expect(eventDetailText(kind, detail, who)).toBe(text);
  });

  test.each([
    ["/dashboard/follow-up", { page: "follow-up", item: null }],
    ["/dashboard/follow-up/42", { page: "follow-up", item: "42" }],
    ["/dashboard/follow-up/42/", { page: "follow-up", item: "42" }],
    ["/dashboard/trends/42", { page: "", item: null }],
    ["/dashboard/follow-up/42/more", { page: "", item: null }],
    ["/dashboard/follow-up/%E0%A4%A", { page: "follow-up", item: "%E0%A4%A" }],
  ])("%s is %j", (path, route) => {
    expect(routeOf(path)).toEqual(route);
  });

  test("a case keeps the list's filters, so going back shows the same list", () => {
    const m = createUrlModel({ pathname: "/dashboard/follow-up", search: "?status=open&sort=opened&page=2" });
    expect(m.itemHref("7")).toBe("/dashboard/follow-up/7?page=2&sort=opened&status=open");
    m.openItem("7");
    expect([m.page.value, m.item.value]).toEqual(["follow-up", "7"]);
    expect(m.listHref()).toBe("/dashboard/follow-up?page=2&sort=opened&status=open");
    m.closeItem();
    expect([m.page.value, m.item.value, m.query.value]).toEqual(["follow-up", null, { status: "open", sort: "opened", page: "2" }]);
    m.navigate("trends");
    expect(m.item.value).toBe(null);
  });
});

const SHOTS = projectPath("screenshots");
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;
let safeguardingCase: number;

beforeAll(async () => {
  await ensureDashboardBuilt();
  // Low scores open cases as they are recorded: those of a fortnight ago are past the date to acknowledge them.
  t = await createTestApp({}, "2026-02-16T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 30 });
  await addLowScore(t.ctx, "CONTACT", "CRM-0901");
  await addLowScore(t.ctx, "CONTACT", "CRM-0902", "I was promised a call back and never got one");
  t.clock.set("2026-03-02T09:00:00Z");
  await addLowScore(t.ctx, "CONTACT", "CRM-1001");
  // A safeguarding concern in the Contact Centre, from a customer who asked to be called.
  await addSafeguardingPhrase(t.ctx, { category: "suicide_self_harm", language: "en", phrase: "ending my life" }, 1);
  const r = await registerInteraction(
    t.ctx,
    { channel: "phone", team: "CONTACT", service: "council-tax", occurredAt: t.clock.now() - DAY / 2, language: "en", externalRef: "CRM-2002" },
    "demo",
  );
  const answered = await recordResponse(t.ctx, {
    interactionId: r.id,
    csat: 2,
    ces: 3,
    csi: 1,
    fcr: "no",
    comment: "The arrears letters have me thinking about ending my life",
    language: "en",
    confirmedVia: "demo",
    contactRequest: {
      email: "resident@example.org",
      phone: "07700 900123",
      message: "Please ring after 5pm",
      consentText: "You may contact me about my answer.",
    },
  });
  safeguardingCase = (await caseOfResponse(answered.id))!;
  // A second manager of the team, who does not own the case.
  await createUser(t.ctx, { email: "deputy@council.example", role: "manager", team: "CONTACT", password: PASSWORD });
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

async function caseOfResponse(responseId: number): Promise<number | undefined> {
  const { followUpCases } = await import("../../src/db/schema");
  const { eq } = await import("drizzle-orm");
  const [row] = await t.db.read.select({ id: followUpCases.id }).from(followUpCases).where(eq(followUpCases.responseId, responseId));
  return row?.id;
}

const signedIn = (email: string, width = 1280) => signInToDashboard(browser, base, { email, width, ignoreConsole: /status of 409/ });

async function expectAccessible(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => v.id),
    describeViolations(where, violations),
  ).toEqual([]);
}

/** Full-page screenshots at desktop and phone widths (at most 2,400 px tall). */
async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await screenshotPage(page, `${SHOTS}/dashboard-${name}-${width === 390 ? "phone" : "desktop"}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("the Follow-up page in Chromium", () => {
  test("a manager sees the case list, opens a case, acknowledges it with a note and sees it in the history", async () => {
    const { context, page, errors } = await signedIn("manager@council.example");
    // The urgent case heads the Overview until it is acknowledged.
    const urgent = page.getByTestId("urgent-cases");
    await urgent.waitFor();
    await expect(urgent.textContent()).resolves.toContain("Urgent: 1 safeguarding concern not yet acknowledged");
    await expect(urgent.getByRole("link").textContent()).resolves.toBe(`Case ${safeguardingCase}`);
    await shoot(page, "overview-urgent");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Follow-up" }).click();
    await page.getByRole("heading", { level: 1, name: "Follow-up" }).waitFor();
    const table = page.getByRole("table", { name: /Follow-up cases/ });
    await table.waitFor();

    // Only the manager's own team; the urgent safeguarding case first, in words, not colour alone.
    const teams = await table.locator("tbody td[data-label=Team]").allTextContents();
    expect(teams.length).toBeGreaterThan(0);
    expect(new Set(teams)).toEqual(new Set(["Contact Centre"]));
    const first = table.locator("tbody tr").first();
    await expect(first.textContent()).resolves.toContain(`Case ${safeguardingCase}`);
    await expect(first.locator("td[data-label=Priority]").textContent()).resolves.toBe("Urgent");
    await expect(first.locator("td[data-label=Reasons]").textContent()).resolves.toContain("Safeguarding: ‘ending my life’");
    await expect(page.getByTestId("count-urgent").locator(".big").textContent()).resolves.toBe("1");
    // Older low scores are past their dates: said in words, in red.
    const overdue = table.locator(".overdue").first();
    await expect(overdue.textContent()).resolves.toMatch(/Overdue since \d{1,2} [A-Z][a-z]{2}/);
    expect(await overdue.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(153, 27, 27)");
    await expectAccessible(page, "case list");

    // Filters go into the URL: overdue only.
    await page.getByLabel("Overdue only").check();
    await expect.poll(() => page.url()).toContain("overdue=true");
    // The list follows once the new answer is in: every row overdue, and the urgent case (due today) gone.
    const dues = () => table.locator("td[data-label='Next due']").allTextContents();
    await expect.poll(async () => (await dues()).every((d) => d.includes("Overdue since"))).toBe(true);
    expect((await dues()).length).toBeGreaterThan(0);
    await page.getByLabel("Overdue only").uncheck();
    await expect.poll(() => page.url()).not.toContain("overdue=true");
    await shoot(page, "follow-up-cases");

    // Open the urgent case.
    await table.getByRole("link", { name: `Case ${safeguardingCase}` }).click();
    await page.getByRole("heading", { level: 1, name: `Follow-up case ${safeguardingCase}` }).waitFor();
    await expect.poll(() => page.url()).toContain(`/dashboard/follow-up/${safeguardingCase}`);
    await expect(page.locator("mark").first().textContent()).resolves.toBe("ending my life");
    await expect(page.getByRole("region", { name: "The response" }).textContent()).resolves.toContain("CRM-2002");
    // The team's manager owns the case from the start, so sees how the customer asked to be contacted.
    await expect(page.getByRole("region", { name: "Contact request" }).textContent()).resolves.toContain("07700 900123");
    await expectAccessible(page, "case page");

    await page.getByLabel("Note (optional)").fill("Called the customer's GP surgery as agreed; safeguarding lead informed.");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => page.locator("#case-notice").textContent()).toContain("Acknowledged.");
    // The pressed button has gone; focus is on the outcome, not lost on the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("case-notice");
    expect(await page.getByRole("button", { name: "Acknowledge" }).count()).toBe(0);
    const latest = page
      .getByRole("list", { name: /^History/ })
      .locator("li")
      .first();
    await expect(latest.textContent()).resolves.toMatch(/Acknowledged by manager@council\.example/);
    await expect(latest.textContent()).resolves.toContain("Called the customer's GP surgery as agreed; safeguarding lead informed.");
    await expect(page.getByRole("region", { name: "Status" }).textContent()).resolves.toMatch(/Acknowledged.*Respond by/);

    await shoot(page, "follow-up-case");

    // Back to the list as it was.
    await page.getByRole("link", { name: "All follow-up cases" }).click();
    await page.getByRole("heading", { level: 1, name: "Follow-up" }).waitFor();
    // Acknowledged, it no longer jumps the queue: it takes its place by the date to respond.
    const row = table.locator("tbody tr", { has: page.getByRole("link", { name: `Case ${safeguardingCase}`, exact: true }) });
    await expect(row.locator("th").textContent()).resolves.toContain("Acknowledged");
    await expect(table.locator("tbody tr").first().textContent()).resolves.not.toContain(`Case ${safeguardingCase}`);
    // And it has left the Overview.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
    await page.getByTestId("follow-up-standard").waitFor();
    await expect.poll(() => page.getByTestId("urgent-cases").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  test("another manager of the team sees that there are contact details, and sees them once the case is theirs", async () => {
    const { context, page, errors } = await signedIn("deputy@council.example");
    await page.goto(`${base}/dashboard/follow-up/${safeguardingCase}`);
    const contact = page.getByRole("region", { name: "Contact request" });
    await expect(contact.textContent()).resolves.toContain(
      "The customer left contact details; only the case's owner, directors and administrators can see them",
    );
    await page.getByLabel("Assign to").selectOption({ label: "deputy@council.example (manager)" });
    await page.getByRole("button", { name: "Assign" }).click();
    await expect.poll(() => page.locator("#case-notice").textContent()).toContain("Assigned to deputy@council.example.");
    await expect.poll(() => contact.textContent()).toContain("07700 900123");
    await expect(
      page
        .getByRole("list", { name: /^History/ })
        .locator("li")
        .first()
        .textContent(),
    ).resolves.toMatch(/Owner changed by deputy@council\.example.*Now deputy@council\.example, was manager@council\.example/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("a step out of order shows the server's refusal, and the case as it now is", async () => {
    const { context, page } = await signedIn("director@council.example");
    const id = await page.evaluate(async () => {
      const list = (await (await fetch("/dashboard/api/follow-ups?priority=normal&status=open")).json()) as { items: { id: number }[] };
      return list.items[0]!.id;
    });
    await page.goto(`${base}/dashboard/follow-up/${id}`);
    await page.getByRole("button", { name: "Acknowledge" }).waitFor();
    // Someone else closes it meanwhile.
    const closed = await page.evaluate(async (caseId) => {
      const me = (await (await fetch("/dashboard/api/me")).json()) as { csrfToken: string };
      const res = await fetch(`/dashboard/api/follow-ups/${caseId}/close`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrfToken },
        body: "{}",
      });
      return res.status;
    }, id);
    expect(closed).toBe(200);
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => page.locator("#case-notice .error").textContent()).toContain("closed");
    await expect.poll(() => page.getByRole("button", { name: "Acknowledge" }).count()).toBe(0);
    await expect(page.getByRole("region", { name: "Status" }).textContent()).resolves.toContain("Closed");
    await context.close();
  });

  test("at phone width the list is a column of cards and nothing scrolls sideways", async () => {
    const { context, page, errors } = await signedIn("director@council.example", 390);
    await page.goto(`${base}/dashboard/follow-up`);
    const row = page.locator("table.cases tbody tr").first();
    await row.waitFor();
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
    await expect(row.locator("td[data-label=Team]").evaluate((el) => getComputedStyle(el, "::before").content)).resolves.toBe('"Team"');
    await page.setViewportSize({ width: 320, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await row.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /^Follow-up case / }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("an administrator changes the follow-up rules and adds and deletes a safeguarding phrase", async () => {
    const { context, page, errors } = await signedIn("admin@council.example");
    page.on("dialog", (d) => void d.accept());
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
    const rules = page.getByRole("region", { name: "Follow-up rules" });
    await rules.getByLabel("Satisfaction (CSAT) at or below").waitFor();
    await rules.getByLabel("Satisfaction (CSAT) at or below").selectOption("1");
    await rules.getByLabel("or a request from the customer to be contacted").uncheck();
    await rules.getByRole("button", { name: "Save the rules" }).click();
    await expect.poll(() => rules.getByRole("status").textContent()).toContain("Saved the follow-up rules");
    const saved = await page.evaluate(async () => (await fetch("/dashboard/api/settings/follow-up-rules")).json());
    expect(saved).toMatchObject({ csatAtMost: 1, onContactRequest: false });

    const phrases = page.getByRole("region", { name: "Safeguarding phrases", exact: true });
    await phrases.getByRole("rowheader", { name: "ending my life" }).waitFor();
    await phrases.getByRole("button", { name: "Add a phrase" }).click();
    const form = page.getByRole("form", { name: "Add a safeguarding phrase" });
    await form.getByLabel("Concern").selectOption("threat");
    await form.getByLabel("Word or phrase").fill("burn the office down");
    await form.getByRole("button", { name: "Add the phrase" }).click();
    await phrases.getByRole("rowheader", { name: "burn the office down" }).waitFor();
    await expect(phrases.getByRole("status").textContent()).resolves.toContain("Added ‘burn the office down’");
    await expectAccessible(page, "settings, follow-up sections");
    await page.locator("#set-followUpRules").scrollIntoViewIfNeeded();
    await rules.screenshot({ path: `${SHOTS}/dashboard-settings-follow-up-rules-desktop.png` });
    await phrases.screenshot({ path: `${SHOTS}/dashboard-settings-safeguarding-desktop.png` });

    await phrases.getByRole("button", { name: "Delete ‘burn the office down’" }).click();
    await expect.poll(() => phrases.getByRole("rowheader", { name: "burn the office down" }).count()).toBe(0);
    await expect(phrases.getByRole("status").textContent()).resolves.toContain("Deleted ‘burn the office down’");
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
