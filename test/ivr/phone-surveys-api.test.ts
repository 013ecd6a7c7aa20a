import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { interactions, responses } from "../../src/db/schema";
import { generateDemo } from "../../src/services/demo/generate";
import { createTestApp } from "../helpers";
import { interactionOf, phoneSurveyApp, responseOf, rollupTotals, rowCount } from "./setup";

type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };

const call = (overrides: Record<string, unknown> = {}) => ({
  callId: "connect-7c1f2a9e-contact-1",
  team: "CONTACT",
  staff: "alice",
  service: "council-tax",
  occurredAt: "2026-03-02T08:50:00Z",
  language: "en",
  answers: { csat: "4", ces: 6, csi: "5", fcr: 1 },
  ...overrides,
});

describe("POST /api/v1/phone-surveys", () => {
  it("registers the call and stores its answers, digits as strings or numbers", async () => {
    const t = await phoneSurveyApp();
    const res = await t.api("POST", "/phone-surveys", call({ comment: "Sorted my council tax quickly, email me at sam@example.org" }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ callId: "connect-7c1f2a9e-contact-1", existing: false, interactionId: expect.any(Number), responseId: expect.any(Number) });

    expect(await interactionOf(t.db.read, "connect-7c1f2a9e-contact-1")).toMatchObject({
      channel: "phone",
      source: "phone_api",
      teamId: t.org.contact.id,
      staffId: t.org.alice.id,
      serviceId: t.org.tax.id,
      occurredAt: Date.parse("2026-03-02T08:50:00Z"),
    });
    const r = (await responseOf(t.db.read, "connect-7c1f2a9e-contact-1"))!;
    expect(r).toMatchObject({ csat: 4, ces: 6, csi: 5, fcr: "yes", confirmedVia: "phone_api", channel: "phone" });
    expect(r.comment).toContain("Sorted my council tax quickly");
    expect(r.comment).not.toContain("sam@example.org");
  });

  it("is idempotent by call id: the same call again merges into its one response", async () => {
    const t = await phoneSurveyApp();
    const first = await t.api("POST", "/phone-surveys", call({ answers: { csat: 2 } }));
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as { interactionId: number; responseId: number };

    const again = await t.api("POST", "/phone-surveys", call({ answers: { csat: 5, fcr: "2" } }));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ existing: true, interactionId: firstBody.interactionId, responseId: firstBody.responseId });

    const retry = await t.api("POST", "/phone-surveys", call({ answers: { csat: 5, fcr: "2" } }));
    expect(retry.status).toBe(200);

    expect(await responseOf(t.db.read, "connect-7c1f2a9e-contact-1")).toMatchObject({ csat: 5, ces: null, fcr: "partly" });
    expect(await rowCount(t.db.read, responses)).toBe(1);
    expect(await rowCount(t.db.read, interactions)).toBe(1);
    for (const row of await rollupTotals(t.db.read)) expect(row).toMatchObject({ issued: 1, responses: 1, csatN: 1, csatPos: 1, fcrN: 1, fcrYes: 0 });
  });

  it("counts a call with no answers as surveyed (issued) without a response", async () => {
    const t = await phoneSurveyApp();
    const res = await t.api("POST", "/phone-surveys", call({ answers: {} }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ responseId: null });
    expect(await responseOf(t.db.read, "connect-7c1f2a9e-contact-1")).toBeUndefined();
    for (const row of await rollupTotals(t.db.read)) expect(row).toMatchObject({ issued: 1, responses: 0 });
  });

  it("refuses bad input with 400 naming each bad field, storing nothing", async () => {
    const t = await phoneSurveyApp();
    const res = await t.api("POST", "/phone-surveys", {
      callId: "",
      staff: "alice smith",
      occurredAt: "2026-02-30T10:00:00Z",
      language: "fr",
      answers: { csat: "6", ces: 0, csi: 2.5, fcr: 4 },
      comment: "x".repeat(2001),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_input");
    expect([...new Set(body.error.fields!.map((f) => f.path))].sort()).toEqual(
      ["answers.ces", "answers.csat", "answers.csi", "answers.fcr", "callId", "comment", "language", "occurredAt", "staff", "team"].sort(),
    );
    expect(body.error.fields!.find((f) => f.path === "answers.fcr")!.message).toBe("expected 1 (yes), 2 (partly) or 3 (no)");
    expect(body.error.fields!.find((f) => f.path === "answers.csat")!.message).toBe("expected 1 to 5");
    expect(await rowCount(t.db.read, interactions)).toBe(0);
  });

  it("takes an empty string as a skipped question", async () => {
    const t = await phoneSurveyApp();
    const res = await t.api("POST", "/phone-surveys", call({ answers: { csat: "", ces: "5", csi: "", fcr: "" } }));
    expect(res.status).toBe(201);
    expect(await responseOf(t.db.read, "connect-7c1f2a9e-contact-1")).toMatchObject({ csat: null, ces: 5, csi: null, fcr: null });
  });

  it('takes what telephony sends: a BCP-47 language tag, "" for an unset variable, fields of its own', async () => {
    const t = await phoneSurveyApp();
    const genesys = await t.api(
      "POST",
      "/phone-surveys",
      call({ callId: "genesys-1", language: "cy-GB", staff: "", service: "", comment: "", flowName: "Post-call survey", answers: { csat: "5", nps: "9" } }),
    );
    expect(genesys.status).toBe(201);
    expect(await interactionOf(t.db.read, "genesys-1")).toMatchObject({ staffId: null, serviceId: null, language: "cy" });
    expect(await responseOf(t.db.read, "genesys-1")).toMatchObject({ csat: 5, comment: null, language: "cy" });

    for (const [callId, language, stored] of [
      ["tag-1", "en-GB", "en"],
      ["tag-2", "PL_pl", "pl"],
      ["tag-3", "", "en"],
    ] as const) {
      expect((await t.api("POST", "/phone-surveys", call({ callId, language }))).status).toBe(201);
      expect(await interactionOf(t.db.read, callId)).toMatchObject({ language: stored });
    }
    // A language the survey does not speak is still refused, by its field.
    const french = await t.api("POST", "/phone-surveys", call({ callId: "tag-4", language: "fr-FR" }));
    expect(french.status).toBe(400);
    expect(((await french.json()) as ErrorBody).error.fields!.map((f) => f.path)).toEqual(["language"]);
  });

  it("refuses a keypad digit given as a word or two digits", async () => {
    const t = await phoneSurveyApp();
    const res = await t.api("POST", "/phone-surveys", call({ answers: { csat: "four", ces: "12" } }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fields).toEqual([
      { path: "answers.csat", message: "expected one keypad digit from 1 to 5" },
      { path: "answers.ces", message: "expected one keypad digit from 1 to 7" },
    ]);
  });

  it("answers 422 for an unknown team and 401 without an API key", async () => {
    const t = await phoneSurveyApp();
    expect((await t.api("POST", "/phone-surveys", call({ team: "NOPE" }))).status).toBe(422);
    const anonymous = await t.app.request("/api/v1/phone-surveys", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(call()),
    });
    expect(anonymous.status).toBe(401);
    expect(await rowCount(t.db.read, interactions)).toBe(0);
  });

  it("is documented in the OpenAPI document", async () => {
    const t = await phoneSurveyApp();
    const spec = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } } }>;
    };
    const op = spec.paths["/phone-surveys"]?.post;
    expect(op).toBeDefined();
    const schema = op!.requestBody!.content["application/json"]!.schema as {
      properties?: Record<string, unknown>;
      additionalProperties?: unknown;
      description?: string;
    };
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(["callId", "team", "occurredAt", "answers", "comment"]));
    // Unknown fields are ignored here, and the document says so rather than forbidding them.
    expect(schema.additionalProperties).not.toBe(false);
    expect(schema.description).toMatch(/not know are ignored/);
  });
});

describe("README's phone survey examples", () => {
  /** The JSON bodies of the curl commands in README's "Other telephony" section. */
  function readmeBodies(): Record<string, unknown>[] {
    const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
    const section = readme.slice(readme.indexOf("### Other telephony"), readme.indexOf("\n## ", readme.indexOf("### Other telephony")));
    return [...section.matchAll(/curl -X POST \S+\/api\/v1\/phone-surveys[^']*-d '([^']*)'/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
  }

  it("work as printed against the demo data", async () => {
    const t = await createTestApp();
    await generateDemo(t.ctx, { responses: 200, seed: 1 });
    const bodies = readmeBodies();
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) {
      const res = await t.api("POST", "/phone-surveys", body);
      expect(res.status, `${JSON.stringify(body)} -> ${await res.clone().text()}`).toBe(201);
      const callId = body.callId as string;
      expect(await responseOf(t.db.read, callId)).toMatchObject({ channel: "phone", confirmedVia: "phone_api" });
      if (body.staff) expect((await interactionOf(t.db.read, callId))!.staffId).not.toBeNull();
    }
  });
});
