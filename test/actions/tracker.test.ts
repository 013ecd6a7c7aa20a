import { describe, expect, test } from "vitest";
import { CF5, MAY, OCTOBER, trackerSetup, type TrackerTest } from "./setup";

type Assessment = { date: string; category: number; label: string };
type Action = {
  ref: string;
  owner: string | null;
  dueDate: string | null;
  overdue: boolean;
  themes: string[];
  teams: string[];
  departments: string[];
  latest: Assessment | null;
};
type Detail = Action & { progress: (Assessment & { evidence: string; recordedBy: string | null })[] };
type List = { items: Action[]; counts: Record<string, number>; labels: Record<string, string> };
type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

/** The seed's three recommendations, reviewed in May and October 2010. */
async function seedTracker(t: TrackerTest) {
  expect((await t.api("POST", "/actions", CF5)).status).toBe(201);
  expect((await t.api("POST", "/actions/CF-5/progress", MAY)).status).toBe(201);
  expect((await t.api("POST", "/actions/CF-5/progress", OCTOBER)).status).toBe(201);
  const one = {
    ref: "CF-1",
    text: "Adopt the Customer Service Excellence Standard corporately.",
    source: "Scrutiny review: Customer First, 2009",
    departments: ["CLS"],
    themes: ["quality_of_service"],
  };
  expect((await t.api("POST", "/actions", one)).status).toBe(201);
  await t.api("POST", "/actions/CF-1/progress", {
    date: "2010-05-17",
    category: 2,
    evidence: "Final full corporate assessment taking place on 8th June 2010.",
  });
  await t.api("POST", "/actions/CF-1/progress", {
    date: "2010-10-04",
    category: 1,
    evidence: "Assessed as achieving full Customer Service Excellence Standard corporately on 8th June 2010.",
  });
  const seven = { ref: "CF-7", text: "A corporate staff suggestion scheme be implemented.", source: "Scrutiny review: Customer First, 2009", teams: ["WASTE"] };
  expect((await t.api("POST", "/actions", seven)).status).toBe(201);
  // Customers' complaints about waiting, not yet reviewed.
  const ten = {
    ref: "CF-10",
    text: "Call back customers who waited more than ten minutes.",
    source: "Customer feedback: waiting time",
    themes: ["waiting_time"],
  };
  expect((await t.api("POST", "/actions", ten)).status).toBe(201);
}

