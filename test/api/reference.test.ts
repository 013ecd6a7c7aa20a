import { beforeEach, describe, expect, test } from "vitest";
import { DAY } from "../../src/clock";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { ThemeInput } from "../../src/schemas/reference";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
});

const json = async (res: Response) => ({
  status: res.status,
  body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
});
const call = async (method: string, path: string, body?: unknown) => json(await t.api(method, path, body));

const NOW = "2026-03-02T09:00:00.000Z";

describe("departments", () => {
  test("create, read, list, rename, retire, bring back", async () => {
    const created = await call("POST", "/departments", { code: "HSG", name: "Housing" });
    expect(created).toEqual({ status: 201, body: { code: "HSG", name: "Housing", retired: false, retiredAt: null, createdAt: NOW } });

    expect(await call("GET", "/departments/HSG")).toEqual({ status: 200, body: created.body });
    expect((await call("GET", "/departments")).body.departments).toEqual([
      expect.objectContaining({ code: "CLS" }),
      expect.objectContaining({ code: "ENV" }),
      created.body,
    ]);

    const renamed = await call("PATCH", "/departments/HSG", { name: "Housing and Homes" });
    expect(renamed.body).toMatchObject({ code: "HSG", name: "Housing and Homes", retired: false });

    t.clock.advance(DAY);
    const retired = await call("POST", "/departments/HSG/retire");
    expect(retired).toEqual({
      status: 200,
      body: { code: "HSG", name: "Housing and Homes", retired: true, retiredAt: "2026-03-03T09:00:00.000Z", createdAt: NOW },
    });
    // Retiring again keeps the first retirement time.
    t.clock.advance(DAY);
    expect((await call("POST", "/departments/HSG/retire")).body.retiredAt).toBe("2026-03-03T09:00:00.000Z");

    const active = (await call("GET", "/departments")).body.departments as { code: string }[];
    expect(active.map((d) => d.code)).toEqual(["CLS", "ENV"]);
    const all = (await call("GET", "/departments?includeRetired=true")).body.departments as { code: string }[];
    expect(all.map((d) => d.code)).toEqual(["CLS", "ENV", "HSG"]);
    // A retired department is still readable by code.
    expect((await call("GET", "/departments/HSG")).body.retired).toBe(true);

    const back = await call("PATCH", "/departments/HSG", { retired: false });
    expect(back.body).toMatchObject({ retired: false, retiredAt: null });
  });

  test("a duplicate code is a 409; an unknown code in the path is a 404", async () => {
    const dup = await call("POST", "/departments", { code: "CLS", name: "Again" });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: "conflict", message: expect.stringContaining("CLS") });
    for (const [method, path, body] of [
      ["GET", "/departments/NOPE", undefined],
      ["PATCH", "/departments/NOPE", { name: "X" }],
      ["POST", "/departments/NOPE/retire", undefined],
    ] as const) {
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error?.message).toContain("NOPE");
    }
  });

  test("a department with active teams cannot be retired", async () => {
    const res = await call("POST", "/departments/ENV/retire");
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toContain("WASTE");
    expect((await call("GET", "/departments/ENV")).body.retired).toBe(false);
  });
});

