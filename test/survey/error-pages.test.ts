import { beforeEach, describe, expect, test } from "vitest";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { BROWSER_UA } from "../signature/helpers";

/*
 * Customers reach the survey page, the signature strip's links and unsubscribe links from an
 * email, often through a mail client that cut the link short. Whatever goes wrong, they get a
 * page in their language, never a JSON body.
 */

let t: TestApp;

beforeEach(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
});

async function html(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  const body = await res.text();
  expect(body.startsWith("<!DOCTYPE html>")).toBe(true);
  return body;
}

describe("the survey page", () => {
  test.each(["/s/", "/s/not-a-token", "/s/abc/def", "/s/abc/thanks/more"])("%s is the 'no longer valid' page", async (path) => {
    expect(await html(await t.app.request(path), 404)).toContain("This link is no longer valid");
  });

  test("in the language asked for", async () => {
    const body = await html(await t.app.request("/s/?lang=cy"), 404);
    expect(body).toContain('lang="cy"');
    expect(body).not.toContain("This link is no longer valid");
  });

  test("a POST to a link that leads nowhere is a page too", async () => {
    const res = await t.app.request("/s/nope", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "csat=5" });
    expect(await html(res, 404)).toContain("This link is no longer valid");
  });
});

describe("the signature strip's links", () => {
  const confirm = (body: string, headers: Record<string, string> = {}) =>
    t.app.request("/r/alice/4", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": BROWSER_UA, ...headers },
      body,
    });

  test("a confirm form with a field far too long is a page, not JSON", async () => {
    const body = await html(await confirm(`_csrf=x&browser=${"b".repeat(200)}`), 400);
    expect(body).toContain("We could not read what was sent");
  });

  test("a confirm form over the size limit is a page", async () => {
    const body = await html(await confirm(`_csrf=${"x".repeat(9000)}`, { "Content-Length": "9006" }), 413);
    expect(body).toContain("We could not read what was sent");
  });

  test.each(["/r/", "/r/alice/4/extra", "/unsubscribe/", "/unsubscribe/a/b"])("%s is a page", async (path) => {
    await html(await t.app.request(path), 404);
  });

  test("an unsubscribe link that is not ours is a page", async () => {
    const res = await t.app.request("/unsubscribe/forged", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    await html(res, 404);
  });
});

test("paths outside the customer surfaces keep the API's JSON 404", async () => {
  const res = await t.app.request("/api/v1/nothing-here", { headers: t.auth });
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toContain("application/json");
});
