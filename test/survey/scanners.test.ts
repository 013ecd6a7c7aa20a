import { asc } from "drizzle-orm";
import { expect, test } from "vitest";
import { suspectedClicks } from "../../src/db/schema";
import { surveyApp } from "./support";

const BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

test("scanner views of a survey link are counted apart, record no answer, and a person's answer still counts", async () => {
  const s = await surveyApp();
  const reasons = async () => (await s.db.read.select().from(suspectedClicks).orderBy(asc(suspectedClicks.id))).map((r) => r.reason);

  await s.app.request(`${s.path}?csat=5`, { headers: { "User-Agent": BROWSER } });
  expect(await reasons()).toEqual([]);

  await s.app.request(`${s.path}?csat=1`, { method: "HEAD", headers: { "User-Agent": BROWSER } });
  await s.app.request(`${s.path}?csat=2`, { headers: { "User-Agent": "Mimecast-Security-Scanner" } });
  await s.app.request(`${s.path}?csat=3`, { headers: { "User-Agent": "python-requests/2.32" } });
  // A browser-like scanner opening every face of one email within seconds.
  await s.app.request(`${s.path}?csat=4`, { headers: { "User-Agent": BROWSER } });
  expect(await reasons()).toEqual(["head_request", "mail_scanner", "http_library", "several_faces"]);
  expect(await s.storedResponses()).toEqual([]);

  const res = await s.submit({ csat: "4" }, { headers: { "User-Agent": BROWSER } });
  expect(res.status).toBe(303);
  expect((await s.storedResponses()).map((r) => r.csat)).toEqual([4]);
});
