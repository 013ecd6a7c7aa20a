import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { users } from "../../src/db/schema";
import { caseSetup } from "./setup";

const CONTACT: { email: string; phone: null; message: string; consentText: string } = {
  email: "pat@example.org",
  phone: null,
  message: "Please ring me about the bill",
  consentText: "We will use these details only to contact you about this feedback.",
};

describe("opening cases by the organisation's rules", () => {
  test("a low CSAT opens one normal case owned by the team's manager, due in 5 and 15 working days", async () => {
    const t = await caseSetup();
    const id = await t.answer("CONTACT", { csat: 2, ces: 4 });
    const c = await t.caseOf(id);
    expect(c).toMatchObject({ status: "open", priority: "normal", reasons: [{ rule: "low_csat", words: [] }] });
    // Monday 2 March 2026: five working days after is Monday 9 March, fifteen is Monday 23 March.
    expect(c).toMatchObject({ acknowledgeBy: "2026-03-09", respondBy: "2026-03-23" });
    const [manager] = await t.db.read.select().from(users).where(eq(users.email, "manager@council.example"));
    expect(c!.ownerId).toBe(manager!.id);
    expect((await t.events(c!.id)).map((e) => e.kind)).toEqual(["opened"]);
  });

  test("answers that meet no rule open nothing; each default rule opens a case with its reason", async () => {
    const t = await caseSetup();
    await t.answer("CONTACT", { csat: 3, csi: 3, fcr: "partly", comment: "Fine overall" });
    await t.answer("CONTACT", { csat: 4, fcr: "no" });
    expect(await t.cases()).toHaveLength(0);
    const lowCsi = await t.answer("CONTACT", { csi: 1 });
    const notResolved = await t.answer("CONTACT", { csat: 3, fcr: "no" });
    const contact = await t.answer("CONTACT", { csat: 5, contactRequest: CONTACT });
    expect((await t.caseOf(lowCsi))!.reasons).toEqual([{ rule: "low_csi", words: [] }]);
    expect((await t.caseOf(notResolved))!.reasons).toEqual([{ rule: "not_resolved", words: [] }]);
    expect((await t.caseOf(contact))!.reasons).toEqual([{ rule: "contact_requested", words: [] }]);
  });

  test("changing the answer updates the case's reasons and never opens a second", async () => {
    const t = await caseSetup();
    const id = await t.answer("CONTACT", { csat: 1 });
    await t.change(id, { csat: 1, csi: 2 });
    await t.change(id, { csat: 4 });
    const all = await t.cases();
    expect(all).toHaveLength(1);
    expect(all[0]!.reasons).toEqual([]);
    const kinds = (await t.events(all[0]!.id)).map((e) => e.kind);
    expect(kinds).toEqual(["opened", "reasons_changed", "reasons_changed"]);
  });

  test("administrators edit the rules: a stricter CSAT rule, the contact rule off", async () => {
    const t = await caseSetup();
    const rules = { csatAtMost: 3, csiAtMost: null, notResolvedCsatAtMost: null, onContactRequest: false };
    expect((await t.call(t.who.manager, "PUT", "/settings/follow-up-rules", rules)).status).toBe(403);
    const saved = await t.call(t.who.admin, "PUT", "/settings/follow-up-rules", rules);
    expect(saved.status).toBe(200);
    expect(await (await t.call(t.who.admin, "GET", "/settings/follow-up-rules")).json()).toEqual(rules);
    const three = await t.answer("CONTACT", { csat: 3 });
    const lowCsi = await t.answer("CONTACT", { csat: 5, csi: 1 });
    const contact = await t.answer("CONTACT", { csat: 5, contactRequest: CONTACT });
    expect(await t.caseOf(three)).toBeDefined();
    expect(await t.caseOf(lowCsi)).toBeUndefined();
    expect(await t.caseOf(contact)).toBeUndefined();
    const bad = await t.call(t.who.admin, "PUT", "/settings/follow-up-rules", { ...rules, csatAtMost: 9 });
    expect(bad.status).toBe(400);
  });
});