describe("the tracker through the API", () => {
  test("keeps an action's reviews in date order, and the latest assessment stands", async () => {
    const t = await trackerSetup();
    const created = await t.api("POST", "/actions", CF5);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      ref: "CF-5",
      owner: "director@council.example",
      themes: ["timeliness"],
      teams: ["CONTACT"],
      departments: [],
      latest: null,
      progress: [],
    });
    // Entered out of order: October's review first, then May's from the paper tracker.
    await t.api("POST", "/actions/CF-5/progress", OCTOBER);
    const added = await t.api("POST", "/actions/CF-5/progress", MAY);
    expect(added.status).toBe(201);
    const detail = await t.json<Detail>(added);
    expect(detail.progress.map((p) => [p.date, p.category, p.label])).toEqual([
      ["2010-05-17", 2, "On track"],
      ["2010-10-04", 3, "Slipped"],
    ]);
    expect(detail.latest).toEqual({ date: "2010-10-04", category: 3, label: "Slipped" });
    expect(detail.progress[0]!.recordedBy).toBeNull();
    // A correction of the same review date stands over the first entry; both stay in the history.
    await t.api("POST", "/actions/CF-5/progress", { ...OCTOBER, category: 2, evidence: "Correction: the hunt groups were done in September." });
    const again = await t.json<Detail>(t.api("GET", "/actions/CF-5"));
    expect(again.progress).toHaveLength(3);
    expect(again.latest).toEqual({ date: "2010-10-04", category: 2, label: "On track" });
  });

  test("lists with counts by latest category, and filters by category, owner, theme, team and department", async () => {
    const t = await trackerSetup();
    await seedTracker(t);
    const list = await t.json<List>(t.api("GET", "/actions"));
    expect(list.items.map((a) => a.ref)).toEqual(["CF-1", "CF-5", "CF-7", "CF-10"]);
    expect(list.counts).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, none: 2 });
    expect(list.labels).toEqual({ 1: "Achieved fully", 2: "On track", 3: "Slipped", 4: "Not achieved" });
    const refs = async (query: string) => (await t.json<List>(t.api("GET", `/actions?${query}`))).items.map((a) => a.ref);
    expect(await refs("category=3")).toEqual(["CF-5"]);
    expect(await refs("category=none")).toEqual(["CF-7", "CF-10"]);
    expect(await refs("owner=Director@council.example")).toEqual(["CF-5"]);
    expect(await refs("theme=waiting_time")).toEqual(["CF-10"]);
    // A team finds what is linked to it and to its department; a department, to it and its teams.
    expect(await refs("team=CONTACT")).toEqual(["CF-1", "CF-5"]);
    expect(await refs("team=BENEFITS")).toEqual(["CF-1"]);
    expect(await refs("department=ENV")).toEqual(["CF-7"]);
    expect(await refs("department=CLS&category=1")).toEqual(["CF-1"]);
    expect((await t.json<List>(t.api("GET", "/actions?category=2"))).counts).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, none: 0 });
  });

  test("an action past its anticipated completion and not achieved is overdue", async () => {
    const t = await trackerSetup();
    await t.api("POST", "/actions", { ...CF5, dueDate: "2010-09-30" });
    await t.api("POST", "/actions/CF-5/progress", OCTOBER);
    expect((await t.json<Action>(t.api("GET", "/actions/CF-5"))).overdue).toBe(true);
    await t.api("POST", "/actions/CF-5/progress", { date: "2010-10-20", category: 1, evidence: "Hunt groups upgraded." });
    expect((await t.json<Action>(t.api("GET", "/actions/CF-5"))).overdue).toBe(false);
  });

  test("PATCH changes what is given; a list of links replaces that kind only; null clears", async () => {
    const t = await trackerSetup();
    await t.api("POST", "/actions", { ...CF5, departments: ["CLS"] });
    const res = await t.api("PATCH", "/actions/CF-5", {
      teams: ["WASTE", "WASTE"],
      owner: null,
      dueDate: "2011-03-31",
      responsibility: "J Robinson & service reps",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      teams: ["WASTE"],
      themes: ["timeliness"],
      departments: ["CLS"],
      owner: null,
      dueDate: "2011-03-31",
      responsibility: "J Robinson & service reps",
      text: CF5.text,
    });
    const cleared = await t.json<Action>(t.api("PATCH", "/actions/CF-5", { themes: [], dueDate: null }));
    expect(cleared).toMatchObject({ themes: [], teams: ["WASTE"], dueDate: null });
  });

  test("personal data typed into the evidence is masked", async () => {
    const t = await trackerSetup();
    await t.api("POST", "/actions", CF5);
    const res = await t.api("POST", "/actions/CF-5/progress", { ...MAY, evidence: "Resident at TS18 1AU rang 07700 900123 to say the new message works." });
    const { progress } = await t.json<Detail>(res);
    expect(progress[0]!.evidence).not.toContain("07700 900123");
    expect(progress[0]!.evidence).not.toContain("TS18 1AU");
    expect(progress[0]!.evidence).toContain("to say the new message works");
  });

  test("400 for bad input, naming each field; 404 for what does not exist; 409 for a reference in use; 422 for codes that name nothing", async () => {
    const t = await trackerSetup();
    await t.api("POST", "/actions", CF5);
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return [...new Set(((await res.json()) as ErrorBody).error.fields!.map((f) => f.path))].sort();
    };
    expect(await fieldsOf(await t.api("POST", "/actions", { ref: "CF 6", text: "", themes: "timeliness", colour: "red" }))).toEqual([
      "colour",
      "ref",
      "source",
      "text",
      "themes",
    ]);
    expect(await fieldsOf(await t.api("POST", "/actions", { ...CF5, ref: "CF-6", dueDate: "2010-02-30", owner: "not an email" }))).toEqual([
      "dueDate",
      "owner",
    ]);
    expect(await fieldsOf(await t.api("POST", "/actions/CF-5/progress", { date: "17/05/10", evidence: "   ", category: 5 }))).toEqual([
      "category",
      "date",
      "evidence",
    ]);
    expect(await fieldsOf(await t.api("POST", "/actions/CF-5/progress", { ...MAY, evidence: "x".repeat(4001) }))).toEqual(["evidence"]);
    expect(await fieldsOf(await t.api("POST", "/actions/CF-5/progress", { ...MAY, category: 2.5 }))).toEqual(["category"]);
    // A review still to come.
    const future = await t.api("POST", "/actions/CF-5/progress", { ...MAY, date: "2010-10-21" });
    expect(await fieldsOf(future.clone())).toEqual(["date"]);
    expect(((await future.json()) as ErrorBody).error.fields![0]!.message).toBe("must not be after today (2010-10-20)");
    expect(await fieldsOf(await t.api("PATCH", "/actions/CF-5", {}))).toEqual(["(body)"]);
    expect(await fieldsOf(await t.api("PATCH", "/actions/CF-5", { ref: "CF-6" }))).toEqual(["(body)", "ref"]);
    expect(await fieldsOf(await t.api("GET", "/actions?category=5"))).toEqual(["category"]);

    expect((await t.api("GET", "/actions/CF-99")).status).toBe(404);
    expect((await t.api("PATCH", "/actions/CF-99", { text: "x" })).status).toBe(404);
    expect((await t.api("POST", "/actions/CF-99/progress", MAY)).status).toBe(404);
    expect((await t.api("GET", "/actions?theme=nope")).status).toBe(404);
    expect((await t.api("GET", "/actions?team=NOPE")).status).toBe(404);
    expect((await t.api("GET", "/actions?owner=nobody@council.example")).status).toBe(404);

    const dup = await t.api("POST", "/actions", { ...CF5, text: "Again" });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toEqual({ error: { code: "conflict", message: "An action with reference 'CF-5' already exists." } });

    const unknownTheme = await t.api("POST", "/actions", { ...CF5, ref: "CF-6", themes: ["timeliness", "nope"] });
    expect(unknownTheme.status).toBe(422);
    expect(((await unknownTheme.json()) as ErrorBody).error.message).toBe("Unknown theme 'nope'.");
    expect((await t.api("POST", "/actions", { ...CF5, ref: "CF-6", owner: "nobody@council.example" })).status).toBe(422);
    expect((await t.api("PATCH", "/actions/CF-5", { departments: ["NOPE"] })).status).toBe(422);
    // Nothing half-done: the refused action was not stored, and CF-5 kept its links.
    expect((await t.api("GET", "/actions/CF-6")).status).toBe(404);
    expect(await t.json<Action>(t.api("GET", "/actions/CF-5"))).toMatchObject({ teams: ["CONTACT"], departments: [] });
  });
});

