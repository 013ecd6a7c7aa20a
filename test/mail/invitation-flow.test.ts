import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { DAY, MINUTE } from "../../src/clock";
import { messages } from "../../src/i18n/index";
import { addressHash } from "../../src/services/mail/address";
import { emailOutbox } from "../../src/db/schema";
import { smtpTransport } from "../../src/mail/nodemailer-transport";
import { outboxStatus } from "../../src/db/queries/outbox-status";
import { createOutboxWorker, SEND_LEASE_MS } from "../../src/workers/outbox-worker";
import { BROWSER_UA } from "../signature/helpers";
import { links, mailSetup } from "./helpers";
import { startSmtp, type SmtpFixture } from "./smtp-server";

let smtp: SmtpFixture;
beforeAll(async () => {
  smtp = await startSmtp({ reject: /^bounce@/ });
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe("the invitation email", () => {
  test("is sent after the delay through SMTP, with both parts, the headers and working links", async () => {
    const m = await mailSetup(smtp);
    const res = await m.register("Customer.One@Example.org");
    expect(res.status).toBe(201);
    expect(await m.outbox()).toMatchObject([{ kind: "invitation", status: "pending", dueAt: m.clock.now() + 10 * MINUTE }]);

    // Nothing is sent inside the request, nor before the delay.
    expect(await m.after(9 * MINUTE)).toEqual({ sent: 0, retrying: 0, failed: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(0);
    expect(await m.after(1 * MINUTE)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);

    const { parsed, rcpt } = smtp.received[0]!;
    expect(rcpt).toEqual(["customer.one@example.org"]);
    expect(parsed.subject).toBe("How did we do? Tell Northshire County Council in one click");
    expect(parsed.from?.text).toContain("feedback@council.example");
    const text = parsed.text ?? "";
    const html = typeof parsed.html === "string" ? parsed.html : "";
    expect(text).toContain("Overall, how satisfied were you with the help we gave you?");
    expect(html).toContain("Overall, how satisfied were you with the help we gave you?");
    expect(html).toContain("Northshire County Council");

    const textLinks = links(text);
    const faces = textLinks.filter((l) => /\/s\/[A-Za-z0-9_-]{43}\?csat=[1-5]$/.test(l));
    expect(faces.map((l) => l.slice(-1))).toEqual(["1", "2", "3", "4", "5"]);
    const unsubscribe = textLinks.find((l) => l.includes("/unsubscribe/"))!;
    expect(unsubscribe).toMatch(/^http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/);
    // The HTML part carries the same links, and the face images with their labels.
    for (const l of [...faces, unsubscribe]) expect(links(html)).toContain(l);
    for (const n of [1, 2, 3, 4, 5]) expect(html).toContain(`src="http://localhost:3000/faces/${n}.png"`);
    expect(html).toContain('alt="Very satisfied"');
    expect(html).not.toMatch(/<style|<script|<svg/i);

    // RFC 8058 one-click unsubscribe headers.
    const headerBlock = smtp.received[0]!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(headerBlock).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headerBlock).toContain(`List-Unsubscribe: <${unsubscribe}>`);
    expect(parsed.headers.get("list")).toMatchObject({ unsubscribe: { url: unsubscribe } });

    // Follow a face: the page shows it chosen and records nothing; the POST records.
    const path = new URL(faces[3]!).pathname + new URL(faces[3]!).search;
    const page = await m.app.request(path, { headers: { "User-Agent": BROWSER_UA } });
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toMatch(/value="4"[^>]*checked|checked[^>]*value="4"/);
    expect(await m.answers()).toHaveLength(0);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(pageHtml)![1]!;
    const post = await m.app.request(new URL(faces[3]!).pathname, {
      method: "POST",
      headers: { "User-Agent": BROWSER_UA, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, csat: "4" }).toString(),
    });
    expect(post.status).toBe(303);
    expect(await m.answers()).toMatchObject([{ csat: 4, confirmedVia: "form" }]);

    // Answered: the reminder is cancelled when due and the address is forgotten.
    expect(await m.after(3 * DAY)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(smtp.received).toHaveLength(1);
    expect(await m.contacts()).toHaveLength(0);
    expect(await m.addressStates()).toMatchObject([{ addressHash: addressHash("customer.one@example.org", m.config.TOKEN_PEPPER) }]);
  });

  test("speaks the interaction's language", async () => {
    const m = await mailSetup(smtp);
    await m.register("cwsmer@example.org", { language: "cy" });
    await m.after(10 * MINUTE);
    const { parsed } = smtp.received[0]!;
    expect(parsed.subject).toBe("Sut wnaethon ni? Dywedwch wrth Northshire County Council mewn un clic");
    expect(parsed.text).toContain(messages("cy").questions.csat.text);
    expect(parsed.text).toContain(`5 ${messages("cy").questions.csat.labels[5]}: `);
    expect(typeof parsed.html === "string" && parsed.html).toContain('lang="cy"');
  });

  test("one reminder after three days without an answer, then the address is deleted", async () => {
    const m = await mailSetup(smtp);
    await m.register("slow@example.org");
    await m.after(10 * MINUTE);
    expect(await m.after(3 * DAY - MINUTE)).toMatchObject({ sent: 0 });
    expect((await m.contacts())[0]!.email).toBe("slow@example.org");
    expect(await m.after(MINUTE)).toMatchObject({ sent: 1 });
    expect(smtp.received.map((r) => r.parsed.subject)).toEqual([
      "How did we do? Tell Northshire County Council in one click",
      "Reminder: how did Northshire County Council do?",
    ]);
    expect(await m.after(10 * DAY)).toMatchObject({ sent: 0, cancelled: 0 });
    expect(smtp.received).toHaveLength(2);
    expect(await m.contacts()).toHaveLength(0);
    expect((await m.outbox()).map(({ kind, status }) => ({ kind, status }))).toEqual([
      { kind: "invitation", status: "sent" },
      { kind: "reminder", status: "sent" },
    ]);
  });

  test("a due time in quiet hours waits for the morning", async () => {
    const m = await mailSetup(smtp, "2026-03-02T20:55:00Z");
    await m.register("night@example.org");
    expect((await m.outbox())[0]!.dueAt).toBe(Date.parse("2026-03-03T08:00:00Z"));
    expect(await m.after(2 * 60 * MINUTE)).toMatchObject({ sent: 0 });
    m.clock.set("2026-03-03T08:00:00Z");
    expect(await m.worker.processDue()).toMatchObject({ sent: 1 });
  });

  test("at most one invitation per address in 14 days, across interactions", async () => {
    const m = await mailSetup(smtp);
    await m.register("twice@example.org");
    await m.register("TWICE@example.org");
    expect(await m.outbox()).toHaveLength(1);
    // The second interaction's address was not needed: it is already gone.
    expect((await m.contacts()).map((c) => c.email)).toEqual(["twice@example.org"]);
    await m.after(10 * MINUTE);
    await m.after(13 * DAY);
    await m.register("twice@example.org");
    expect(await m.outbox("invitation")).toHaveLength(1);
    await m.after(DAY);
    await m.register("twice@example.org");
    expect(await m.outbox("invitation")).toHaveLength(2);
  });

  test("no invitation without the customer's permission, and that address is swept", async () => {
    const m = await mailSetup(smtp);
    await m.api("POST", "/interactions", {
      channel: "phone",
      team: "CONTACT",
      occurredAt: new Date(m.clock.now()).toISOString(),
      customer: { email: "quiet@example.org", mayContact: false },
    });
    expect(await m.outbox()).toHaveLength(0);
    await m.after(2 * 60 * MINUTE);
    expect(await m.contacts()).toHaveLength(0);
  });

  test("an invalid customer email is refused at the API with 400", async () => {
    const m = await mailSetup(smtp);
    const res = await m.register("not-an-email");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields[0]!.path).toBe("customer.email");
  });
});

describe("opting out", () => {
  test("one-click unsubscribe is honoured forever; a GET only shows the button", async () => {
    const m = await mailSetup(smtp);
    await m.register("leave.me@example.org");
    await m.after(10 * MINUTE);
    const unsubscribe = links(smtp.received[0]!.parsed.text ?? "").find((l) => l.includes("/unsubscribe/"))!;
    const path = new URL(unsubscribe).pathname;

    const page = await m.app.request(path, { headers: { "User-Agent": "Mimecast Link Scanner" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stop survey emails");
    expect((await m.addressStates())[0]!.optedOutAt).toBeNull();

    // What a mail provider sends for one-click unsubscribe (RFC 8058 §3.2).
    const post = await m.app.request(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(post.status).toBe(200);
    expect((await m.addressStates())[0]!.optedOutAt).toBe(m.clock.now());
    // The pending reminder is cancelled and the address forgotten at once.
    expect((await m.outbox()).map(({ kind, status }) => ({ kind, status }))).toEqual([
      { kind: "invitation", status: "sent" },
      { kind: "reminder", status: "cancelled" },
    ]);
    expect(await m.contacts()).toHaveLength(0);

    // A year later, a new contact from the same address: no invitation.
    await m.after(365 * DAY);
    await m.register("Leave.Me@example.org");
    expect(await m.outbox()).toHaveLength(2);
    await m.after(DAY);
    expect(smtp.received).toHaveLength(1);
    // Unsubscribing twice keeps the first date.
    const first = (await m.addressStates())[0]!.optedOutAt;
    await m.app.request(path, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect((await m.addressStates())[0]!.optedOutAt).toBe(first);
  });

  test("a forged or altered unsubscribe id answers 404", async () => {
    const m = await mailSetup(smtp);
    const forged = `${"A".repeat(43)}.${"B".repeat(22)}`;
    expect((await m.app.request(`/unsubscribe/${forged}`, { method: "POST" })).status).toBe(404);
    expect((await m.app.request("/unsubscribe/nonsense")).status).toBe(404);
    expect(await m.addressStates()).toHaveLength(0);
  });
});

describe("failures", () => {
  test("an SMTP outage loses nothing: retried with backoff, sent once the server is back", async () => {
    const m = await mailSetup(smtp);
    await m.register("patient@example.org");
    await smtp.stop();
    try {
      expect(await m.after(10 * MINUTE)).toMatchObject({ retrying: 1 });
      const row = async () => (await m.outbox())[0]!;
      expect(await row()).toMatchObject({ status: "pending", attempts: 1 });
      expect((await row()).lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
      expect(await outboxStatus(m.db.read)).toMatchObject({ pending: 1, retrying: 1, failed: 0 });
      // Backoff: 1 minute after the first failure, 2 after the second.
      expect(await m.after(30_000)).toMatchObject({ retrying: 0 });
      expect(await m.after(30_000)).toMatchObject({ retrying: 1 });
      expect((await row()).attempts).toBe(2);
      expect(await m.after(MINUTE)).toMatchObject({ retrying: 0 });
    } finally {
      await smtp.restart();
    }
    expect(await m.after(MINUTE)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect((await m.outbox("invitation"))[0]).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  test("an address the server rejects fails at once, visibly, and does not hold up the queue", async () => {
    const m = await mailSetup(smtp);
    await m.register("bounce@example.org");
    await m.register("fine@example.org");
    expect(await m.after(10 * MINUTE)).toMatchObject({ sent: 1, failed: 1 });
    expect(smtp.received.map((r) => r.rcpt)).toEqual([["fine@example.org"]]);
    const status = await outboxStatus(m.db.read);
    expect(status).toMatchObject({ failed: 1, sent: 1 });
    expect(status.recentFailures[0]!.lastError).toMatch(/550/);
    expect(status.recentFailures[0]!.lastError).not.toContain("bounce@example.org");
    expect(status.recentFailures[0]!.lastTriedAt).toBe(m.clock.now());
    // Failed for good: the address is no longer needed.
    expect((await m.contacts()).map((c) => c.email)).toEqual(["fine@example.org"]);
  });

  test("a crash mid-send leaves the email claimed until its lease runs out; then a worker sends it again", async () => {
    const m = await mailSetup(smtp);
    await m.register("crash@example.org");
    m.clock.advance(10 * MINUTE);
    // What a worker that died mid-send leaves behind: the row claimed, its lease running.
    await m.db.write((tx) => tx.update(emailOutbox).set({ status: "sending", dueAt: m.clock.now() + SEND_LEASE_MS }));
    expect(await m.worker.processDue()).toMatchObject({ sent: 0 });
    // Starting a worker does not take it over early: another server may still be sending it.
    m.worker.start();
    await m.worker.stop();
    expect(smtp.received).toHaveLength(0);
    expect(await m.after(SEND_LEASE_MS)).toMatchObject({ sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect((await m.outbox()).map(({ kind, status }) => ({ kind, status }))).toEqual([
      { kind: "invitation", status: "sent" },
      { kind: "reminder", status: "pending" },
    ]);
  });
});

describe("several servers", () => {
  test("two workers on one database send each invitation exactly once", async () => {
    const m = await mailSetup(smtp);
    const addresses = Array.from({ length: 12 }, (_, i) => `twin${i}@example.org`);
    for (const address of addresses) await m.register(address);
    m.clock.advance(10 * MINUTE);
    const transport = smtpTransport(smtp.url, "Customer Feedback <feedback@council.example>");
    const other = createOutboxWorker(m.ctx, transport);
    try {
      const [a, b] = await Promise.all([m.worker.processDue(), other.processDue()]);
      expect(a.sent + b.sent).toBe(12);
      // Both took part: the claims really raced.
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
    } finally {
      transport.close?.();
    }
    expect(smtp.received.map((r) => r.rcpt[0]).sort()).toEqual([...addresses].sort());
    expect(await m.outbox("reminder")).toHaveLength(12);
    expect((await m.outbox("invitation")).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});
