import { beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "./helpers";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ ORG_NAME: "Stockton & District Council" });
});

describe("the front door", () => {
  test("GET / is a page naming the organisation, with links to the dashboard and the API's documentation", async () => {
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    // Escaped as HTML, not inserted raw.
    expect(html).toContain("Stockton &amp; District Council");
    expect(html).toMatch(/<a[^>]+href="\/dashboard"[^>]*>\s*Sign in to the dashboard\s*<\/a>/);
    expect(html).toMatch(/<a href="\/api\/v1\/docs">the API documentation<\/a>/);
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
    // Both links lead somewhere: the sign-in form, and the documentation.
    expect((await t.app.request("/dashboard")).status).toBe(303);
    expect((await t.app.request("/api/v1/docs")).status).toBe(200);
  });

  test("anything else unknown is still a JSON 404", async () => {
    const res = await t.app.request("/no-such-page");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});

describe("the favicon", () => {
  test("is an SVG, linked from the customer pages and the dashboard", async () => {
    const res = await t.app.request("/favicon.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/);
    const ico = await t.app.request("/favicon.ico");
    expect(ico.status).toBe(301);
    expect(ico.headers.get("location")).toBe("/favicon.svg");
    // A customer-facing page (an unknown survey link) carries the same link.
    const survey = await (await t.app.request("/s/not-a-real-token")).text();
    expect(survey).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
  });
});
