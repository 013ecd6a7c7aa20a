import { count } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { interactions } from "../../src/db/schema";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * Malformed input of every kind answers 400 with a JSON body naming each bad field, never a
 * 500 and never a silent success. Each row: what is sent, and the field paths the answer must
 * name (every one of them, so a row with two bad fields proves both are reported).
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganisation(t);
});

const interaction = { channel: "phone", team: "CONTACT", occurredAt: "2026-03-01T10:00:00Z" };

type Row = {
  name: string;
  method?: string;
  path: string;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  status?: number;
  fields: string[];
};

const rows: Row[] = [
  { name: "bad JSON", path: "/departments", body: '{"code": "X", "name": ', fields: ["(body)"] },
  { name: "bad JSON (single quotes)", path: "/interactions", body: "{'channel': 'phone'}", fields: ["(body)"] },
  { name: "an empty body", path: "/departments", body: "", fields: ["code", "name"] },
  { name: "no body at all", path: "/interactions", fields: ["channel", "team", "occurredAt"] },
  { name: "a JSON array", path: "/departments", body: [{ code: "X", name: "X" }], fields: ["(body)"] },
  { name: "a JSON string", path: "/departments", body: '"X"', fields: ["(body)"] },
  { name: "JSON null", path: "/interactions", body: "null", fields: ["(body)"] },
  {
    name: "wrong content type",
    path: "/departments",
    body: "code=X&name=Y",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    fields: ["(body)"],
  },
  { name: "text/plain JSON", path: "/departments", body: '{"code":"X","name":"Y"}', headers: { "Content-Type": "text/plain" }, fields: ["(body)"] },
  { name: "wrong types", path: "/departments", body: { code: 12, name: true }, fields: ["code", "name"] },
  { name: "missing fields", path: "/teams", body: { name: "T" }, fields: ["code", "department"] },
  { name: "an oversized name", path: "/departments", body: { code: "X", name: "n".repeat(201) }, fields: ["name"] },
  { name: "an oversized code", path: "/services", body: { code: "c".repeat(65), name: "S" }, fields: ["code"] },
  { name: "a code with spaces", path: "/services", body: { code: "council tax", name: "S" }, fields: ["code"] },
  { name: "a blank name", path: "/services", body: { code: "s", name: "   " }, fields: ["name"] },
  { name: "an oversized externalRef", path: "/interactions", body: { ...interaction, externalRef: "r".repeat(201) }, fields: ["externalRef"] },
  { name: "an unknown channel", path: "/interactions", body: { ...interaction, channel: "pigeon" }, fields: ["channel"] },
  { name: "an unknown language", path: "/interactions", body: { ...interaction, language: "xx" }, fields: ["language"] },
  { name: "an unknown measure", path: "/targets", body: { code: "t", measure: "nps", value: 50 }, fields: ["measure"] },
  { name: "unknown extra fields", path: "/departments", body: { code: "X", name: "Y", colour: "red", id: 3 }, fields: ["colour", "id"] },
  { name: "an unknown nested field", path: "/interactions", body: { ...interaction, customer: { email: "a@b.example", age: 3 } }, fields: ["customer.age"] },
  { name: "an impossible date", path: "/interactions", body: { ...interaction, occurredAt: "2025-02-30T10:00:00Z" }, fields: ["occurredAt"] },
  { name: "a date without time", path: "/interactions", body: { ...interaction, occurredAt: "2026-03-01" }, fields: ["occurredAt"] },
  {
    name: "a bad customer email and phone",
    path: "/interactions",
    body: { ...interaction, customer: { email: "nope", phone: "call me" } },
    fields: ["customer.email", "customer.phone"],
  },
  { name: "a number as a string", path: "/targets", body: { code: "t", measure: "csat", value: "85" }, fields: ["value"] },
  { name: "an empty PATCH", method: "PATCH", path: "/departments/CLS", body: {}, fields: ["(body)"] },
  { name: "changing a code by PATCH", method: "PATCH", path: "/departments/CLS", body: { code: "NEW" }, fields: ["code"] },
  { name: "retired not a boolean", method: "PATCH", path: "/teams/WASTE", body: { retired: "yes" }, fields: ["retired"] },
  { name: "a malformed code in the path", method: "GET", path: `/teams/${"x".repeat(65)}`, fields: ["code"] },
  { name: "an unknown list parameter", method: "GET", path: "/teams?colour=red", fields: ["colour"] },
  { name: "includeRetired not a boolean", method: "GET", path: "/staff?includeRetired=maybe", fields: ["includeRetired"] },
  { name: "an empty batch", path: "/interactions/batch", body: { interactions: [] }, fields: ["interactions"] },
  { name: "a batch that is not a list", path: "/interactions/batch", body: { interactions: "all" }, fields: ["interactions"] },
  {
    name: "1,001 interactions in a batch",
    path: "/interactions/batch",
    body: { interactions: Array.from({ length: 1001 }, () => interaction) },
    fields: ["interactions"],
  },
  {
    name: "bad items in a batch, named by index",
    path: "/interactions/batch",
    body: { interactions: [interaction, { ...interaction, channel: "fax" }, interaction, { ...interaction, occurredAt: "2025-13-01T00:00:00Z" }] },
    fields: ["interactions.1.channel", "interactions.3.occurredAt"],
  },
  { name: "a summary without dates", method: "GET", path: "/reports/summary", fields: ["from", "to"] },
  { name: "a summary with an impossible date", method: "GET", path: "/reports/summary?from=2025-02-30&to=2025-03-31", fields: ["from"] },
  { name: "a summary with an unknown groupBy", method: "GET", path: "/reports/summary?from=2026-01-01&to=2026-03-31&groupBy=colour", fields: ["groupBy"] },
  { name: "a summary with an unknown period", method: "GET", path: "/reports/summary?from=2026-01-01&to=2026-03-31&period=day", fields: ["period"] },
  { name: "a summary with to before from", method: "GET", path: "/reports/summary?from=2026-03-01&to=2026-01-01", fields: ["to"] },
  { name: "a summary with an unknown channel", method: "GET", path: "/reports/summary?from=2026-01-01&to=2026-03-31&channel=fax", fields: ["channel"] },
];

describe("malformed input answers 400 naming each bad field", () => {
  test.each(rows)("$name", async ({ method = "POST", path, body, headers = {}, status = 400, fields }) => {
    const res = await t.api(method, path, body, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/json");
    const payload = (await res.json()) as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
    expect(payload.error.code).toBe("invalid_input");
    const named = payload.error.fields.map((f) => f.path);
    for (const field of fields) expect(named, `fields named: ${JSON.stringify(payload.error.fields)}`).toContain(field);
    for (const f of payload.error.fields) expect(f.message.length).toBeGreaterThan(0);
  });

  test("nothing was stored by any of them", async () => {
    const departments = (await (await t.api("GET", "/departments?includeRetired=true")).json()) as { departments: { code: string }[] };
    expect(departments.departments.map((d) => d.code)).toEqual(["CLS", "ENV"]);
    expect(await t.db.read.select({ n: count() }).from(interactions)).toEqual([{ n: 0 }]);
  });

  test("a 3 MB body answers 413", async () => {
    const res = await t.api("POST", "/interactions", JSON.stringify({ ...interaction, externalRef: "x".repeat(3 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too_large");
  });

  test("a body without a content type is refused, not read as empty", async () => {
    const res = await t.app.request("/api/v1/departments", {
      method: "POST",
      headers: { ...t.auth },
      body: new TextEncoder().encode('{"code":"X","name":"Y"}'),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("Content-Type: application/json");
  });
});
