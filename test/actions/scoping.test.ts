import { beforeAll, describe, expect, test } from "vitest";
import { CF5, MAY, trackerSetup, type TrackerTest } from "./setup";

/*
 * Who reads and changes the tracker, endpoint by endpoint. Directors and administrators read
 * and change every action; a manager reads those linked to their team or its department, and
 * changes none; only administrators word the categories.
 */

let t: TrackerTest;
beforeAll(async () => {
  t = await trackerSetup();
  const add = async (body: Record<string, unknown>) =>
    expect((await t.api("POST", "/actions", { source: "Scrutiny review: Customer First, 2009", text: "A recommendation.", ...body })).status).toBe(201);
  await add({ ...CF5 }); // the Contact Centre's team
  await add({ ref: "CF-1", departments: ["CLS"] }); // the Contact Centre's department
  await add({ ref: "CF-7", teams: ["WASTE"] }); // another department's team
  await add({ ref: "CF-8", departments: ["ENV"], themes: ["waiting_time"] });
  await add({ ref: "CF-10", themes: ["waiting_time"] }); // a theme alone: the organisation's
  await t.api("POST", "/actions/CF-7/progress", MAY);
});

const refs = async (res: Response) => {
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { ref: string }[] }).items.map((a) => a.ref);
};

describe("reading", () => {
  test.each([
    ["admin", ["CF-1", "CF-5", "CF-7", "CF-8", "CF-10"]],
    ["director", ["CF-1", "CF-5", "CF-7", "CF-8", "CF-10"]],
    ["manager", ["CF-1", "CF-5"]],
    ["waste", ["CF-7", "CF-8"]],
  ] as const)("the %s lists %j", async (who, expected) => {
    expect(await refs(await t.dash(t.who[who], "GET", ""))).toEqual(expected);
  });

  test.each([
    ["manager", "CF-5", 200],
    ["manager", "CF-1", 200],
    ["manager", "CF-7", 403],
    ["manager", "CF-10", 403],
    ["waste", "CF-8", 200],
    ["waste", "CF-5", 403],
    ["director", "CF-10", 200],
    ["admin", "CF-7", 200],
    ["manager", "CF-99", 404],
  ] as const)("the %s opening %s: %i", async (who, ref, status) => {
    expect((await t.dash(t.who[who], "GET", `/${ref}`)).status).toBe(status);
  });

  test("a manager filtering by another team or department is refused, not shown nothing", async () => {
    expect((await t.dash(t.who.manager, "GET", "?team=WASTE")).status).toBe(403);
    expect((await t.dash(t.who.manager, "GET", "?department=ENV")).status).toBe(403);
    expect((await t.dash(t.who.manager, "GET", "/export/tracker.csv?team=WASTE")).status).toBe(403);
    // Their own department does not widen what they see: the other teams' actions stay out.
    expect(await refs(await t.dash(t.who.manager, "GET", "?department=CLS"))).toEqual(["CF-1", "CF-5"]);
    expect(await refs(await t.dash(t.who.manager, "GET", "?team=CONTACT"))).toEqual(["CF-1", "CF-5"]);
    expect(await refs(await t.dash(t.who.manager, "GET", "?theme=waiting_time"))).toEqual([]);
    expect(await refs(await t.dash(t.who.waste, "GET", "?theme=waiting_time"))).toEqual(["CF-8"]);
  });

  test("the CSV export holds only what the viewer may read", async () => {
    const csv = async (who: keyof TrackerTest["who"]) =>
      (await (await t.dash(t.who[who], "GET", "/export/tracker.csv")).text())
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(",")[0]);
    expect(await csv("manager")).toEqual(["CF-1", "CF-5"]);
    expect(await csv("director")).toEqual(["CF-1", "CF-5", "CF-7", "CF-8", "CF-10"]);
  });

  test("everyone reads the category labels; without a session nothing is answered", async () => {
    for (const who of ["admin", "director", "manager", "waste"] as const) expect((await t.dash(t.who[who], "GET", "/settings/labels")).status).toBe(200);
    expect((await t.app.request("/dashboard/api/actions")).status).toBe(401);
    expect((await t.app.request("/dashboard/api/actions/CF-5")).status).toBe(401);
    expect((await t.app.request("/dashboard/api/actions/export/tracker.csv")).status).toBe(401);
  });
});

describe("changing", () => {
  const NEW = { ref: "CF-20", text: "Publish voicemail response targets.", source: "Customer feedback: waiting time", teams: ["CONTACT"] };
  const REVIEW = { date: "2010-10-20", category: 2, evidence: "Targets drafted." };

  test.each([
    ["admin", 201],
    ["director", 201],
    ["manager", 403],
  ] as const)("the %s adding an action: %i", async (who, status) => {
    expect((await t.dash(t.who[who], "POST", "", { ...NEW, ref: `CF-2${who.length}` })).status).toBe(status);
  });

  test.each([
    ["admin", "CF-7", 200],
    ["director", "CF-10", 200],
    // Even an action linked to the manager's own team.
    ["manager", "CF-5", 403],
    ["waste", "CF-7", 403],
  ] as const)("the %s changing %s: %i", async (who, ref, status) => {
    expect((await t.dash(t.who[who], "PATCH", `/${ref}`, { responsibility: "J Robinson" })).status).toBe(status);
  });

  test.each([
    ["admin", "CF-7", 201],
    ["director", "CF-8", 201],
    ["manager", "CF-5", 403],
    ["waste", "CF-8", 403],
  ] as const)("the %s recording a review of %s: %i", async (who, ref, status) => {
    expect((await t.dash(t.who[who], "POST", `/${ref}/progress`, REVIEW)).status).toBe(status);
  });

  test("what a manager was refused was not stored", async () => {
    const detail = (await (await t.dash(t.who.director, "GET", "/CF-5")).json()) as { action: { responsibility: string; reviews: unknown[] } };
    expect(detail.action).toMatchObject({ responsibility: CF5.responsibility, reviews: [] });
    expect((await t.dash(t.who.director, "GET", `/CF-2${"manager".length}`)).status).toBe(404);
  });

  test("only administrators word the categories", async () => {
    const labels = { 1: "Done", 2: null, 3: null, 4: null };
    expect((await t.dash(t.who.manager, "PUT", "/settings/labels", labels)).status).toBe(403);
    expect((await t.dash(t.who.director, "PUT", "/settings/labels", labels)).status).toBe(403);
    expect((await t.dash(t.who.admin, "PUT", "/settings/labels", labels)).status).toBe(200);
    expect((await t.dash(t.who.admin, "PUT", "/settings/labels", { 1: null, 2: null, 3: null, 4: null })).status).toBe(200);
  });

  test("a change without the session's CSRF token is refused", async () => {
    const res = await t.app.request("/dashboard/api/actions", {
      method: "POST",
      headers: { Cookie: t.who.director.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ ...NEW, ref: "CF-30" }),
    });
    expect(res.status).toBe(403);
    expect((await t.dash(t.who.director, "GET", "/CF-30")).status).toBe(404);
  });

  test("an API key acts for the organisation: it reads and changes every action", async () => {
    expect(await refs(await t.api("GET", "/actions"))).toEqual(expect.arrayContaining(["CF-1", "CF-5", "CF-7", "CF-8", "CF-10"]));
    expect((await t.api("PATCH", "/actions/CF-10", { owner: "waste@council.example" })).status).toBe(200);
    expect((await t.api("GET", "/actions", undefined, { Authorization: "Bearer wrong" })).status).toBe(401);
  });
});
