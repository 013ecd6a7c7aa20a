import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { DAY, HOUR } from "../../src/clock";
import { interactions } from "../../src/db/schema";
import { rows } from "../../src/db/sql";
import { chainLinks, contactCounts, contactDelta, firstUnjudgedDay } from "../../src/domain/repeat-contact";
import { importResponses } from "../../src/services/import/import-responses";
import { startPhoneSurvey } from "../../src/services/phone/start-call";
import { erasePerson } from "../../src/services/privacy/erase";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { registerInteraction } from "../../src/services/register-interaction";
import { customerHashOf } from "../../src/services/repeat-contact";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { reportCalendar } from "../../src/config";

const W = 7 * DAY;
const T0 = Date.parse("2026-02-02T10:00:00Z");
const at = (days: number, extraMs = 0) => new Date(T0 + days * DAY + extraMs).toISOString();

describe("the rules", () => {
  const c = (id: number, occurredAt: number) => ({ id, occurredAt });
  test.each([
    { name: "no contacts", chain: [], links: [] },
    { name: "one contact", chain: [c(1, 0)], links: [{ repeatOf: null, repeated: 0 }] },
    {
      name: "exactly the window apart: a repeat",
      chain: [c(1, 0), c(2, W)],
      links: [
        { repeatOf: null, repeated: 1 },
        { repeatOf: 1, repeated: 0 },
      ],
    },
    {
      name: "one millisecond more: not",
      chain: [c(1, 0), c(2, W + 1)],
      links: [
        { repeatOf: null, repeated: 0 },
        { repeatOf: null, repeated: 0 },
      ],
    },
    {
      name: "the same millisecond: the lower id first",
      chain: [c(4, 5), c(9, 5)],
      links: [
        { repeatOf: null, repeated: 1 },
        { repeatOf: 4, repeated: 0 },
      ],
    },
    {
      name: "a chain longer than the window, each step within it",
      chain: [c(1, 0), c(2, 6 * DAY), c(3, 12 * DAY), c(4, 30 * DAY)],
      links: [
        { repeatOf: null, repeated: 1 },
        { repeatOf: 1, repeated: 1 },
        { repeatOf: 2, repeated: 0 },
        { repeatOf: null, repeated: 0 },
      ],
    },
  ])("$name", ({ chain, links }) => {
    expect(chainLinks(chain, W)).toEqual(links);
  });

  test.each([
    { state: { customerHash: "h", serviceId: 1, repeatOf: null, repeated: 0 }, counts: { knownContacts: 1, knownRepeated: 0, knownRequests: 1 } },
    { state: { customerHash: "h", serviceId: 1, repeatOf: 7, repeated: 1 }, counts: { knownContacts: 1, knownRepeated: 1, knownRequests: 0 } },
    { state: { customerHash: null, serviceId: 1, repeatOf: 7, repeated: 1 }, counts: { knownContacts: 0, knownRepeated: 0, knownRequests: 0 } },
    { state: { customerHash: "h", serviceId: null, repeatOf: null, repeated: 0 }, counts: { knownContacts: 0, knownRepeated: 0, knownRequests: 0 } },
  ])("counts of $state", ({ state, counts }) => {
    expect(contactCounts(state)).toEqual(counts);
    expect(contactDelta(state, state)).toEqual({ knownContacts: 0, knownRepeated: 0, knownRequests: 0 });
  });

  test("a day's contacts are judged from the day after the window after it closes", () => {
    // Monday 2 February: repeats can come until the end of Monday 9th; judged from Tuesday 10th.
    expect(firstUnjudgedDay({ today: "2026-02-10", days: 7 })).toBe("2026-02-03");
    expect(firstUnjudgedDay({ today: "2026-03-30", days: 7 })).toBe("2026-03-23");
  });

  test("the customer's hash: the key first, then the address (any case), then the number (any form); never the value", () => {
    const p = "pepper-for-the-test-0123456789";
    const byKey = customerHashOf({ key: "CRM-42", email: "pat@example.org" }, p);
    expect(byKey).toBe(customerHashOf({ key: "CRM-42" }, p));
    expect(byKey).not.toBe(customerHashOf({ email: "pat@example.org" }, p));
    expect(customerHashOf({ email: "Pat@Example.org " }, p)).toBe(customerHashOf({ email: "pat@example.org" }, p));
    expect(customerHashOf({ phone: "+44 7700 900123" }, p)).toBe(customerHashOf({ phone: "07700900123" }, p));
    // A key that looks like an address is still a key.
    expect(customerHashOf({ key: "pat@example.org" }, p)).not.toBe(customerHashOf({ email: "pat@example.org" }, p));
    expect(customerHashOf({ phone: "anonymous" }, p)).toBeNull();
    expect(customerHashOf(undefined, p)).toBeNull();
    expect(byKey).not.toContain("CRM-42");
  });
});

