import { expect, test } from "vitest";
import { applyRetention } from "../../src/services/privacy/retention";
import { createTestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

test("theme shares of a period whose comments retention has deleted stay what they were", async () => {
  const t = createTestApp({ RETENTION_DAYS: 30 }, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 120 });
  // Seeded answers are all "given" today; as in life, say each was given at its contact.
  t.db.$client.exec("update responses set created_at = occurred_at");
  const director = await signIn(t.app, "director@council.example", PASSWORD);
  const themes = async () => (await t.app.request("/dashboard/api/themes?from=2025-11-01&to=2025-12-31", { headers: { Cookie: director.cookie } })).json();
  const commentsInRange = () =>
    t.db.$client.prepare("select count(*) from responses where comment is not null and occurred_at < ?").pluck().get(Date.parse("2026-01-01T00:00:00Z"));

  const before = (await themes()) as { comments: number; themes: { share: number | null }[] };
  expect(before.comments).toBeGreaterThan(0);
  expect(before.themes.length).toBeGreaterThan(0);
  expect(before.themes.every((th) => th.share !== null && th.share > 0 && th.share <= 100)).toBe(true);
  expect(commentsInRange()).toBeGreaterThan(0);

  expect(applyRetention(t.ctx).comments).toBeGreaterThan(0);
  expect(commentsInRange()).toBe(0);
  // The texts are gone; the counts, shares and movements are not.
  expect(await themes()).toEqual(before);
});
