import { describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { followUpContacts } from "../../src/db/schema";
import { LANGUAGES, messages, type Language } from "../../src/i18n/index";
import { escapeHtml, fieldset, surveyApp } from "./support";

/**
 * "I would like someone to contact me about this" on the survey page: the box, the fields it
 * reveals, their errors, and the request stored beside the answer (table follow_up_contacts).
 */
const en = messages("en");
const ticked = { csat: "2", contact: "yes" };

async function contactApp(language: Language = "en") {
  const t = await surveyApp({}, language);
  const storedContacts = () => t.db.read.select().from(followUpContacts);
  return { ...t, storedContacts };
}

/** The page's error for a field: in the summary, linked to the field, and beside the field. */
function expectFieldError(html: string, message: string, anchor: string, errorId: string) {
  expect(html).toContain("<title>Error: ");
  expect(html).toContain(`<a href="${anchor}">${escapeHtml(message)}</a>`);
  expect(html).toContain(`<p id="${errorId}" class="error-message">${escapeHtml(message)}</p>`);
  expect(html).not.toMatch(/^\s*[{[]/);
}

describe("the contact section of the survey page", () => {
  test.each(LANGUAGES)("%s: a checkbox, then labelled fields for an email address, a phone number and a message, and the consent", async (lang) => {
    const t = await contactApp();
    const html = await (await t.app.request(`${t.path}?lang=${lang}`)).text();
    const m = messages(lang);
    const group = fieldset(html, "contact-group");
    expect(group).toContain(`<legend>${escapeHtml(m.contact.legend)} <span class="optional">`);
    expect(group).toContain('<label class="option" for="contact"><input type="checkbox" id="contact" name="contact" value="yes"/>');
    expect(group).toContain(escapeHtml(m.contact.wanted));
    expect(html).toContain(`<legend>${escapeHtml(m.contact.how)}</legend>`);
    expect(html).toContain(`<label class="question" for="contactEmail">${escapeHtml(m.contact.email)}</label>`);
    expect(html).toMatch(/<input type="email" id="contactEmail" name="contactEmail" value="" autocomplete="email"/);
    expect(html).toContain(`<label class="question" for="contactPhone">${escapeHtml(m.contact.phone)}</label>`);
    expect(html).toMatch(/<input type="tel" id="contactPhone" name="contactPhone" value="" autocomplete="tel"/);
    expect(html).toContain(`<label class="question" for="contactMessage">${escapeHtml(m.contact.message)} `);
    expect(html).toMatch(/<textarea id="contactMessage" name="contactMessage"[^>]* maxlength="500"/);
    expect(html).toContain(`<p class="consent">${escapeHtml(m.contact.consent)}</p>`);
    // After the comment, before the button; and still no script.
    expect(html.indexOf('id="comment"')).toBeLessThan(html.indexOf('id="contact-group"'));
    expect(html.indexOf('id="contact-group"')).toBeLessThan(html.indexOf('<button type="submit"'));
    expect(html).not.toContain("<script");
  });
});

describe("POST with the box not ticked", () => {
  test("contact fields left in the form are ignored, even invalid ones", async () => {
    const t = await contactApp();
    const res = await t.submit({ csat: "4", contactEmail: "not an address", contactPhone: "12", contactMessage: "x".repeat(600) });
    expect(res.status).toBe(303);
    expect(await t.storedResponses()).toHaveLength(1);
    expect(await t.storedContacts()).toEqual([]);
  });

  test("a box value other than the page's is not a tick", async () => {
    const t = await contactApp();
    expect((await t.submit({ csat: "4", contact: "on", contactEmail: "jo@example.com" })).status).toBe(303);
    expect(await t.storedContacts()).toEqual([]);
  });
});

describe("POST with the box ticked", () => {
  test("neither an email address nor a phone number: 400 page with the error on the group, values kept, nothing stored", async () => {
    const t = await contactApp();
    const res = await t.submit({ ...ticked, comment: "kept as typed", contactMessage: "my bin", contactEmail: "  ", contactPhone: "" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expectFieldError(html, en.errors.contactHow, "#contactEmail", "contactHow-error");
    const how = fieldset(html, "contactHow-group");
    expect(how).toContain('class="group-error" aria-describedby="contactHow-hint contactHow-error"');
    // The box stays ticked, and what was typed is shown again.
    expect(html).toMatch(/id="contact" name="contact" value="yes" checked=""/);
    expect(html).toContain(">kept as typed</textarea>");
    expect(html).toContain(">my bin</textarea>");
    expect(await t.storedResponses()).toHaveLength(0);
  });

  test.each(["jo.example.com", "jo@", "@example.com", "jo bloggs@example.com", `${"a".repeat(250)}@example.com`])(
    "a bad email address (%s) is an error on that field, shown with what was typed",
    async (email) => {
      const t = await contactApp();
      const res = await t.submit({ ...ticked, contactEmail: email, contactPhone: "01632 960 001" });
      expect(res.status).toBe(400);
      const html = await res.text();
      expectFieldError(html, en.errors.contactEmail, "#contactEmail", "contactEmail-error");
      expect(html).toContain(`value="${escapeHtml(email)}"`);
      expect(html).toMatch(/class="input invalid" aria-describedby="contactEmail-error" aria-invalid="true"/);
      // The phone number was fine: no error on it.
      expect(html).not.toContain("contactPhone-error");
      expect(await t.storedResponses()).toHaveLength(0);
    },
  );

  test.each(["123456", "0800 CALL ME", "+44 808 157 0192 ext 12", "01632+960001", "1".repeat(21), `${"(".repeat(30)}01632 960 001`])(
    "a bad phone number (%j) is an error on that field",
    async (phone) => {
      const t = await contactApp();
      const res = await t.submit({ ...ticked, contactPhone: phone });
      expect(res.status).toBe(400);
      expectFieldError(await res.text(), en.errors.contactPhone, "#contactPhone", "contactPhone-error");
      expect(await t.storedResponses()).toHaveLength(0);
    },
  );

  test("a message over 500 characters is refused; line breaks count once, as the browser counts them", async () => {
    const t = await contactApp();
    const res = await t.submit({ ...ticked, contactEmail: "jo@example.com", contactMessage: "a".repeat(501) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expectFieldError(html, en.errors.contactMessageTooLong("500"), "#contactMessage", "contactMessage-error");
    expect(html).toContain('aria-describedby="contactMessage-hint contactMessage-error" aria-invalid="true"');
    expect(await t.storedResponses()).toHaveLength(0);
    const withBreaks = `${"b".repeat(249)}\r\n${"c".repeat(250)}`;
    expect((await t.submit({ ...ticked, contactEmail: "jo@example.com", contactMessage: withBreaks })).status).toBe(303);
  });

  test("contact errors and question errors are shown together, in the page's order", async () => {
    const t = await contactApp();
    const html = await (await t.submit({ csat: "9", contact: "yes", contactEmail: "nope", contactPhone: "12" })).text();
    const summary = html.slice(html.indexOf('class="error-summary"'), html.indexOf("</ul>", html.indexOf('class="error-summary"')));
    const links = [...summary.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(["#csat-1", "#contactEmail", "#contactPhone"]);
  });

  test("a request to be contacted is not an answer: the questions are still needed", async () => {
    const t = await contactApp();
    const res = await t.submit({ contact: "yes", contactEmail: "jo@example.com" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(escapeHtml(en.errors.nothingAnswered));
    expect(html).toContain('value="jo@example.com"');
  });

  test.each(["01632 960 001", "+44 (0)808 157 0192", "07700-900-982", "+1 212 555 0100", "٠٧٧٠٠ ٩٠٠٩٨٢"])("accepts the phone number %s", async (phone) => {
    const t = await contactApp();
    expect((await t.submit({ ...ticked, contactPhone: phone })).status).toBe(303);
    expect(await t.storedResponses()).toHaveLength(1);
  });

  test("a valid request is answered like any other answer", async () => {
    const t = await contactApp();
    const res = await t.submit({ ...ticked, contactEmail: "jo.bloggs@example.com" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${t.path}/thanks?lang=en`);
    expect(await t.storedResponses()).toHaveLength(1);
    expect((await t.app.request(res.headers.get("location")!)).status).toBe(200);
  });
});

/* These read the row recordResponse stores for a request (follow_up_contacts). */
describe("the stored request", () => {
  test("email, phone and message as given, with the consent wording the page showed", async () => {
    const t = await contactApp();
    const res = await t.submit({
      ...ticked,
      contactEmail: "  jo.bloggs@example.com ",
      contactPhone: " +44 (0)808  157 0192 ",
      contactMessage: "  About my missed bin collection.\r\nMornings are best.  ",
    });
    expect(res.status).toBe(303);
    expect(await t.storedContacts()).toEqual([
      expect.objectContaining({
        interactionId: t.link.id,
        email: "jo.bloggs@example.com",
        phone: "+44 (0)808 157 0192",
        message: "About my missed bin collection.\nMornings are best.",
        consentText: en.contact.consent,
      }),
    ]);
  });

  test("either way of contact alone will do; the other is stored as null", async () => {
    const t = await contactApp();
    expect((await t.submit({ ...ticked, contactPhone: "01632 960 001" })).status).toBe(303);
    expect(await t.storedContacts()).toEqual([expect.objectContaining({ email: null, phone: "01632 960 001", message: null })]);
  });

  test("the consent is stored in the language the page was shown in", async () => {
    const t = await contactApp();
    const csrf = await t.csrfToken("?lang=cy");
    const res = await t.submit({ ...ticked, contactEmail: "jo@example.com" }, { csrf, query: "?lang=cy" });
    expect(res.status).toBe(303);
    expect(await t.storedContacts()).toEqual([expect.objectContaining({ consentText: messages("cy").contact.consent })]);
  });

  test("control characters are taken out of every field; Arabic-Indic digits are stored as 0-9", async () => {
    const t = await contactApp();
    const res = await t.submit({
      ...ticked,
      contactEmail: "jo\u0000@exam\u001bple.com\u0007",
      contactPhone: "\u0007٠٧٧٠٠\u0000 ٩٠٠٩٨٢\t",
      contactMessage: "Call\u0000 me\u001b[31m\u007f please",
    });
    expect(res.status).toBe(303);
    expect(await t.storedContacts()).toEqual([expect.objectContaining({ email: "jo@example.com", phone: "07700 900982", message: "Call me[31m please" })]);
  });
});

describe("changing the answer", () => {
  test("within the edit window the box is there again, unticked, with none of the details given", async () => {
    const t = await contactApp();
    await t.submit({ ...ticked, contactEmail: "jo.bloggs@example.com", contactPhone: "01632 960 001", contactMessage: "About my bin" });
    t.clock.advance(2 * DAY);
    const page = await (await t.app.request(t.path)).text();
    expect(page).toContain(en.edit.title);
    expect(page).toContain('<input type="checkbox" id="contact" name="contact" value="yes"/>');
    expect(page).not.toContain("jo.bloggs@example.com");
    expect(page).not.toContain("01632 960 001");
    expect(page).not.toContain("About my bin");
    // Changing the answer without ticking the box again is just a change of answer.
    expect((await t.submit({ csat: "3" })).status).toBe(303);
    expect((await t.storedResponses())[0]).toMatchObject({ csat: 3 });
  });
});