type Link = { id: number; repeatOf: number | null; repeated: number };
const links = async (t: TestApp): Promise<Link[]> =>
  t.db.read.select({ id: interactions.id, repeatOf: interactions.repeatOf, repeated: interactions.repeated }).from(interactions).orderBy(asc(interactions.id));
const linkOf = async (t: TestApp, id: number) => (await links(t)).find((l) => l.id === id)!;

/** Both counter tables, non-zero rows only, as comparable text. */
async function counters(t: TestApp) {
  const rollup = await rows<Record<string, unknown>>(
    t.db.read,
    sql`select period, period_start, theme_id, team_id, staff_id, service_id, channel, known_contacts, known_repeated, known_requests from report_rollup
      where known_contacts <> 0 or known_repeated <> 0 or known_requests <> 0 order by period, period_start, theme_id, team_id, staff_id, service_id, channel`,
  );
  const days = await rows<Record<string, unknown>>(
    t.db.read,
    sql`select * from repeat_contact_days where known_contacts <> 0 or known_repeated <> 0 or known_requests <> 0 order by day, team_id, staff_id, service_id, channel`,
  );
  const plain = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "string" ? v : Number(v)]));
  return JSON.stringify({ rollup: rollup.map(plain), days: days.map(plain) });
}

/** The incremental counters are what a full recount gives. */
async function expectExactCounters(t: TestApp) {
  const incremental = await counters(t);
  await rebuildRollup(t.db, reportCalendar(t.config));
  expect(incremental).toBe(await counters(t));
}

async function app() {
  const t = await createTestApp({ REPEAT_CONTACT_DAYS: 7 }, "2026-03-02T09:00:00Z");
  await seedOrganisation(t);
  const register = async (fields: { occurredAt: string; channel?: string; team?: string; service?: string; customer?: Record<string, unknown> }) =>
    (
      await registerInteraction(t.ctx, {
        channel: "phone",
        team: "CONTACT",
        service: "council-tax",
        language: "en",
        ...fields,
        occurredAt: Date.parse(fields.occurredAt),
      } as never)
    ).id;
  return { t, register };
}

