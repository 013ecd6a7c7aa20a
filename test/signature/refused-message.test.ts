import { expect, test } from "vitest";
import { LANGUAGES, messages } from "../../src/i18n/index";
import { createTestApp, seedOrganisation } from "../helpers";
import { escapeHtml } from "../survey/support";
import { BROWSER_UA, confirmForm, formBody } from "./helpers";

test.each(LANGUAGES)("a confirmation refused as automated says so, not that the form expired (%s)", async (lang) => {
  const t = await createTestApp();
  await seedOrganisation(t);
  const page = await t.app.request(`/r/alice/4?lang=${lang}`, { headers: { "User-Agent": BROWSER_UA } });
  const form = confirmForm(await page.text(), page.headers.get("set-cookie"));
  const res = await t.app.request(form.action, {
    method: "POST",
    headers: { "User-Agent": "python-requests/2.32.3", "Content-Type": "application/x-www-form-urlencoded", Cookie: form.cookie },
    body: formBody({ _csrf: form.csrf, browser: form.browser }),
  });
  expect(res.status).toBe(403);
  const html = await res.text();
  const m = messages(lang).errors;
  expect(html).toContain(escapeHtml(m.automatedTitle));
  expect(html).toContain(escapeHtml(m.automatedBody));
  expect(html).not.toContain(escapeHtml(m.formExpiredTitle));
});
