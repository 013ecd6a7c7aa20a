import { describe, expect, it } from "vitest";
import { interactions, responses } from "../../src/db/schema";
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
      answers: { csat: "6", ces: 0, csi: 2.5, fcr: 4, nps: 9 },
      comment: "x".repeat(2001),
      extra: true,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_input");
    expect([...new Set(body.error.fields!.map((f) => f.path))].sort()).toEqual(
      ["answers.ces", "answers.csat", "answers.csi", "answers.fcr", "answers.nps", "callId", "comment", "extra", "language", "occurredAt", "staff", "team"].sort(),
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
    const anonymous = await t.app.request("/api/v1/phone-surveys", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(call()) });
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
    const schema = op!.requestBody!.content["application/json"]!.schema;
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(["callId", "team", "occurredAt", "answers", "comment"]));
  });
});
