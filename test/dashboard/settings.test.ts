import { beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

type Who = { cookie: string; csrf: string };
let t: TestApp;
let admin: Who;
let director: Who;
let manager: Who;

const get = (who: Who, path: string) => t.app.request(`/dashboard/api/settings${path}`, { headers: { Cookie: who.cookie } });
/** A change as the browser sends it: JSON with the session's CSRF token (unless told not to). */
const send = (who: Who, method: string, path: string, body?: unknown, csrf = true) =>
  t.app.request(`/dashboard/api/settings${path}`, {
    method,
    headers: { Cookie: who.cookie, "Content-Type": "application/json", ...(csrf ? { "X-CSRF-Token": who.csrf } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const fields = async (res: Response) => ((await res.json()) as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path) ?? [];
type Settings = {
  departments: { code: string; name: string; retiredAt: number | null }[];
  teams: { code: string; name: string; department: string; retiredAt: number | null }[];
  staff: { code: string; name: string; team: string; retiredAt: number | null }[];
  services: { code: string; name: string; retiredAt: number | null }[];
  themes: { code: string; rules: Record<string, string[]>; retiredAt: number | null }[];
  targets: { code: string; value: number; team: string | null; retiredAt: number | null }[];
  users: { id: number; email: string; role: string; team: string | null; disabledAt: number | null }[];
  apiKeys: { id: number; name: string; revokedAt: number | null }[];
};
const settings = async () => (await (await get(admin, "")).json()) as Settings;

beforeAll(async () => {
  t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 1, days: 30 });
  admin = await signIn(t.app, "admin@council.example", PASSWORD);
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
});

describe("settings: who may", () => {
  // Every settings call, reads and changes: directors and managers get 403 before any validation.
  const calls: [string, string, unknown][] = [
    ["GET", "", undefined],
    ["POST", "/departments", { code: "X", name: "X" }],
    ["PATCH", "/departments/CLS", { name: "X" }],
    ["POST", "/teams", { code: "X", name: "X", department: "CLS" }],
    ["PATCH", "/teams/WASTE", { retired: true }],
    ["POST", "/staff", { code: "x", name: "X", email: "x@council.example", team: "WASTE" }],
    ["PATCH", "/staff/alice", { name: "X" }],
    ["POST", "/services", { code: "x", name: "X" }],
    ["PATCH", "/services/bins", { retired: true }],
    ["POST", "/themes", { code: "x", name: "X", rules: { en: ["x"] } }],
    ["PATCH", "/themes/timeliness", { name: "X" }],
    ["POST", "/targets", { code: "x", measure: "csat", value: 80, team: "WASTE" }],
    ["PATCH", "/targets/csat-all", { value: 1 }],
    ["GET", "/staff/alice/signature", undefined],
    ["POST", "/users", { email: "new@council.example", role: "director" }],
    ["PATCH", "/users/1", { disabled: true }],
    ["POST", "/users/1/role", { role: "director" }],
    ["POST", "/users/1/password", undefined],
    ["POST", "/api-keys", { name: "CRM" }],
    ["POST", "/api-keys/1/revoke", undefined],
  ];
  test.each(calls)("%s %s is 403 for a director and a manager", async (method, path, body) => {
    for (const who of [director, manager]) {
      const res = method === "GET" ? await get(who, path) : await send(who, method, path, body);
      expect(res.status).toBe(403);
    }
  });

  test.each(calls.filter(([m]) => m !== "GET"))("%s %s without the CSRF token is 403, even for an administrator", async (method, path, body) => {
    const res = await send(admin, method, path, body, false);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { message: "Missing or wrong CSRF token." } });
  });
});

describe("settings: reference data", () => {
  test("departments: create, rename, retire and bring back", async () => {
    expect((await send(admin, "POST", "/departments", { code: "HSG", name: "Housing" })).status).toBe(201);
    expect((await send(admin, "PATCH", "/departments/HSG", { name: "Housing Services" })).status).toBe(200);
    expect((await send(admin, "PATCH", "/departments/HSG", { retired: true })).status).toBe(200);
    expect((await settings()).departments.find((d) => d.code === "HSG")).toMatchObject({ name: "Housing Services", retiredAt: expect.any(Number) });
    expect((await send(admin, "PATCH", "/departments/HSG", { retired: false })).status).toBe(200);
    expect((await settings()).departments.find((d) => d.code === "HSG")?.retiredAt).toBeNull();
    // A duplicate code is a conflict, not a 500.
    expect((await send(admin, "POST", "/departments", { code: "HSG", name: "Again" })).status).toBe(409);
  });

  test("teams: create in a department, move, and the filter options follow", async () => {
    expect((await send(admin, "POST", "/teams", { code: "TENANCY", name: "Tenancy", department: "CLS" })).status).toBe(201);
    expect((await send(admin, "PATCH", "/teams/TENANCY", { department: "ENV" })).status).toBe(200);
    expect((await settings()).teams.find((x) => x.code === "TENANCY")?.department).toBe("ENV");
    const options = (await (await t.app.request("/dashboard/api/options", { headers: { Cookie: admin.cookie } })).json()) as { teams: { code: string }[] };
    expect(options.teams.map((x) => x.code)).toContain("TENANCY");
    // The reference services' rules apply here too: a team with active staff cannot be retired.
    expect((await send(admin, "PATCH", "/teams/WASTE", { retired: true })).status).toBe(409);
    // An unknown department in the body is 422.
    expect((await send(admin, "POST", "/teams", { code: "T2", name: "T2", department: "NOPE" })).status).toBe(422);
  });

  test("staff: create, edit, retire, bring back, and the signature snippet", async () => {
    expect((await send(admin, "POST", "/staff", { code: "carol", name: "Carol Cole", email: "Carol@Council.example", team: "BENEFITS" })).status).toBe(201);
    expect((await send(admin, "PATCH", "/staff/carol", { name: "Carol Coles", team: "CONTACT" })).status).toBe(200);
    const sig = (await (await get(admin, "/staff/carol/signature")).json()) as { html: string; text: string; staff: { name: string } };
    expect(sig.staff.name).toBe("Carol Coles");
    expect(sig.html).toContain("/r/carol/1");
    expect(sig.html).toContain("/r/carol/5");
    expect(sig.text).toContain("/r/carol");
    expect((await send(admin, "PATCH", "/staff/carol", { retired: true })).status).toBe(200);
    expect((await get(admin, "/staff/carol/signature")).status).toBe(410);
    expect((await send(admin, "PATCH", "/staff/carol", { retired: false })).status).toBe(200);
    expect((await get(admin, "/staff/nobody/signature")).status).toBe(404);
  });

  test("services: create, retire, bring back", async () => {
    expect((await send(admin, "POST", "/services", { code: "parking", name: "Parking" })).status).toBe(201);
    expect((await send(admin, "PATCH", "/services/parking", { retired: true })).status).toBe(200);
    expect((await settings()).services.find((x) => x.code === "parking")?.retiredAt).not.toBeNull();
    expect((await send(admin, "PATCH", "/services/parking", { retired: false })).status).toBe(200);
  });

  test("themes: rules per language, replaced as a whole", async () => {
    const created = await send(admin, "POST", "/themes", { code: "parking", name: "Parking", rules: { en: ["parking", "permit*"], cy: ["parcio"] } });
    expect(created.status).toBe(201);
    expect((await send(admin, "PATCH", "/themes/parking", { rules: { en: ["car park"] } })).status).toBe(200);
    expect((await settings()).themes.find((x) => x.code === "parking")?.rules).toEqual({ en: ["car park"] });
    expect((await send(admin, "PATCH", "/themes/parking", { retired: true })).status).toBe(200);
    expect((await send(admin, "PATCH", "/themes/parking", { retired: false })).status).toBe(200);
  });

  test("targets: for a team, value changed, retired and brought back; one per scope", async () => {
    expect((await send(admin, "POST", "/targets", { code: "csat-waste", measure: "csat", value: 75, team: "WASTE" })).status).toBe(201);
    expect((await send(admin, "POST", "/targets", { code: "csat-waste-2", measure: "csat", value: 70, team: "WASTE" })).status).toBe(409);
    expect((await send(admin, "PATCH", "/targets/csat-waste", { value: 78 })).status).toBe(200);
    expect((await send(admin, "PATCH", "/targets/csat-waste", { retired: true })).status).toBe(200);
    const retired = (await settings()).targets.find((x) => x.code === "csat-waste");
    expect(retired).toMatchObject({ value: 78, team: "WASTE", retiredAt: expect.any(Number) });
    expect((await send(admin, "PATCH", "/targets/csat-waste", { retired: false })).status).toBe(200);
  });

  test.each([
    ["/departments", { code: "bad code!", name: "" }, ["code", "name"]],
    ["/teams", { code: "T", name: "T" }, ["department"]],
    ["/staff", { code: "s", name: "S", email: "not-an-email", team: "WASTE" }, ["email"]],
    ["/services", { code: "", name: "S" }, ["code"]],
    ["/themes", { code: "th", name: "T", rules: { en: ["***"] } }, ["rules.en.0"]],
    ["/themes", { code: "th", name: "T", rules: {} }, ["rules"]],
    ["/targets", { code: "g", measure: "csat", value: 120 }, ["value"]],
    ["/targets", { code: "g", measure: "csat", value: 80, team: "WASTE", department: "ENV" }, ["team"]],
    ["/users", { email: "x", role: "boss" }, ["email", "role"]],
    ["/users", { email: "m@council.example", role: "manager" }, ["team"]],
    ["/users/1/role", { role: "manager" }, ["team"]],
    ["/users/1/role", { role: "director", team: "WASTE" }, ["team"]],
    ["/users/1/role", { role: "boss", extra: 1 }, ["role"]],
    ["/api-keys", { name: "" }, ["name"]],
  ])("POST %s with bad input is 400 naming the fields", async (path, body, expected) => {
    const res = await send(admin, "POST", path, body);
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(expect.arrayContaining(expected));
  });
});

describe("settings: users and API keys", () => {
  test("an administrator adds a manager, sees the password once, and disables them", async () => {
    const res = await send(admin, "POST", "/users", { email: "New.Manager@council.example", role: "manager", team: "WASTE" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; email: string; password: string };
    expect(body.email).toBe("new.manager@council.example");
    expect(body.password.length).toBeGreaterThanOrEqual(16);
    // The password works, and is not readable afterwards.
    const session = await signIn(t.app, "new.manager@council.example", body.password);
    expect(session.cookie).not.toBe("");
    expect(await (await get(admin, "")).text()).not.toContain(body.password);
    expect((await send(admin, "POST", "/users", { email: "new.manager@council.example", role: "director" })).status).toBe(409);

    expect((await send(admin, "PATCH", `/users/${body.id}`, { disabled: true })).status).toBe(200);
    // Disabling ends their sessions at once and stops new ones.
    expect((await t.app.request("/dashboard/api/me", { headers: { Cookie: session.cookie } })).status).toBe(401);
    expect((await signIn(t.app, "new.manager@council.example", body.password)).cookie).toBe("");
    expect((await settings()).users.find((u) => u.id === body.id)?.disabledAt).not.toBeNull();
    expect((await send(admin, "PATCH", `/users/${body.id}`, { disabled: false })).status).toBe(200);
    expect((await signIn(t.app, "new.manager@council.example", body.password)).cookie).not.toBe("");
  });

  test("an administrator cannot disable themselves", async () => {
    const me = (await settings()).users.find((u) => u.email === "admin@council.example")!;
    expect((await send(admin, "PATCH", `/users/${me.id}`, { disabled: true })).status).toBe(409);
    expect((await send(admin, "PATCH", "/users/99999", { disabled: true })).status).toBe(404);
  });

  test("an administrator resets a password: a new one shown once, the old one and every session end, a lock is lifted", async () => {
    const created = (await (await send(admin, "POST", "/users", { email: "forgetful@council.example", role: "director" })).json()) as {
      id: number;
      password: string;
    };
    const session = await signIn(t.app, "forgetful@council.example", created.password);
    expect(session.cookie).not.toBe("");
    const res = await send(admin, "POST", `/users/${created.id}/password`);
    expect(res.status).toBe(200);
    const { password } = (await res.json()) as { password: string };
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(password).not.toBe(created.password);
    expect((await t.app.request("/dashboard/api/me", { headers: { Cookie: session.cookie } })).status).toBe(401);
    expect((await signIn(t.app, "forgetful@council.example", created.password)).cookie).toBe("");
    expect((await signIn(t.app, "forgetful@council.example", password)).cookie).not.toBe("");
    expect(await (await get(admin, "")).text()).not.toContain(password);
    expect((await send(admin, "POST", "/users/99999/password")).status).toBe(404);
  });

  test("an administrator changes a user's role and team; it applies to their next request; nobody changes their own", async () => {
    const created = (await (await send(admin, "POST", "/users", { email: "mover@council.example", role: "director" })).json()) as {
      id: number;
      password: string;
    };
    const session = await signIn(t.app, "mover@council.example", created.password);
    const me = async () =>
      (await (await t.app.request("/dashboard/api/me", { headers: { Cookie: session.cookie } })).json()) as { role: string; team: string | null };
    expect((await me()).role).toBe("director");

    const res = await send(admin, "POST", `/users/${created.id}/role`, { role: "manager", team: "WASTE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: created.id, email: "mover@council.example", role: "manager", team: "WASTE", department: null });
    // Same session, now a manager of one team: another team's figures are refused.
    expect(await me()).toMatchObject({ role: "manager" });
    const otherTeam = await t.app.request("/dashboard/api/overview?team=CONTACT", { headers: { Cookie: session.cookie } });
    expect(otherTeam.status).toBe(403);
    expect((await settings()).users.find((u) => u.id === created.id)).toMatchObject({ role: "manager", team: "WASTE" });

    const self = (await settings()).users.find((u) => u.email === "admin@council.example")!;
    expect((await send(admin, "POST", `/users/${self.id}/role`, { role: "director" })).status).toBe(409);
    expect((await send(admin, "POST", "/users/99999/role", { role: "director" })).status).toBe(404);
    expect((await send(admin, "POST", `/users/${created.id}/role`, { role: "manager", team: "NO-SUCH-TEAM" })).status).toBe(422);
    // A director's department (where overdue follow-up cases escalate); only directors have one.
    const director = await send(admin, "POST", `/users/${created.id}/role`, { role: "director", department: "ENV" });
    expect(await director.json()).toMatchObject({ role: "director", department: "ENV" });
    expect((await settings()).users.find((u) => u.id === created.id)).toMatchObject({ role: "director", team: null, department: "ENV" });
    const refused = await send(admin, "POST", `/users/${created.id}/role`, { role: "manager", team: "WASTE", department: "ENV" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toEqual(["department"]);
  });

  test("an API key is shown once, works on /api/v1, and stops working when revoked", async () => {
    const res = await send(admin, "POST", "/api-keys", { name: "CRM" });
    expect(res.status).toBe(201);
    const { id, key } = (await res.json()) as { id: number; key: string };
    expect(await (await get(admin, "")).text()).not.toContain(key);
    const auth = { Authorization: `Bearer ${key}` };
    expect((await t.app.request("/api/v1/departments", { headers: auth })).status).toBe(200);
    expect((await send(admin, "POST", `/api-keys/${id}/revoke`)).status).toBe(200);
    expect((await t.app.request("/api/v1/departments", { headers: auth })).status).toBe(403);
    expect((await settings()).apiKeys.find((k) => k.id === id)?.revokedAt).not.toBeNull();
    expect((await send(admin, "POST", "/api-keys/99999/revoke")).status).toBe(404);
  });
});
