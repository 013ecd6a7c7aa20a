import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MINUTE } from "../../src/clock";
import { emailAddressState, responses, suspectedClicks } from "../../src/db/schema";
import { suspectedClicksPerDay } from "../../src/db/queries/suspected-clicks";
import { signatureStrip } from "../../src/mail/templates/signature";
import { mailSetup } from "../mail/helpers";
import { startSmtp, type SmtpFixture } from "../mail/smtp-server";
import { BROWSER_UA, confirmForm, formBody } from "./helpers";

/*
 * Mail security services opening every link of a message on delivery, against the real
 * server over HTTP: Microsoft Safe Links (sometimes a browser's user agent, sometimes
 * "Microsoft Office"), Mimecast (HEAD first), Proofpoint URL Defense (an HTTP library,
 * following redirects) and Barracuda (its own agent). None of it may become an answer.
 */

const SCANNERS: { name: string; userAgent: string; head: boolean }[] = [
  { name: "Safe Links (browser agent)", userAgent: BROWSER_UA.replace("Edg/126.0.0.0", ""), head: false },
  { name: "Safe Links (Office agent)", userAgent: "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)", head: false },
  { name: "Mimecast", userAgent: "Mozilla/5.0 (compatible; Mimecast URL Protect)", head: true },
  { name: "Proofpoint", userAgent: "python-requests/2.31.0", head: true },
  { name: "Barracuda", userAgent: "Mozilla/5.0 (compatible; Barracuda Sentinel)", head: false },
];

let smtp: SmtpFixture;
let m: Awaited<ReturnType<typeof mailSetup>>;
let server: ServerType;
let base: string;

beforeAll(async () => {
  smtp = await startSmtp();
  m = await mailSetup(smtp);
  server = serve({ fetch: m.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await smtp.stop();
});

/** Every link and image of a message, pointed at the running server. */
function linksOf(html: string): string[] {
  const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((x) => x[1]!.replace(/&amp;/g, "&"));
  return [...new Set(urls)].map((u) => u.replace("http://localhost:3000", base));
}

async function scan(urls: string[], scanner: (typeof SCANNERS)[number]): Promise<number[]> {
  const statuses: number[] = [];
  for (const url of urls) {
    if (scanner.head) statuses.push((await fetch(url, { method: "HEAD", headers: { "User-Agent": scanner.userAgent } })).status);
    const res = await fetch(url, { redirect: "follow", headers: { "User-Agent": scanner.userAgent, Accept: "text/html,*/*" } });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

describe("link scanners", () => {
  test("scanning a signature strip and an invitation on delivery records no answer; a person afterwards records exactly one", async () => {
    // A staff member's email with the strip, and an invitation email from the outbox.
    const strip = signatureStrip({ lang: "en", baseUrl: "http://localhost:3000", staffCode: "alice" });
    await m.register("scanned@example.org");
    await m.after(10 * MINUTE);
    const invitation = smtp.received[0]!.parsed.html as string;
    const urls = [...linksOf(strip.html), ...linksOf(invitation)];
    expect(urls.filter((u) => u.includes("/r/alice/"))).toHaveLength(5);
    expect(urls.filter((u) => /\/s\/[^?]+\?csat=/.test(u))).toHaveLength(5);
    expect(urls.some((u) => u.includes("/unsubscribe/"))).toBe(true);

    for (const scanner of SCANNERS) {
      const statuses = await scan(urls, scanner);
      // Every link answers as a page or an image; none fails, none records.
      expect(
        statuses.every((s) => s === 200),
        `${scanner.name}: ${statuses.join(",")}`,
      ).toBe(true);
    }
    expect(await m.db.read.select().from(responses)).toHaveLength(0);
    expect((await m.db.read.select().from(emailAddressState))[0]!.optedOutAt).toBeNull();

    // The strip's face fetches are counted as suspected automated, per day: all of them but
    // the first of the browser-agent pass, which looks like a person until the second face.
    const suspected = await m.db.read.select().from(suspectedClicks);
    const fromStrip = suspected.filter((c) => c.interactionId === null);
    const faceFetches = SCANNERS.reduce((n, s) => n + (s.head ? 10 : 5), 0);
    expect(fromStrip).toHaveLength(faceFetches - 1);
    const stripReasons = (reason: string) => fromStrip.filter((c) => c.reason === reason).length;
    expect(stripReasons("head_request")).toBe(10);
    expect(stripReasons("mail_scanner")).toBe(15);
    expect(stripReasons("http_library")).toBe(5);
    expect(stripReasons("several_faces")).toBe(4);
    // The invitation's survey links are opened on delivery: every fetch of them is counted.
    const surveyLinks = urls.filter((u) => u.includes("/s/")).length;
    const surveyFetches = SCANNERS.reduce((n, s) => n + (s.head ? 2 : 1) * surveyLinks, 0);
    expect(suspected.filter((c) => c.interactionId !== null)).toHaveLength(surveyFetches);
    const perDay = (await suspectedClicksPerDay(m.db.read, { from: "2026-03-02", to: "2026-03-02" }))[0]!;
    expect(perDay.byReason.too_soon_after_sending).toBeGreaterThan(0);

    // Later, the customer: opens face 4 from the strip and confirms.
    m.clock.advance(2 * 60 * MINUTE);
    const page = await fetch(`${base}/r/alice/4`, { headers: { "User-Agent": BROWSER_UA } });
    const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
    const confirmed = await fetch(`${base}${form.action}`, {
      method: "POST",
      redirect: "manual",
      headers: { "User-Agent": BROWSER_UA, Cookie: form.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ _csrf: form.csrf, browser: form.browser }),
    });
    expect(confirmed.status).toBe(303);
    // The redirect leads to the survey page, with the answer saved and shown.
    const survey = await fetch(`${base}${confirmed.headers.get("location")}`, { headers: { "User-Agent": BROWSER_UA } });
    expect(survey.status).toBe(200);
    expect(await survey.text()).toMatch(/value="4"[^>]*checked|checked[^>]*value="4"/);

    const stored = await m.db.read.select().from(responses);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ csat: 4, confirmedVia: "signature", staffId: m.org.alice.id });

    // And the invitation's recipient: face 2, then Send on the survey page.
    const face2 = urls.find((u) => u.endsWith("?csat=2"))!;
    const surveyPage = await fetch(face2, { headers: { "User-Agent": BROWSER_UA } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await surveyPage.text())![1]!;
    const sent = await fetch(face2.split("?")[0]!, {
      method: "POST",
      redirect: "manual",
      headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/x-www-form-urlencoded" },
      body: formBody({ _csrf: csrf, csat: "2" }),
    });
    expect(sent.status).toBe(303);
    expect(await m.db.read.select({ csat: responses.csat, via: responses.confirmedVia }).from(responses).orderBy(asc(responses.id))).toEqual([
      { csat: 4, via: "signature" },
      { csat: 2, via: "form" },
    ]);
  });
});