describe("the organisation's words for the categories", () => {
  test("an administrator words them; null or the default goes back to the default; everyone sees them", async () => {
    const t = await trackerSetup();
    await t.api("POST", "/actions", CF5);
    await t.api("POST", "/actions/CF-5/progress", OCTOBER);
    const labels = { 1: "Achieved Fully", 2: "On Track", 3: "Slipped: new date agreed", 4: null };
    const put = await t.dash(t.who.admin, "PUT", "/settings/labels", labels);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ labels: { 1: "Achieved Fully", 2: "On Track", 3: "Slipped: new date agreed", 4: "Not achieved" } });
    expect((await t.json<Action>(t.api("GET", "/actions/CF-5"))).latest!.label).toBe("Slipped: new date agreed");
    expect(await t.json(t.dash(t.who.manager, "GET", "/settings/labels"))).toEqual({
      labels: { 1: "Achieved Fully", 2: "On Track", 3: "Slipped: new date agreed", 4: "Not achieved" },
    });
    await t.dash(t.who.admin, "PUT", "/settings/labels", { 1: null, 2: "On track", 3: null, 4: null });
    expect((await t.json<List>(t.api("GET", "/actions"))).labels).toEqual({ 1: "Achieved fully", 2: "On track", 3: "Slipped", 4: "Not achieved" });

    const bad = await t.dash(t.who.admin, "PUT", "/settings/labels", { 1: "", 2: "x".repeat(61), 3: null });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fields!.map((f) => f.path).sort()).toEqual(["1", "2", "4"]);
    expect((await t.dash(t.who.director, "PUT", "/settings/labels", labels)).status).toBe(403);
    expect((await t.dash(t.who.manager, "PUT", "/settings/labels", labels)).status).toBe(403);
  });
});