describe("safeguarding", () => {
  const WORDS = "I can't cope anymore and I have thought about ending my life";

  test("a match opens an urgent case due the same working day, and queues one alert in the same write", async () => {
    const t = await caseSetup({ SAFEGUARDING_EMAIL: ["safeguarding@council.example"] });
    const id = await t.answer("WASTE", { csat: 4, comment: WORDS });
    const c = await t.caseOf(id);
    expect(c).toMatchObject({ priority: "urgent", acknowledgeBy: "2026-03-02", respondBy: "2026-03-02" });
    expect(c!.reasons[0]!.rule).toBe("safeguarding");
    expect(c!.reasons[0]!.words.join(" ")).toMatch(/ending my life/);
    const mails = await t.mails();
    expect(mails).toEqual([expect.objectContaining({ kind: "safeguarding", caseId: c!.id, status: "pending", dueAt: t.clock.now() })]);
    // Changing the comment again queues no second alert.
    await t.change(id, { csat: 3, comment: `${WORDS}. Also the bins.` });
    expect(await t.mails()).toHaveLength(1);
  });

  test("an idiom is not a concern; a reviewer can clear a match, with a reason that is kept", async () => {
    const t = await caseSetup();
    const idiom = await t.answer("CONTACT", { csat: 4, comment: "this bill is killing me" });
    expect(await t.caseOf(idiom)).toBeUndefined();
    const id = await t.answer("CONTACT", { csat: 4, comment: "I want to end it all" });
    const c = (await t.caseOf(id))!;
    expect(c.priority).toBe("urgent");
    const cleared = await t.call(t.who.manager, "POST", `/follow-ups/${c.id}/not-a-concern`, { reason: "Talking about ending the contract" });
    expect(cleared.status).toBe(200);
    const after = (await t.caseOf(id))!;
    expect(after).toMatchObject({ priority: "normal", acknowledgeBy: "2026-03-09" });
    expect(after.clearedAt).not.toBeNull();
    const events = await t.events(c.id);
    expect(events.at(-1)).toMatchObject({ kind: "not_a_concern", note: "Talking about ending the contract" });
    expect((await t.call(t.who.manager, "POST", `/follow-ups/${c.id}/not-a-concern`, { reason: "again" })).status).toBe(409);
  });

  test("administrators' phrases are matched from the next answer on", async () => {
    const t = await caseSetup();
    const before = await t.answer("CONTACT", { csat: 4, comment: "he keeps the dog locked in the shed for days" });
    expect(await t.caseOf(before)).toBeUndefined();
    const added = await t.call(t.who.admin, "POST", "/settings/safeguarding-phrases", { category: "at_risk", language: "en", phrase: "locked in the shed" });
    expect(added.status).toBe(201);
    expect(
      (await t.call(t.who.admin, "POST", "/settings/safeguarding-phrases", { category: "at_risk", language: "en", phrase: "locked in the shed" })).status,
    ).toBe(409);
    const after = await t.answer("CONTACT", { csat: 4, comment: "he keeps the dog locked in the shed for days" });
    expect((await t.caseOf(after))!.reasons[0]).toMatchObject({ rule: "safeguarding" });
    const list = (await (await t.call(t.who.admin, "GET", "/settings/safeguarding-phrases")).json()) as { items: { id: number }[] };
    expect(list.items).toHaveLength(1);
    expect((await t.call(t.who.admin, "DELETE", `/settings/safeguarding-phrases/${list.items[0]!.id}`)).status).toBe(200);
    expect((await t.call(t.who.manager, "GET", "/settings/safeguarding-phrases")).status).toBe(403);
  });
});

