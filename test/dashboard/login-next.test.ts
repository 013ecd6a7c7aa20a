import { expect, test } from "vitest";
import { createUser } from "../../src/services/users";
import { createTestApp } from "../helpers";

const PASSWORD = "correct horse battery staple";

test("a page asked for before signing in (a case linked from an email) is where the sign-in leads, and only a dashboard page", async () => {
  const t = await createTestApp();
  await createUser(t.ctx, { email: "manager@council.example", role: "director", password: PASSWORD });
  const asked = await t.app.request("/dashboard/follow-up/12");
  expect(asked.status).toBe(303);
  expect(asked.headers.get("location")).toBe("/dashboard/login?next=%2Fdashboard%2Ffollow-up%2F12");
  const page = await (await t.app.request("/dashboard/login?next=%2Fdashboard%2Ffollow-up%2F12")).text();
  expect(page).toContain('name="next" value="/dashboard/follow-up/12"');
  const signIn = (next: string) =>
    t.app.request("/dashboard/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "manager@council.example", password: PASSWORD, next }).toString(),
    });
  expect((await signIn("/dashboard/follow-up/12")).headers.get("location")).toBe("/dashboard/follow-up/12");
  expect((await signIn("/dashboard/follow-up?owner=me")).headers.get("location")).toBe("/dashboard/follow-up?owner=me");
  for (const elsewhere of ["//evil.example/dashboard/x", "https://evil.example/", "/dashboard/../admin", "/dashboard/\\evil", "/r/abc"]) {
    expect((await signIn(elsewhere)).headers.get("location"), elsewhere).toBe("/dashboard/");
  }
  expect((await t.app.request("/dashboard/login?next=https%3A%2F%2Fevil.example")).status).toBe(200);
  expect(await (await t.app.request("/dashboard/login?next=https%3A%2F%2Fevil.example")).text()).not.toContain("evil");
});
