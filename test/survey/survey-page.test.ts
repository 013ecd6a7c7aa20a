import { describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { LANGUAGES, messages, type Language } from "../../src/i18n/index";
import { formToken } from "../../src/middleware/csrf";
import { hashToken } from "../../src/services/tokens";
import { escapeHtml, fieldset, surveyApp } from "./support";

const full = { csat: "5", ces: "6", csi: "4", fcr: "partly", comment: "Very helpful, thank you." };

describe("GET /s/:token", () => {
  test.each(LANGUAGES)("renders the four questions with fieldsets, legends and labels in %s", async (lang: Language) => {
    const t = await surveyApp();
    const res = await t.app.request(`${t.path}?lang=${lang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const q = messages(lang).questions;
    expect(html).toContain(`<html lang="${lang}"`);
    const legends = {
      csat: q.csat.text,
      ces: q.ces.text(t.config.ORG_NAME),
      csi: q.csi.text,
      fcr: q.fcr.text,
    };
    for (const [name, legend] of Object.entries(legends)) {
      const group = fieldset(html, `${name}-group`);
      expect(group).toContain(`<legend>${escapeHtml(legend)}`);
      const inputs = [...group.matchAll(/<input type="radio" id="([^"]+)" name="([^"]+)"/g)];
      expect(inputs.length).toBe({ csat: 5, ces: 7, csi: 5, fcr: 3 }[name]);
      for (const [, id, inputName] of inputs) {
        expect(inputName).toBe(name);
        expect(group).toContain(`<label class="option" for="${id}">`);
      }
    }
    for (const label of Object.values(q.csat.labels)) expect(html).toContain(escapeHtml(label));
    for (const label of Object.values(q.ces.labels)) expect(html).toContain(escapeHtml(label));
    for (const label of Object.values(q.fcr.labels)) expect(html).toContain(escapeHtml(label));
    expect(html).toContain(`<label class="question" for="comment">${escapeHtml(q.comment.text)}`);
    expect(html).toMatch(/<textarea id="comment" name="comment"[^>]* maxlength="2000"/);
    expect(html).toContain(`method="post" action="${t.path}?lang=${lang}"`);
    expect(html).not.toContain("<script");
  });

  test("?csat=4 pre-selects the fourth face and nothing else", async () => {
    const t = await surveyApp();
    const html = await (await t.app.request(`${t.path}?csat=4`)).text();
    const csat = fieldset(html, "csat-group");
    expect(csat).toMatch(/id="csat-4" name="csat" value="4" checked=""/);
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(html).toContain(escapeHtml(messages("en").page.chosen("Satisfied")));
    // An impossible face pre-selects nothing rather than failing.
    const bad = await (await t.app.request(`${t.path}?csat=9`)).text();
    expect(bad).not.toContain('checked=""');
  });

  test("a GET with a face and a HEAD store nothing", async () => {
    const t = await surveyApp();
    expect((await t.app.request(`${t.path}?csat=5`)).status).toBe(200);
    const head = await t.app.request(`${t.path}?csat=1`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test("carries the security headers and the content security policy, and is not cached", async () => {
    const t = await surveyApp();
    const res = await t.app.request(t.path);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  test("Arabic is laid out right to left; the others left to right", async () => {
    const t = await surveyApp({}, "ar");
    expect(await (await t.app.request(t.path)).text()).toContain('<html lang="ar" dir="rtl">');
    expect(await (await t.app.request(`${t.path}?lang=pl`)).text()).toContain('<html lang="pl" dir="ltr">');
  });

  test("language: ?lang= first, then the interaction's, then Accept-Language", async () => {
    const t = await surveyApp({}, "pt");
    const welsh = { "Accept-Language": "cy-GB, en;q=0.8" };
    expect(await (await t.app.request(t.path, { headers: welsh })).text()).toContain('<html lang="pt"');
    expect(await (await t.app.request(`${t.path}?lang=pl`, { headers: welsh })).text()).toContain('<html lang="pl"');
    // No interaction to ask (a bad link): the browser's preference decides.
    const bad = await t.app.request("/s/not-a-token", { headers: welsh });
    const html = await bad.text();
    expect(html).toContain('<html lang="cy"');
    expect(html).toContain(escapeHtml(messages("cy").link.invalidTitle));
  });

  test("the language switcher keeps the token and the chosen face", async () => {
    const t = await surveyApp();
    const html = await (await t.app.request(`${t.path}?csat=2`)).text();
    for (const lang of LANGUAGES) expect(html).toContain(`href="${t.path}?lang=${lang}&amp;csat=2"`);
  });
});

describe("POST /s/:token", () => {
  test("stores exactly one response with the answers, then thanks the customer", async () => {
    const t = await surveyApp();
    const res = await t.submit(full);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${t.path}/thanks?lang=en`);
    const rows = await t.storedResponses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      interactionId: t.link.id,
      csat: 5,
      ces: 6,
      csi: 4,
      fcr: "partly",
      comment: "Very helpful, thank you.",
      language: "en",
      confirmedVia: "form",
      channel: "email",
    });
    const thanks = await t.app.request(res.headers.get("location")!);
    expect(thanks.status).toBe(200);
    const html = await thanks.text();
    expect(html).toContain(messages("en").thanks.title);
    expect(html).toContain("You can change your answers until 9 March 2026.");
    expect(html).toContain(`href="${t.path}?lang=en"`);
  });

  test("every question may be skipped", async () => {
    const t = await surveyApp();
    expect((await t.submit({ fcr: "no" })).status).toBe(303);
    expect((await t.storedResponses())[0]).toMatchObject({ csat: null, ces: null, csi: null, fcr: "no", comment: null });
  });

  test("answering again within the edit window replaces the answer; the page shows what was saved", async () => {
    const t = await surveyApp();
    await t.submit(full);
    t.clock.advance(6 * DAY);
    const page = await (await t.app.request(t.path)).text();
    expect(page).toContain(messages("en").edit.title);
    expect(fieldset(page, "csat-group")).toMatch(/value="5" checked=""/);
    expect(fieldset(page, "fcr-group")).toMatch(/value="partly" checked=""/);
    expect(page).toContain(">Very helpful, thank you.</textarea>");
    const res = await t.submit({ csat: "2", fcr: "no", comment: "Actually it took too long." });
    expect(res.status).toBe(303);
    const rows = await t.storedResponses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ csat: 2, ces: null, csi: null, fcr: "no", comment: "Actually it took too long." });
  });

  test("after the edit window the answers can no longer be changed: 409", async () => {
    const t = await surveyApp({ EDIT_WINDOW_DAYS: 7 });
    await t.submit(full);
    // The customer opens the edit page a minute before the window closes and sends it late.
    t.clock.advance(7 * DAY - 60_000);
    const csrf = await t.csrfToken();
    t.clock.advance(60_001);
    const res = await t.submit({ csat: "1" }, { csrf });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(escapeHtml(messages("en").edit.closed));
    expect((await t.storedResponses())[0]).toMatchObject({ csat: 5 });
    const page = await (await t.app.request(t.path)).text();
    expect(page).toContain(escapeHtml(messages("en").edit.closed));
    expect(page).not.toContain("<form");
  });

  test.each([
    ["csat", { csat: "9" }],
    ["csat", { csat: "4.5" }],
    ["ces", { ces: "0" }],
    ["ces", { ces: "8" }],
    ["csi", { csi: "abc" }],
    ["fcr", { fcr: "maybe" }],
  ])("an invalid %s is a 400 page with the error tied to its question, and nothing is stored", async (field, fields) => {
    const t = await surveyApp();
    const res = await t.submit({ ...fields, comment: "kept as typed" });
    expect(res.status).toBe(400);
    const html = await res.text();
    const m = messages("en").errors;
    const message = m[field as "csat" | "ces" | "csi" | "fcr"];
    expect(html).toContain(`<title>Error: `);
    expect(html).toContain(`<a href="#${field}-1">${escapeHtml(message)}</a>`);
    const group = fieldset(html, `${field}-group`);
    expect(group).toContain(`aria-describedby="${field}-error"`);
    expect(group).toContain(`<p id="${field}-error" class="error-message">${escapeHtml(message)}</p>`);
    expect(html).toContain(">kept as typed</textarea>");
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test("a comment over 2,000 characters is refused; line breaks count once, as the browser counts them", async () => {
    const t = await surveyApp();
    const tooLong = await t.submit({ comment: "a".repeat(2001) });
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(html).toContain('aria-describedby="comment-hint comment-error"');
    expect(html).toContain(escapeHtml(messages("en").errors.commentTooLong("2,000")));
    expect(await t.storedResponses()).toHaveLength(0);
    const withBreaks = `${"b".repeat(999)}\r\n${"c".repeat(1000)}`;
    expect((await t.submit({ comment: withBreaks })).status).toBe(303);
    expect((await t.storedResponses())[0]?.comment).toHaveLength(2000);
  });

  test("an empty form asks for at least one answer", async () => {
    const t = await surveyApp();
    const res = await t.submit({ comment: "   " });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(escapeHtml(messages("en").errors.nothingAnswered));
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test("personal data in a comment is stored masked", async () => {
    const t = await surveyApp();
    await t.submit({ csat: "3", comment: "Please call me on 07700 900123 or write to jo.bloggs@example.com" });
    const stored = (await t.storedResponses())[0]!.comment!;
    expect(stored).not.toContain("07700 900123");
    expect(stored).not.toContain("jo.bloggs@example.com");
    expect(stored).toContain("[email]");
  });

  test("the response is stored in the language the page was shown in", async () => {
    const t = await surveyApp();
    const csrf = await t.csrfToken("?lang=cy");
    const res = await t.submit({ csat: "4" }, { csrf, query: "?lang=cy" });
    expect(res.headers.get("location")).toBe(`${t.path}/thanks?lang=cy`);
    expect((await t.storedResponses())[0]?.language).toBe("cy");
  });
});

describe("cross-site request forgery", () => {
  test.each([
    ["no token", null],
    ["a wrong token", "x".repeat(43)],
  ])("%s: 403 page and nothing stored", async (_name, csrf) => {
    const t = await surveyApp();
    const res = await t.submit({ csat: "5" }, { csrf });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(escapeHtml(messages("en").errors.formExpiredTitle));
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test("another survey's token does not work here", async () => {
    const t = await surveyApp();
    const other = formToken(t.config.SESSION_SECRET, hashToken("a".repeat(43), t.config.TOKEN_PEPPER), t.clock.now());
    expect((await t.submit({ csat: "5" }, { csrf: other })).status).toBe(403);
  });

  test("a form opened yesterday still works; one opened two days ago does not", async () => {
    const t = await surveyApp();
    const csrf = await t.csrfToken();
    t.clock.advance(DAY);
    expect((await t.submit({ csat: "5" }, { csrf })).status).toBe(303);
    t.clock.advance(DAY);
    expect((await t.submit({ csat: "4" }, { csrf })).status).toBe(403);
  });

  test("a post a browser marks as cross-site is refused even with a valid token", async () => {
    const t = await surveyApp();
    expect((await t.submit({ csat: "5" }, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
    expect((await t.submit({ csat: "5" }, { headers: { Origin: "https://evil.example" } })).status).toBe(403);
    expect(await t.storedResponses()).toHaveLength(0);
    // Referrer-Policy: no-referrer makes browsers send "Origin: null" on same-origin posts.
    const ok = await t.submit({ csat: "5" }, { headers: { Origin: "null", "Sec-Fetch-Site": "same-origin" } });
    expect(ok.status).toBe(303);
  });
});

describe("links that do not work", () => {
  test("an unknown and a malformed token get the same friendly 404 page", async () => {
    const t = await surveyApp();
    const unknown = await t.app.request(`/s/${"A".repeat(43)}`);
    const malformed = await t.app.request("/s/not-a-token!");
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    const body = await unknown.text();
    expect(body).toBe(await malformed.text());
    expect(body).toContain(escapeHtml(messages("en").link.invalidTitle));
    expect(unknown.headers.get("content-type")).toContain("text/html");
    const post = await t.app.request(`/s/${"B".repeat(43)}`, { method: "POST", body: "csat=5" });
    expect(post.status).toBe(404);
    expect(await post.text()).toBe(body);
  });

  test("an expired link gets a 410 page that says so", async () => {
    const t = await surveyApp({ TOKEN_TTL_DAYS: 28 });
    const csrf = await t.csrfToken();
    t.clock.advance(28 * DAY);
    const res = await t.app.request(t.path);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain(escapeHtml(messages("en").link.expiredTitle));
    expect((await t.submit({ csat: "5" }, { csrf })).status).toBe(410);
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test("the thanks page before any answer sends the customer to the form", async () => {
    const t = await surveyApp();
    const res = await t.app.request(`${t.path}/thanks`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${t.path}?lang=en`);
  });
});

describe("rate limit", () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  test("answers 429 with Retry-After past the limit, per client address", async () => {
    const t = await surveyApp({ RATE_LIMIT_PER_MINUTE: 3 });
    for (let i = 0; i < 3; i++) expect((await t.app.request(t.path, {}, from("192.0.2.1"))).status).toBe(200);
    const limited = await t.app.request(t.path, {}, from("192.0.2.1"));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain(escapeHtml(messages("en").errors.tooManyTitle));
    expect((await t.app.request(t.path, {}, from("192.0.2.2"))).status).toBe(200);
    t.clock.advance(60_000);
    expect((await t.app.request(t.path, {}, from("192.0.2.1"))).status).toBe(200);
  });
});

describe("rate limit behind a proxy", () => {
  test("keys on the address the proxy appended, not one the client made up", async () => {
    const t = await surveyApp({ RATE_LIMIT_PER_MINUTE: 2, TRUST_PROXY: true });
    const via = (client: string) => ({ headers: { "X-Forwarded-For": `${client}, 198.51.100.7` } });
    expect((await t.app.request(t.path, via("1.1.1.1"))).status).toBe(200);
    expect((await t.app.request(t.path, via("2.2.2.2"))).status).toBe(200);
    expect((await t.app.request(t.path, via("3.3.3.3"))).status).toBe(429);
    expect((await t.app.request(t.path, { headers: { "X-Forwarded-For": "203.0.113.9" } })).status).toBe(200);
  });
});