describe("linking at registration", () => {
  test("a chain across channels: each contact repeats the one before it, and the last is not repeated", async () => {
    const { t, register } = await app();
    const customer = { key: "CRM-1" };
    const a = await register({ occurredAt: at(0), channel: "phone", customer });
    const b = await register({ occurredAt: at(2), channel: "email", team: "WASTE", customer });
    const c = await register({ occurredAt: at(5), channel: "web_chat", customer });
    expect(await links(t)).toEqual([
      { id: a, repeatOf: null, repeated: 1 },
      { id: b, repeatOf: a, repeated: 1 },
      { id: c, repeatOf: b, repeated: 0 },
    ]);
    await expectExactCounters(t);
  });

  test("the window's edge: exactly REPEAT_CONTACT_DAYS apart is a repeat, one millisecond more is not", async () => {
    const { t, register } = await app();
    const a = await register({ occurredAt: at(0), customer: { key: "edge" } });
    const b = await register({ occurredAt: at(7), customer: { key: "edge" } });
    const c = await register({ occurredAt: at(0), customer: { key: "past-edge" } });
    const d = await register({ occurredAt: at(7, 1), customer: { key: "past-edge" } });
    expect(await links(t)).toEqual([
      { id: a, repeatOf: null, repeated: 1 },
      { id: b, repeatOf: a, repeated: 0 },
      { id: c, repeatOf: null, repeated: 0 },
      { id: d, repeatOf: null, repeated: 0 },
    ]);
    await expectExactCounters(t);
  });

  test("another service, no service, another customer or no customer: not linked", async () => {
    const { t, register } = await app();
    const customer = { email: "sam@example.org" };
    await register({ occurredAt: at(0), customer });
    await register({ occurredAt: at(1), service: "bins", customer });
    await register({ occurredAt: at(2), service: undefined, customer });
    await register({ occurredAt: at(3), customer: { email: "someone.else@example.org" } });
    await register({ occurredAt: at(4) });
    expect((await links(t)).every((l) => l.repeatOf === null && l.repeated === 0)).toBe(true);
    await expectExactCounters(t);
  });

  test("the same person by address or number in any form; a CRM key is another name for them", async () => {
    const { t, register } = await app();
    const a = await register({ occurredAt: at(0), customer: { email: "Sam@Example.org", phone: "07700 900111" } });
    const b = await register({ occurredAt: at(1), customer: { email: "sam@example.org" } });
    const c = await register({ occurredAt: at(2), customer: { phone: "+44 7700 900222" } });
    const d = await register({ occurredAt: at(3), customer: { phone: "07700900222" } });
    const e = await register({ occurredAt: at(4), customer: { key: "K-1", email: "sam@example.org" } });
    expect(await linkOf(t, b)).toEqual({ id: b, repeatOf: a, repeated: 0 });
    expect(await linkOf(t, d)).toEqual({ id: d, repeatOf: c, repeated: 0 });
    expect(await linkOf(t, e)).toEqual({ id: e, repeatOf: null, repeated: 0 });
    const [row] = await t.db.read.select({ hash: interactions.customerHash }).from(interactions).orderBy(asc(interactions.id)).limit(1);
    expect(row!.hash).toBe(customerHashOf({ email: "sam@example.org" }, t.config.TOKEN_PEPPER));
  });

  test("out of order: a contact registered before an existing later one becomes the one it repeats", async () => {
    const { t, register } = await app();
    const customer = { key: "late" };
    const c = await register({ occurredAt: at(6), customer });
    const a = await register({ occurredAt: at(0), customer });
    expect(await links(t)).toEqual([
      { id: c, repeatOf: a, repeated: 0 },
      { id: a, repeatOf: null, repeated: 1 },
    ]);
    // Now one in between: the chain becomes a, b, c.
    const b = await register({ occurredAt: at(3), customer });
    expect(await links(t)).toEqual([
      { id: c, repeatOf: b, repeated: 0 },
      { id: a, repeatOf: null, repeated: 1 },
      { id: b, repeatOf: a, repeated: 1 },
    ]);
    // And one before them all, out of reach of c.
    const first = await register({ occurredAt: at(-4), customer });
    expect(await linkOf(t, a)).toEqual({ id: a, repeatOf: first, repeated: 1 });
    expect(await linkOf(t, first)).toEqual({ id: first, repeatOf: null, repeated: 1 });
    await expectExactCounters(t);
  });

  test("a batch in any order links as if registered in time order", async () => {
    const { t } = await app();
    const item = (days: number, channel: string) => ({ channel, team: "CONTACT", service: "council-tax", occurredAt: at(days), customer: { key: "batch" } });
    const res = await t.api("POST", "/interactions/batch", { interactions: [item(5, "email"), item(0, "phone"), item(2, "letter"), item(20, "phone")] });
    expect(res.status).toBe(201);
    const [e5, p0, l2, p20] = ((await res.json()) as { interactions: { id: number }[] }).interactions.map((i) => i.id);
    expect(await links(t)).toEqual([
      { id: e5, repeatOf: l2, repeated: 0 },
      { id: p0, repeatOf: null, repeated: 1 },
      { id: l2, repeatOf: p0, repeated: 1 },
      { id: p20, repeatOf: null, repeated: 0 },
    ]);
    await expectExactCounters(t);
  });

  test("two contacts of one customer registered at once are linked (on PostgreSQL: two transactions)", async () => {
    const { t, register } = await app();
    for (let round = 0; round < 5; round++) {
      const customer = { key: `together-${round}` };
      const [x, y] = await Promise.all([register({ occurredAt: at(round * 20), customer }), register({ occurredAt: at(round * 20 + 1), customer })]);
      expect(await linkOf(t, y!)).toEqual({ id: y, repeatOf: x, repeated: 0 });
      expect(await linkOf(t, x!)).toEqual({ id: x, repeatOf: null, repeated: 1 });
    }
    await expectExactCounters(t);
  });

  test("a phone survey's caller is named by their number", async () => {
    const { t, register } = await app();
    const earlier = await register({ occurredAt: at(20), channel: "email", customer: { phone: "07700 900333" } });
    t.clock.set(at(22));
    const call = await startPhoneSurvey(t.ctx, { callSid: "CA0001", team: "CONTACT", service: "council-tax", from: "+447700900333" });
    expect(await linkOf(t, call.interactionId)).toEqual({ id: call.interactionId, repeatOf: earlier, repeated: 0 });
    const withheld = await startPhoneSurvey(t.ctx, { callSid: "CA0002", team: "CONTACT", service: "council-tax", from: "anonymous" });
    const [row] = await t.db.read.select({ hash: interactions.customerHash }).from(interactions).where(sql`${interactions.id} = ${withheld.interactionId}`);
    expect(row!.hash).toBeNull();
  });
});

