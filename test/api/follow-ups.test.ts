import { describe, expect, test } from "vitest";
import { caseSetup } from "../follow-ups/setup";

type ApiCase = {
  id: number;
  status: string;
  priority: string;
  team: string;
  externalRef: string | null;
  acknowledgeBy: string;
  comment: string | null;
  overdue: boolean;
};

describe("follow-up cases through the API", () => {
  test("lists cases with the CRM's reference and works them through the three steps", async () => {
    const t = await caseSetup();
    await t.answer("CONTACT", { csat: 1, comment: "Call me on 07700 900123 about it" }, "CRM-118273");
    await t.answer("WASTE", { csat: 2 }, "CRM-5");
    const res = await t.api("GET", "/follow-ups?team=CONTACT");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: ApiCase[]; total: number };
    expect(body.total).toBe(1);
    const [c] = body.items;
    expect(c).toMatchObject({ status: "open", priority: "normal", team: "CONTACT", externalRef: "CRM-118273", acknowledgeBy: "2026-03-09", overdue: false });
    expect(c!.comment).not.toContain("07700 900123");
    const ack = await t.api("POST", `/follow-ups/${c!.id}/acknowledge`, { note: "Logged as CRM task 77" });
    expect(ack.status).toBe(200);
    expect(((await ack.json()) as ApiCase).status).toBe("acknowledged");
    // An empty body is no note.
    expect((await t.api("POST", `/follow-ups/${c!.id}/respond`)).status).toBe(200);
    expect((await t.api("POST", `/follow-ups/${c!.id}/close`, {})).status).toBe(200);
    const again = await t.api("POST", `/follow-ups/${c!.id}/close`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "conflict", message: "This case is closed." } });
    const events = await t.events(c!.id);
    expect(events.map((e) => [e.kind, e.userId])).toEqual([
      ["opened", null],
      ["acknowledged", null],
      ["responded", null],
      ["closed", null],
    ]);
    expect(events[1]!.detail).toMatchObject({ apiKeyId: expect.any(Number) });
    expect((await t.api("GET", "/follow-ups?status=closed")).status).toBe(200);
    expect(((await (await t.api("GET", "/follow-ups?status=closed")).json()) as { total: number }).total).toBe(1);
  });

  test("bad input is a 400 with the fields; unknown ids and codes are 404", async () => {
    const t = await caseSetup();
    const bad = await t.api("GET", "/follow-ups?status=nope&overdue=maybe&from=2026-13-01");
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(["from", "overdue", "status"]);
    expect((await t.api("GET", "/follow-ups?team=NOPE")).status).toBe(404);
    expect((await t.api("POST", "/follow-ups/424242/acknowledge", {})).status).toBe(404);
    expect((await t.api("POST", "/follow-ups/abc/acknowledge", {})).status).toBe(400);
    const id = (await t.caseOf(await t.answer("CONTACT", { csat: 1 })))!.id;
    expect((await t.api("POST", `/follow-ups/${id}/acknowledge`, { note: "x".repeat(2001) })).status).toBe(400);
    expect((await t.api("POST", `/follow-ups/${id}/acknowledge`, { note: "ok", extra: 1 })).status).toBe(400);
    expect((await t.api("GET", "/follow-ups", undefined, { Authorization: "Bearer wrong" })).status).toBe(401);
  });
});
