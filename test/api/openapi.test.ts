import { beforeAll, describe, expect, test } from "vitest";
import { createTestApp, type TestApp } from "../helpers";

type Media = { schema?: { properties?: Record<string, unknown>; $ref?: string }; example?: unknown; examples?: unknown };
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: { "application/json": { schema: { properties?: Record<string, unknown>; required?: string[] } } } };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
};
type Spec = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
const spec = async () => (await (await t.app.request("/api/v1/openapi.json")).json()) as Spec;

const ENTITIES = ["departments", "teams", "staff", "services", "themes", "targets"];

/** [method, path, required body fields] for every route an integrating system calls. */
const expected: [string, string, string[]][] = [
  ["post", "/interactions", ["channel", "team", "occurredAt"]],
  ["post", "/interactions/batch", ["interactions"]],
  ["get", "/reports/summary", []],
  ["get", "/follow-ups", []],
  ["post", "/follow-ups/{id}/acknowledge", []],
  ["post", "/follow-ups/{id}/respond", []],
  ["post", "/follow-ups/{id}/close", []],
  ["get", "/actions", []],
  ["post", "/actions", ["ref", "text", "source"]],
  ["get", "/actions/{ref}", []],
  ["patch", "/actions/{ref}", []],
  ["post", "/actions/{ref}/progress", ["date", "evidence", "category"]],
  ...ENTITIES.flatMap((e): [string, string, string[]][] => [
    ["get", `/${e}`, []],
    ["post", `/${e}`, ["code"]],
    ["get", `/${e}/{code}`, []],
    ["patch", `/${e}/{code}`, []],
    ["post", `/${e}/{code}/retire`, []],
  ]),
];

describe("GET /api/v1/openapi.json", () => {
  test("is OpenAPI 3 and documents every route with a tag, a summary and its responses", async () => {
    const s = await spec();
    expect(s.openapi).toMatch(/^3\./);
    for (const [method, path] of expected) {
      const op = s.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(op!.tags?.length, path).toBeGreaterThan(0);
      expect(op!.summary, path).toBeTruthy();
      expect(op!.responses["400"], `${path} documents 400`).toBeDefined();
    }
  });

  test.each(expected.filter(([m]) => m !== "get"))("%s %s documents its request body", async (method, path, required) => {
    const op = (await spec()).paths[path]![method]!;
    if (path.endsWith("/retire")) {
      expect(op.requestBody).toBeUndefined();
      return;
    }
    const schema = op.requestBody!.content["application/json"].schema;
    expect(schema.properties).toBeDefined();
    for (const field of required) expect(schema.required).toContain(field);
  });

  test("request schemas are the validating ones: enums, limits and references by code", async () => {
    const s = await spec();
    const body = (path: string) =>
      s.paths[path]!.post!.requestBody!.content["application/json"].schema as {
        properties: Record<string, { enum?: string[]; maxLength?: number; items?: unknown }>;
        additionalProperties?: boolean;
      };
    expect(body("/interactions").properties.channel!.enum).toEqual(["phone", "email", "face_to_face", "web_chat", "letter"]);
    expect(body("/interactions").additionalProperties).toBe(false);
    expect(body("/teams").properties).toHaveProperty("department");
    expect(body("/staff").properties).toHaveProperty("team");
    expect(body("/departments").properties.name!.maxLength).toBe(200);
    expect(body("/targets").properties.measure!.enum).toContain("ces_mean");
    expect(JSON.stringify(body("/interactions/batch").properties.interactions!.items)).toContain("occurredAt");
  });

  test("the summary documents its query parameters, and path codes are parameters", async () => {
    const s = await spec();
    const params = s.paths["/reports/summary"]!.get!.parameters!.map((p) => p.name);
    expect(params).toEqual(expect.arrayContaining(["groupBy", "period", "from", "to", "department", "team", "staff", "service", "channel", "theme"]));
    expect(s.paths["/teams/{code}"]!.get!.parameters).toEqual([expect.objectContaining({ in: "path", name: "code", required: true })]);
  });
});

describe("errors and examples in the OpenAPI document", () => {
  /** Every operation in the document, as [METHOD path, operation]. */
  const operations = async () =>
    Object.entries((await spec()).paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as const));
  const jsonSchemaOf = (op: Operation, status: string) => op.responses[status]?.content?.["application/json"]?.schema;

  test("every operation documents 400, 401, 403, 413 and 429 with the error schema", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(expected.length + 2);
    for (const [name, op] of ops) {
      for (const status of ["400", "401", "403", "413", "429"]) {
        const schema = jsonSchemaOf(op, status);
        expect(schema, `${name} documents ${status} with a schema`).toBeDefined();
        expect(JSON.stringify(schema), `${name} ${status}`).toContain('"error"');
      }
    }
  });

  test("every operation has a description and an example", async () => {
    for (const [name, op] of await operations()) {
      expect(op.description?.length ?? 0, `${name} has a description`).toBeGreaterThan(20);
      const media = Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}));
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      expect(success.length, name).toBeGreaterThan(0);
      for (const [status, r] of success) expect(r.content?.["application/json"]?.example, `${name} ${status} has an example`).toBeDefined();
      expect(
        media.every((m) => m.example !== undefined),
        `${name}: every answer has an example`,
      ).toBe(true);
    }
  });

  test("the operations that can answer 422 document it with a schema, the batch's with its items", async () => {
    const s = await spec();
    const can422 = [
      ["post", "/interactions"],
      ["post", "/interactions/batch"],
      ["post", "/phone-surveys"],
      ...ENTITIES.flatMap((e) => [
        ["post", `/${e}`],
        ["patch", `/${e}/{code}`],
      ]),
    ] as const;
    for (const [method, path] of can422) {
      const schema = jsonSchemaOf(s.paths[path]![method]!, "422");
      expect(schema, `${method.toUpperCase()} ${path} documents 422 with a schema`).toBeDefined();
      expect(JSON.stringify(schema)).toContain('"error"');
    }
    const batch = jsonSchemaOf(s.paths["/interactions/batch"]!.post!, "422") as { properties: { items: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(batch.properties.items.items.properties)).toEqual(expect.arrayContaining(["index", "status", "message"]));
  });
});

describe("GET /api/v1/docs", () => {
  test("renders a readable HTML page listing every route", async () => {
    const res = await t.app.request("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    for (const [method, path] of expected) expect(html).toContain(`${method.toUpperCase()}</span> <code>/api/v1${path}</code>`);
  });
});