describe("imported history", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const csv = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "ros-repeat-"));
    dirs.push(dir);
    const file = join(dir, "history.csv");
    writeFileSync(file, text);
    return file;
  };

  test("rows in any order link with each other and with contacts already stored; the counters stay exact", async () => {
    const { t, register } = await app();
    // Already stored: the customer's contact of day 9, and another customer's.
    const stored = await register({ occurredAt: at(9), channel: "email", customer: { key: "CRM-7" } });
    await register({ occurredAt: at(1), customer: { key: "CRM-8" } });
    const file = csv(
      [
        "occurred_at,channel,team,service,csat,customer_key",
        `${at(4)},phone,CONTACT,council-tax,4,CRM-7`,
        `${at(0)},letter,CONTACT,council-tax,2,CRM-7`,
        `${at(30)},phone,CONTACT,council-tax,5,CRM-7`,
        `${at(2)},phone,CONTACT,bins,3,CRM-7`,
        `${at(3)},phone,CONTACT,council-tax,3,`,
      ].join("\n"),
    );
    t.clock.set(at(40));
    await importResponses(t.ctx, file, { workers: 0 });
    const all = await links(t);
    const [day4, day0, day30, bins, anonymous] = all.slice(2);
    expect(day0).toMatchObject({ repeatOf: null, repeated: 1 });
    expect(day4).toMatchObject({ repeatOf: day0!.id, repeated: 1 });
    expect(await linkOf(t, stored)).toEqual({ id: stored, repeatOf: day4!.id, repeated: 0 });
    expect(day30).toMatchObject({ repeatOf: null, repeated: 0 });
    expect(bins).toMatchObject({ repeatOf: null, repeated: 0 });
    expect(anonymous).toMatchObject({ repeatOf: null, repeated: 0 });
    // The key itself is nowhere: only its hash.
    const hashes = await t.db.read.select({ hash: interactions.customerHash }).from(interactions).orderBy(asc(interactions.id));
    expect(hashes[2]!.hash).toBe(customerHashOf({ key: "CRM-7" }, t.config.TOKEN_PEPPER));
    expect(hashes[6]!.hash).toBeNull();
    await expectExactCounters(t);
  });

  test("a customer_key over 200 characters is refused by row and column", async () => {
    const { t } = await app();
    const file = csv(["occurred_at,channel,team,csat,customer_key", `${at(0)},phone,CONTACT,4,${"k".repeat(201)}`].join("\n"));
    await expect(importResponses(t.ctx, file, { workers: 0 })).rejects.toMatchObject({
      errors: [{ row: 1, column: "customer_key", message: "is longer than 200 characters" }],
    });
  });
});