describe("the tracker on the dashboard", () => {
  test("the list gives the two latest reviews of each action, who can own one, and what the viewer may do", async () => {
    const t = await trackerSetup();
    await seedTracker(t);
    await t.api("POST", "/actions/CF-5/progress", { date: "2010-10-18", category: 3, evidence: "Upgrade booked for 2 November." });
    const list = await t.json<{
      items: { ref: string; reviews: { date: string }[]; reviewCount: number }[];
      owners: { email: string }[];
      ownerChoices: { email: string }[];
      canEdit: boolean;
    }>(t.dash(t.who.director, "GET", ""));
    const cf5 = list.items.find((a) => a.ref === "CF-5")!;
    expect(cf5.reviews.map((r) => r.date)).toEqual(["2010-10-04", "2010-10-18"]);
    expect(cf5.reviewCount).toBe(3);
    expect(list.owners.map((o) => o.email)).toEqual(["director@council.example"]);
    expect(list.ownerChoices.map((o) => o.email)).toEqual([
      "admin@council.example",
      "director@council.example",
      "manager@council.example",
      "waste@council.example",
    ]);
    expect(list.canEdit).toBe(true);
    // Filtered, the owner filter still offers every owner.
    expect((await t.json<{ owners: unknown[] }>(t.dash(t.who.director, "GET", "?category=1"))).owners).toHaveLength(1);

    const created = await t.dash(t.who.director, "POST", "", {
      ref: "CF-11",
      text: "Publish the voicemail standard.",
      source: "Customer feedback: waiting time",
      teams: ["CONTACT"],
    });
    expect(created.status).toBe(201);
    const progress = await t.dash(t.who.director, "POST", "/CF-11/progress", { date: "2010-10-20", category: 2, evidence: "Draft with the Head of Service." });
    expect(progress.status).toBe(201);
    const { action } = await t.json<{ action: { reviews: { recordedBy: string }[]; latest: { label: string } } }>(progress);
    expect(action.reviews[0]!.recordedBy).toBe("director@council.example");
    expect(action.latest.label).toBe("On track");
    const page = await t.json<{ canEdit: boolean; ownerChoices: unknown[] }>(t.dash(t.who.manager, "GET", "/CF-11"));
    expect(page).toMatchObject({ canEdit: false, ownerChoices: [] });
  });

  test("exports the tracker as CSV: one row per review, formulas defused, the filters applied", async () => {
    const t = await trackerSetup();
    await seedTracker(t);
    await t.api("PATCH", "/actions/CF-10", { text: '=HYPERLINK("http://evil.example") call back' });
    const res = await t.dash(t.who.director, "GET", "/export/tracker.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="actions-tracker-2010-10-20.csv"');
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Reference,Recommendation,Source,Responsibility,Owner,Anticipated completion,Themes,Teams,Departments,Review date,Evidence of progress,Category,Assessment",
    );
    // CF-1 and CF-5 reviewed twice, CF-7 and CF-10 not yet: one row each.
    expect(lines).toHaveLength(1 + 2 + 2 + 1 + 1);
    expect(lines.filter((l) => l.startsWith("CF-5,")).map((l) => l.split(",").slice(-2).join(","))).toEqual(["2,On track", "3,Slipped"]);
    expect(lines.find((l) => l.startsWith("CF-10,"))).toContain(`"'=HYPERLINK(""http://evil.example"") call back"`);
    expect(lines.at(-1)).toMatch(/^CF-10,.*,,,,$/);
    const filtered = (await (await t.dash(t.who.director, "GET", "/export/tracker.csv?category=1")).text()).trimEnd().split("\r\n");
    expect(filtered.slice(1).map((l) => l.split(",")[0])).toEqual(["CF-1", "CF-1"]);
  });
});

describe("the quarterly report", () => {
  type Section = {
    labels: Record<string, string>;
    counts: Record<string, number>;
    changed: number;
    items: {
      ref: string;
      latest: { date: string; category: number; label: string } | null;
      change: { from: number | null; to: number; toLabel: string } | null;
      overdue: boolean;
    }[];
  };
  const section = async (t: TrackerTest, who: keyof TrackerTest["who"], query: string) => {
    const res = await t.call(t.who[who], "GET", `/report/quarterly?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { actions: Section }).actions;
  };

  test("lists the actions with their latest review, counts by category and which changed since the last quarter", async () => {
    const t = await trackerSetup();
    await seedTracker(t);
    const q4 = await section(t, "director", "quarter=2010-10-01");
    expect(q4.items.map((a) => [a.ref, a.latest?.category ?? null, a.change && [a.change.from, a.change.to]])).toEqual([
      ["CF-1", 1, [2, 1]],
      ["CF-5", 3, [2, 3]],
      ["CF-7", null, null],
      ["CF-10", null, null],
    ]);
    expect(q4.counts).toEqual({ 1: 1, 2: 0, 3: 1, 4: 0, none: 2 });
    expect(q4.changed).toBe(2);
    expect(q4.items[1]!.change!.toLabel).toBe("Slipped");
    // As the previous quarter ended: both on track since May, no change since June; the
    // actions added in October were not there yet.
    const q3 = await section(t, "director", "quarter=2010-08-15");
    expect(q3.items.map((a) => [a.ref, a.latest?.category ?? null, a.change])).toEqual([
      ["CF-1", 2, null],
      ["CF-5", 2, null],
    ]);
    // The quarter May's review was made in: first assessed.
    const q2 = await section(t, "director", "quarter=2010-05-01");
    expect(q2.changed).toBe(2);
    expect(q2.items.map((a) => a.ref)).toEqual(["CF-1", "CF-5"]);
  });

  test("follows the report's scope: a manager's team, a department filter", async () => {
    const t = await trackerSetup();
    await seedTracker(t);
    expect((await section(t, "manager", "quarter=2010-10-01")).items.map((a) => a.ref)).toEqual(["CF-1", "CF-5"]);
    expect((await section(t, "waste", "quarter=2010-10-01")).items.map((a) => a.ref)).toEqual(["CF-7"]);
    expect((await section(t, "director", "quarter=2010-10-01&department=ENV")).items.map((a) => a.ref)).toEqual(["CF-7"]);
    expect((await section(t, "director", "quarter=2010-10-01&theme=waiting_time")).items.map((a) => a.ref)).toEqual(["CF-10"]);
  });
});
