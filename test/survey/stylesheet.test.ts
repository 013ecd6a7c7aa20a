import { expect, test } from "vitest";
import { PAGE_CSS } from "../../src/pages/styles";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";

test("customer pages link one stylesheet, served under a content-hashed name and cached for a year", async () => {
  const t = await createTestApp();
  await seedOrganisation(t);
  const { token } = await registerInteraction(t.ctx, { channel: "phone", team: "CONTACT", occurredAt: t.ctx.clock.now(), language: "en" });
  const page = await (await t.app.request(`/s/${token}`)).text();
  expect(page).not.toContain("<style");
  const href = /<link rel="stylesheet" href="(\/assets\/page-[0-9a-f]{12}\.css)"/.exec(page)?.[1];
  expect(href).toBeDefined();
  // The same stylesheet on the page for a bad link.
  expect(await (await t.app.request("/s/not-a-token")).text()).toContain(href);

  const css = await t.app.request(href!);
  expect(css.status).toBe(200);
  expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
  expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(await css.text()).toBe(PAGE_CSS);
  expect((await t.app.request("/assets/page-000000000000.css")).status).toBe(404);
});