describe("erasure", () => {
  test("erasing by address, number or key forgets the customer's hash, on all the contacts it names, and takes them out of the counts", async () => {
    const { t, register } = await app();
    const a = await register({ occurredAt: at(0), customer: { email: "pat@example.org", phone: "07700 900444" } });
    const b = await register({ occurredAt: at(3), customer: { email: "pat@example.org" } });
    await register({ occurredAt: at(1), customer: { key: "CRM-9" } });
    await register({ occurredAt: at(2), customer: { key: "CRM-9" } });
    await register({ occurredAt: at(2), customer: { email: "other@example.org" } });
    const hashOf = async () =>
      (await t.db.read.select({ id: interactions.id, hash: interactions.customerHash }).from(interactions).orderBy(asc(interactions.id))).map(
        (r) => r.hash !== null,
      );

    // Found by the number on the first contact, and by the hash that contact names on the second.
    expect(await erasePerson(t.ctx, { phone: "+44 7700 900444" })).toMatchObject({ interactions: 2 });
    expect(await hashOf()).toEqual([false, false, true, true, true]);
    // The links stay (they name nobody); the counts are a recount's.
    expect(await linkOf(t, b)).toEqual({ id: b, repeatOf: a, repeated: 0 });
    await expectExactCounters(t);

    expect(await erasePerson(t.ctx, { key: "CRM-9" })).toMatchObject({ interactions: 2 });
    expect(await hashOf()).toEqual([false, false, false, false, true]);
    await expectExactCounters(t);
    const [left] = await rows<{ n: number }>(t.db.read, sql`select sum(known_contacts) as "n" from report_rollup where period = 'month'`);
    expect(Number(left!.n)).toBe(1);
  });

  test("an erased customer's later contact starts a new chain", async () => {
    const { t, register } = await app();
    await register({ occurredAt: at(0), customer: { key: "CRM-5" } });
    await erasePerson(t.ctx, { key: "CRM-5" });
    const later = await register({ occurredAt: at(1), customer: { key: "CRM-5" } });
    expect(await linkOf(t, later)).toEqual({ id: later, repeatOf: null, repeated: 0 });
    await expectExactCounters(t);
  });
});

test("many random contacts in random order: the links are the chains' and the counters a recount's", async () => {
  const { t, register } = await app();
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < 60; i++) {
    const days = Math.floor(random() * 40);
    await register({
      occurredAt: at(days, Math.floor(random() * 10) * HOUR),
      channel: ["phone", "email", "letter"][Math.floor(random() * 3)],
      service: random() < 0.8 ? "council-tax" : "bins",
      customer: { key: `C${Math.floor(random() * 6)}` },
    });
  }
  const stored = await t.db.read
    .select({
      id: interactions.id,
      at: interactions.occurredAt,
      hash: interactions.customerHash,
      service: interactions.serviceId,
      repeatOf: interactions.repeatOf,
      repeated: interactions.repeated,
    })
    .from(interactions);
  const chains = new Map<string, typeof stored>();
  for (const r of stored) chains.set(`${r.hash}|${r.service}`, [...(chains.get(`${r.hash}|${r.service}`) ?? []), r]);
  for (const chain of chains.values()) {
    chain.sort((x, y) => x.at - y.at || x.id - y.id);
    const expected = chainLinks(
      chain.map((r) => ({ id: r.id, occurredAt: r.at })),
      W,
    );
    expect(chain.map((r) => ({ repeatOf: r.repeatOf, repeated: r.repeated }))).toEqual(expected);
  }
  await expectExactCounters(t);
});