describe("teams", () => {
  test("create with a department code, move, list by department", async () => {
    const created = await call("POST", "/teams", { code: "PARKING", name: "Parking", department: "ENV" });
    expect(created).toEqual({
      status: 201,
      body: { code: "PARKING", name: "Parking", department: "ENV", retired: false, retiredAt: null, createdAt: NOW },
    });
    const env = (await call("GET", "/teams?department=ENV")).body.teams as { code: string }[];
    expect(env.map((x) => x.code)).toEqual(["PARKING", "WASTE"]);

    const moved = await call("PATCH", "/teams/PARKING", { department: "CLS", name: "Parking Services" });
    expect(moved.body).toMatchObject({ code: "PARKING", name: "Parking Services", department: "CLS" });
    expect(await call("GET", "/teams/PARKING")).toEqual(moved);
  });

  test("unknown or retired department in the body is a 422; unknown department filter is a 404", async () => {
    const unknown = await call("POST", "/teams", { code: "X", name: "X", department: "NOPE" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error?.message).toContain("NOPE");
    await call("POST", "/departments", { code: "OLD", name: "Old" });
    await call("POST", "/departments/OLD/retire");
    const retired = await call("POST", "/teams", { code: "X", name: "X", department: "OLD" });
    expect(retired.status).toBe(422);
    expect(retired.body.error?.message).toContain("retired");
    expect((await call("PATCH", "/teams/BENEFITS", { department: "OLD" })).status).toBe(422);
    expect((await call("GET", "/teams?department=NOPE")).status).toBe(404);
    expect((await call("GET", "/teams/X")).status).toBe(404);
  });

  test("a team with active staff cannot be retired; one without can, and comes back", async () => {
    expect((await call("POST", "/teams/CONTACT/retire")).status).toBe(409);
    const retired = await call("POST", "/teams/BENEFITS/retire");
    expect(retired.body).toMatchObject({ code: "BENEFITS", retired: true });
    expect(((await call("GET", "/teams")).body.teams as { code: string }[]).map((x) => x.code)).toEqual(["CONTACT", "WASTE"]);
    // A retired team takes no new staff.
    expect((await call("POST", "/staff", { code: "carol", name: "Carol", email: "c@x.example", team: "BENEFITS" })).status).toBe(422);
    expect((await call("PATCH", "/teams/BENEFITS", { retired: false })).body).toMatchObject({ retired: false });
  });
});

describe("staff", () => {
  test("create, read, move, list by team, retire", async () => {
    const created = await call("POST", "/staff", { code: "carol", name: "Carol Clark", email: "Carol@Council.example", team: "BENEFITS" });
    expect(created).toEqual({
      status: 201,
      body: { code: "carol", name: "Carol Clark", email: "carol@council.example", team: "BENEFITS", retired: false, retiredAt: null, createdAt: NOW },
    });
    expect((await call("GET", "/staff")).body.staff).toHaveLength(3);
    const moved = await call("PATCH", "/staff/carol", { team: "WASTE" });
    expect(moved.body).toMatchObject({ team: "WASTE", name: "Carol Clark" });
    expect(((await call("GET", "/staff?team=WASTE")).body.staff as { code: string }[]).map((s) => s.code)).toEqual(["bob", "carol"]);
    expect((await call("POST", "/staff/carol/retire")).body).toMatchObject({ retired: true });
    expect(((await call("GET", "/staff?team=WASTE")).body.staff as { code: string }[]).map((s) => s.code)).toEqual(["bob"]);
    expect((await call("POST", "/staff", { code: "carol", name: "C", email: "c@x.example", team: "WASTE" })).status).toBe(409);
    expect((await call("POST", "/staff", { code: "dan", name: "D", email: "d@x.example", team: "NOPE" })).status).toBe(422);
  });
});

describe("bringing back under a retired parent", () => {
  test("a team cannot come back into a retired department, but can come back moved to an active one", async () => {
    await call("POST", "/departments", { code: "OLD", name: "Old" });
    await call("POST", "/teams", { code: "T2", name: "Team two", department: "OLD" });
    await call("POST", "/teams/T2/retire");
    expect((await call("POST", "/departments/OLD/retire")).status).toBe(200);
    const refused = await call("PATCH", "/teams/T2", { retired: false });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain("OLD");
    expect((await call("GET", "/teams/T2")).body.retired).toBe(true);
    const moved = await call("PATCH", "/teams/T2", { retired: false, department: "CLS" });
    expect(moved.body).toMatchObject({ retired: false, department: "CLS" });
  });

  test("a staff member cannot come back into a retired team, but can come back moved", async () => {
    await call("POST", "/staff/bob/retire");
    await call("POST", "/teams/WASTE/retire");
    expect((await call("PATCH", "/staff/bob", { retired: false })).status).toBe(409);
    expect((await call("PATCH", "/staff/bob", { retired: false, team: "CONTACT" })).body).toMatchObject({ retired: false, team: "CONTACT" });
  });
});

describe("services", () => {
  test("create, rename, retire, list", async () => {
    expect((await call("POST", "/services", { code: "parking", name: "Parking" })).status).toBe(201);
    expect((await call("PATCH", "/services/parking", { name: "Parking permits" })).body).toMatchObject({ name: "Parking permits" });
    expect((await call("POST", "/services/parking/retire")).body).toMatchObject({ retired: true });
    expect(((await call("GET", "/services")).body.services as { code: string }[]).map((s) => s.code)).toEqual(["bins", "council-tax"]);
    expect((await call("GET", "/services?includeRetired=true")).body.services).toHaveLength(3);
    expect((await call("POST", "/services", { code: "bins", name: "Bins" })).status).toBe(409);
  });
});

describe("themes", () => {
  const rules = { en: ["wait*", "on hold"], cy: ["aros"] };

  test("create with rules per language, replace rules, retire", async () => {
    const created = await call("POST", "/themes", { code: "waiting", name: "Waiting time", rules });
    expect(created).toEqual({
      status: 201,
      body: { code: "waiting", name: "Waiting time", rules, retired: false, retiredAt: null, createdAt: NOW },
    });
    const changed = await call("PATCH", "/themes/waiting", { rules: { en: ["queue*"] } });
    expect(changed.body.rules).toEqual({ en: ["queue*"] });
    expect((await call("POST", "/themes/waiting/retire")).body).toMatchObject({ retired: true });
    expect((await call("GET", "/themes")).body.themes).toEqual([]);
  });

  test.each([
    ["an unknown language", { fr: ["attente"] }, "rules"],
    ["no languages", {}, "rules"],
    ["an empty list", { en: [] }, "rules.en"],
    ["201 rules", { en: Array.from({ length: 201 }, (_, i) => `word${i}`) }, "rules.en"],
    ["a rule of stars only", { en: ["**"] }, "rules.en.0"],
    ["a rule that is not a string", { en: [42] }, "rules.en.0"],
  ])("rules with %s answer 400 naming the field", async (_, bad, path) => {
    const res = await call("POST", "/themes", { code: "t", name: "T", rules: bad });
    expect(res.status).toBe(400);
    expect((res.body.error as unknown as { fields: { path: string }[] }).fields.map((f) => f.path)).toContain(path);
  });

  test("200 rules in one language are accepted", async () => {
    const res = await call("POST", "/themes", { code: "t", name: "T", rules: { ar: Array.from({ length: 200 }, (_, i) => `*كلمة${i}`) } });
    expect(res.status).toBe(201);
  });
});

describe("targets", () => {
  test("organisation, department and team targets, with codes for their scope", async () => {
    const org = await call("POST", "/targets", { code: "csat-all", measure: "csat", value: 85 });
    expect(org).toEqual({
      status: 201,
      body: { code: "csat-all", measure: "csat", value: 85, department: null, team: null, retired: false, retiredAt: null, createdAt: NOW },
    });
    expect((await call("POST", "/targets", { code: "fcr-cls", measure: "fcr", value: 60, department: "CLS" })).body).toMatchObject({
      department: "CLS",
      team: null,
    });
    expect((await call("POST", "/targets", { code: "ces-waste", measure: "ces_mean", value: 5.5, team: "WASTE" })).body).toMatchObject({
      team: "WASTE",
      value: 5.5,
    });
    expect((await call("GET", "/targets?measure=fcr")).body.targets).toEqual([expect.objectContaining({ code: "fcr-cls" })]);
    expect((await call("GET", "/targets?team=WASTE")).body.targets).toEqual([expect.objectContaining({ code: "ces-waste" })]);
    expect((await call("PATCH", "/targets/csat-all", { value: 90 })).body).toMatchObject({ value: 90 });
  });

  test.each([
    ["csat", 101],
    ["csat", -1],
    ["ces_mean", 0.5],
    ["ces_mean", 7.5],
    ["csi_net", -101],
    ["response_rate", 100.1],
  ])("a %s target of %d is out of range: 400 on value", async (measure, value) => {
    const res = await call("POST", "/targets", { code: "x", measure, value });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('"path":"value"');
  });

  test("in-range edge values are accepted", async () => {
    expect((await call("POST", "/targets", { code: "a", measure: "csi_net", value: -100 })).status).toBe(201);
    expect((await call("POST", "/targets", { code: "b", measure: "ces_mean", value: 7 })).status).toBe(201);
  });

  test("department and team together, a value out of range on PATCH, a second active target per scope", async () => {
    const both = await call("POST", "/targets", { code: "x", measure: "csat", value: 80, department: "CLS", team: "CONTACT" });
    expect(both.status).toBe(400);
    await call("POST", "/targets", { code: "ces", measure: "ces_mean", value: 5 });
    const patch = await call("PATCH", "/targets/ces", { value: 50 });
    expect(patch.status).toBe(400);
    expect(JSON.stringify(patch.body)).toContain('"path":"value"');
    expect((await call("POST", "/targets", { code: "ces2", measure: "ces_mean", value: 6 })).status).toBe(409);
    await call("POST", "/targets/ces/retire");
    expect((await call("POST", "/targets", { code: "ces2", measure: "ces_mean", value: 6 })).status).toBe(201);
    // The old one cannot come back while the new one holds its scope.
    expect((await call("PATCH", "/targets/ces", { retired: false })).status).toBe(409);
    expect((await call("POST", "/targets", { code: "t", measure: "fcr", value: 60, team: "NOPE" })).status).toBe(422);
  });
});

describe("seedDefaultThemes", () => {
  test("adds the default themes once, and leaves edited or retired ones alone", async () => {
    const added = await seedDefaultThemes(t.ctx);
    expect(added).toEqual(DEFAULT_THEMES.map((d) => d.code));
    const listed = (await call("GET", "/themes")).body.themes as { code: string; name: string }[];
    expect(listed).toHaveLength(DEFAULT_THEMES.length);
    expect(listed.map((x) => x.code)).toContain("waiting_time");

    await call("PATCH", "/themes/waiting_time", { name: "Waiting", rules: { en: ["queue*"] } });
    await call("POST", "/themes/staff_attitude/retire");
    expect(await seedDefaultThemes(t.ctx)).toEqual([]);
    expect((await call("GET", "/themes/waiting_time")).body).toMatchObject({ name: "Waiting", rules: { en: ["queue*"] } });
    expect((await call("GET", "/themes/staff_attitude")).body.retired).toBe(true);
    expect((await call("GET", "/themes?includeRetired=true")).body.themes).toHaveLength(DEFAULT_THEMES.length);
  });

  test.each(DEFAULT_THEMES.map((d) => [d.code, d] as const))("the default theme %s passes the API's own validation", (_, theme) => {
    const parsed = ThemeInput.safeParse(theme);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