describe("working a case", () => {
  test("steps in order with notes and history; a step out of order is a 409", async () => {
    const t = await caseSetup();
    const id = await t.answer("CONTACT", { csat: 1, contactRequest: CONTACT });
    const c = (await t.caseOf(id))!;
    const step = (s: string, body: unknown = {}) => t.call(t.who.manager, "POST", `/follow-ups/${c.id}/${s}`, body);
    const ack = await step("acknowledge", { note: "Rang back, left a message on 07700 900123" });
    expect(ack.status).toBe(200);
    const body = (await ack.json()) as {
      case: { status: string; acknowledgedBy: string };
      history: { kind: string; note: string | null; user: string | null }[];
    };
    expect(body.case).toMatchObject({ status: "acknowledged", acknowledgedBy: "manager@council.example" });
    // Personal data typed into a note is masked, as in comments.
    expect(body.history.at(-1)).toMatchObject({ kind: "acknowledged", user: "manager@council.example" });
    expect(body.history.at(-1)!.note).not.toContain("07700 900123");
    expect((await step("acknowledge")).status).toBe(409);
    expect((await step("respond")).status).toBe(200);
    expect((await t.contactRows()).length).toBe(1);
    expect((await step("close", { note: "Refund agreed" })).status).toBe(200);
    // Closing deletes the customer's contact details.
    expect(await t.contactRows()).toEqual([]);
    expect((await t.events(c.id)).map((e) => e.kind)).toEqual(["opened", "acknowledged", "responded", "closed", "contact_deleted"]);
    const closed = await step("respond");
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { error: { message: string } }).error.message).toBe("This case is closed.");
    expect((await step("reopen")).status).toBe(400);
    expect((await t.call(t.who.manager, "POST", `/follow-ups/999999/acknowledge`, {})).status).toBe(404);
  });

  test("managers see and work their own team's cases only; contact details show to the owner and above", async () => {
    const t = await caseSetup();
    const contactCase = (await t.caseOf(await t.answer("CONTACT", { csat: 1, contactRequest: CONTACT })))!;
    const wasteCase = (await t.caseOf(await t.answer("WASTE", { csat: 1 })))!;
    const list = async (who: (typeof t.who)["admin"], q = "") =>
      (await (await t.call(who, "GET", `/follow-ups${q}`)).json()) as { items: { id: number }[]; counts: { active: number } };
    expect((await list(t.who.manager)).items.map((i) => i.id)).toEqual([contactCase.id]);
    expect((await list(t.who.director)).items.map((i) => i.id).sort()).toEqual([contactCase.id, wasteCase.id].sort());
    expect((await t.call(t.who.manager, "GET", `/follow-ups?team=WASTE`)).status).toBe(403);
    expect((await t.call(t.who.manager, "GET", `/follow-ups/${wasteCase.id}`)).status).toBe(403);
    expect((await t.call(t.who.manager, "POST", `/follow-ups/${wasteCase.id}/acknowledge`, {})).status).toBe(403);
    // The Contact Centre's manager owns the case: they see the details; the Waste manager's
    // case page is out of reach; a director sees them too.
    const own = (await (await t.call(t.who.manager, "GET", `/follow-ups/${contactCase.id}`)).json()) as { contact: unknown; contactHidden: boolean };
    expect(own.contact).toMatchObject({ email: "pat@example.org", message: "Please ring me about the bill" });
    const director = (await (await t.call(t.who.director, "GET", `/follow-ups/${contactCase.id}`)).json()) as { contact: unknown };
    expect(director.contact).toMatchObject({ email: "pat@example.org" });
    // Given to the director, the case's contact details are hidden from the team's manager.
    const [dir] = (
      (await (await t.call(t.who.admin, "GET", `/follow-ups/${contactCase.id}`)).json()) as { owners: { id: number; email: string }[] }
    ).owners.filter((o) => o.email === "director@council.example");
    expect((await t.call(t.who.manager, "PUT", `/follow-ups/${contactCase.id}/owner`, { userId: dir!.id })).status).toBe(200);
    const hidden = (await (await t.call(t.who.manager, "GET", `/follow-ups/${contactCase.id}`)).json()) as { contact: unknown; contactHidden: boolean };
    expect(hidden).toMatchObject({ contact: null, contactHidden: true });
    // A manager of another team cannot own it.
    const [waste] = (
      (await (await t.call(t.who.admin, "GET", `/follow-ups/${wasteCase.id}`)).json()) as { owners: { id: number; email: string }[] }
    ).owners.filter((o) => o.email === "waste@council.example");
    expect((await t.call(t.who.admin, "PUT", `/follow-ups/${contactCase.id}/owner`, { userId: waste!.id })).status).toBe(403);
  });

  test("the list filters by status, priority, owner and overdue, urgent first, with counts", async () => {
    const t = await caseSetup();
    const normal = (await t.caseOf(await t.answer("CONTACT", { csat: 1 })))!;
    t.clock.advance(86_400_000);
    const urgent = (await t.caseOf(await t.answer("CONTACT", { csat: 4, comment: "I want to end it all" })))!;
    type List = {
      items: { id: number; overdue: boolean; nextDue: string | null; ageWorkingDays: number }[];
      total: number;
      counts: { urgent: number; overdue: number; active: number };
    };
    const list = async (q = "") => (await (await t.call(t.who.director, "GET", `/follow-ups${q}`)).json()) as List;
    expect((await list()).items.map((i) => i.id)).toEqual([urgent.id, normal.id]);
    expect((await list("?priority=normal")).items.map((i) => i.id)).toEqual([normal.id]);
    expect((await list("?owner=none")).total).toBe(0);
    // Ten days on, both are overdue for acknowledgement; the urgent one for nine working days.
    t.clock.advance(10 * 86_400_000);
    const later = await list("?overdue=true");
    expect(later.counts).toEqual({ urgent: 1, overdue: 2, active: 2 });
    expect(later.items.every((i) => i.overdue)).toBe(true);
    await t.call(t.who.director, "POST", `/follow-ups/${normal.id}/close`, {});
    expect((await list("?status=closed")).items.map((i) => i.id)).toEqual([normal.id]);
    expect((await list()).counts.active).toBe(1);
    expect((await t.call(t.who.director, "GET", "/follow-ups?status=bogus")).status).toBe(400);
  });
});
