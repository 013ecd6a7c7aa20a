import { asc } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { qaSamples, qaStandards } from "../../src/db/schema";
import { qaPopulation } from "../../src/db/queries/quality/population";
import { zonedMidnight } from "../../src/domain/periods";
import { DEFAULT_QA_STANDARDS } from "../../src/domain/quality";
import { drawSample } from "../../src/domain/quality-sample";
import { ConflictError } from "../../src/errors";
import { checkQualitySample, drawQualitySample } from "../../src/services/quality/draw-sample";
import { drawDueSample } from "../../src/workers/quality-sample-job";
import { cliSandbox, type CliSandbox } from "../cli/run-cli";
import { qualitySetup, type ErrorBody, type QualityTest } from "./setup";

/**
 * February 2026: Alice (Contact Centre) had ten contacts on three channels (one of them later a
 * case), Bob (Waste) two, Carol (Benefits) one, Dave none until March; three cases closed in
 * Customer and Local Services, one in Environment (another closed in March, another still open).
 */
async function february(t: QualityTest) {
  await t.addStaff("carol", "BENEFITS");
  await t.addStaff("dave", "CONTACT");
  await t.addContacts({ staff: "alice", team: "CONTACT" }, "2026-02-03T10:00:00Z", [
    "phone",
    "phone",
    "phone",
    "phone",
    "phone",
    "phone",
    "email",
    "email",
    "web_chat",
  ]);
  await t.addContacts({ staff: "bob", team: "WASTE" }, "2026-02-10T10:00:00Z", ["phone"]);
  // The month's last minute counts; the next month's first, and January's last, do not.
  await t.addContacts({ staff: "bob", team: "WASTE" }, "2026-02-28T23:59:00Z", ["phone"]);
  await t.addContacts({ staff: "bob", team: "WASTE" }, "2026-03-01T00:00:00Z", ["email"]);
  await t.addContacts({ staff: "dave", team: "CONTACT" }, "2026-01-31T23:59:59Z", ["phone"]);
  await t.addContacts({ staff: "dave", team: "CONTACT" }, "2026-03-01T09:00:00Z", ["phone"]);
  await t.addContacts({ staff: "carol", team: "BENEFITS" }, "2026-02-14T10:00:00Z", ["letter"]);
  // Contacts nobody in particular took are not sampled.
  await t.addContacts({ team: "CONTACT" }, "2026-02-14T10:00:00Z", ["phone", "phone"]);
  const cls = [
    await t.addCase("CONTACT", "2026-02-05T10:00:00Z", "alice"),
    await t.addCase("CONTACT", "2026-02-20T10:00:00Z"),
    await t.addCase("BENEFITS", "2026-02-27T10:00:00Z"),
  ];
  const env = [await t.addCase("WASTE", "2026-02-16T10:00:00Z")];
  await t.addCase("WASTE", "2026-03-01T10:00:00Z");
  await t.addCase("WASTE", null);
  return { cls, env };
}

const count = <T>(rows: T[], f: (r: T) => boolean) => rows.filter(f).length;

describe("drawing a month's sample", () => {
  test("on the first working day of March, February's: four contacts a person across their channels, fewer when fewer, two closed cases per department", async () => {
    const t = await qualitySetup({ QA_SAMPLE_CASES: 2 });
    const { cls, env } = await february(t);
    const drawn = await drawDueSample(t.ctx);
    expect(drawn).toMatchObject({ month: "2026-02", contacts: 7, staff: 3, cases: 3, departments: 2 });
    expect(drawn!.seed).toMatch(/^2026-02:[0-9a-f]{16}$/);
    const items = await t.items("2026-02");
    const contacts = items.filter((i) => i.kind === "interaction");
    const alice = contacts.filter((i) => i.staffId === t.staffIds.get("alice"));
    expect(alice).toHaveLength(4);
    expect(new Set(alice.map((i) => i.channel))).toEqual(new Set(["phone", "email", "web_chat"]));
    expect(alice.every((i) => i.teamId === t.teamId("CONTACT"))).toBe(true);
    const bob = contacts.filter((i) => i.staffId === t.staffIds.get("bob"));
    expect(bob.map((i) => i.channel)).toEqual(["phone", "phone"]);
    expect(count(contacts, (i) => i.staffId === t.staffIds.get("carol"))).toBe(1);
    expect(count(contacts, (i) => i.staffId === t.staffIds.get("dave") || i.staffId === null)).toBe(0);
    const cases = items.filter((i) => i.kind === "case");
    expect(count(cases, (i) => cls.includes(i.caseId!))).toBe(2);
    expect(cases.filter((i) => env.includes(i.caseId!)).map((i) => i.caseId)).toEqual(env);
    expect(cases.every((i) => i.interactionId > 0 && i.channel === "phone")).toBe(true);
    // The first draw brings the default checklist.
    const standards = await t.db.read.select().from(qaStandards).orderBy(asc(qaStandards.position));
    expect(standards.map((s) => s.text)).toEqual([...DEFAULT_QA_STANDARDS]);
    // Once a month: the job finds it drawn.
    expect(await drawDueSample(t.ctx)).toBeNull();
    expect(await t.db.read.select().from(qaSamples)).toHaveLength(1);
  });

  test("reproducible: the stored sample is what its seed draws from the month's data, and someone's late contact changes nobody else's", async () => {
    const t = await qualitySetup();
    await february(t);
    await drawDueSample(t.ctx);
    const [sample] = await t.db.read.select().from(qaSamples);
    const population = await qaPopulation(t.db.read, { from: zonedMidnight("2026-02-01", "Europe/London"), to: zonedMidnight("2026-03-01", "Europe/London") });
    const again = drawSample(population, { perStaff: 4, casesPerDepartment: 10 }, sample!.seed);
    const stored = await t.items("2026-02");
    expect(
      stored
        .filter((i) => i.kind === "interaction")
        .map((i) => i.interactionId)
        .sort(),
    ).toEqual(again.interactions.map((c) => c.interactionId).sort());
    expect(
      stored
        .filter((i) => i.kind === "case")
        .map((i) => i.caseId)
        .sort(),
    ).toEqual(again.cases.map((c) => c.caseId).sort());
    expect(await checkQualitySample(t.ctx, "2026-02")).toMatchObject({ same: true, stored: 11, missing: 0, extra: 0 });

    // A contact of Carol's registered late: her sample would grow by one; nobody else's moves.
    await t.addContacts({ staff: "carol", team: "BENEFITS" }, "2026-02-27T16:00:00Z", ["phone"]);
    expect(await checkQualitySample(t.ctx, "2026-02")).toMatchObject({ same: false, stored: 11, missing: 0, extra: 1 });
  });

  test("the same seed on the same data stores the same sample in another database", async () => {
    const samples = [];
    for (let i = 0; i < 2; i++) {
      const t = await qualitySetup();
      await february(t);
      await drawQualitySample(t.ctx, "2026-02", { seed: "2026-02:00000000000000aa" });
      samples.push((await t.items("2026-02")).map(({ id, ...rest }) => (void id, rest)));
    }
    expect(samples[1]).toEqual(samples[0]);
    expect(samples[0]!.length).toBe(11);
  });

  test("a month's edges are the organisation's local midnights (British Summer Time)", async () => {
    const t = await qualitySetup({}, "2026-07-01T09:00:00Z");
    // 00:30 on 1 June in London is 23:30 on 31 May in UTC; 00:30 on 1 July is 23:30 on 30 June.
    await t.addContacts({ staff: "alice", team: "CONTACT" }, "2026-05-31T23:30:00Z", ["phone"]);
    await t.addContacts({ staff: "bob", team: "WASTE" }, "2026-06-30T23:30:00Z", ["phone"]);
    expect(await drawDueSample(t.ctx)).toMatchObject({ month: "2026-06", contacts: 1 });
    expect((await t.items("2026-06")).map((i) => i.staffId)).toEqual([t.staffIds.get("alice")]);
  });

  test.each([
    // Friday 1 January 2027 is New Year's Day: December's sample waits for Monday 4 January.
    ["england-and-wales", "2027-01-01T10:00:00Z", null],
    ["england-and-wales", "2027-01-03T10:00:00Z", null],
    ["england-and-wales", "2027-01-04T00:05:00Z", "2026-12"],
    // In Scotland Monday 4 January is the substitute for 2 January.
    ["scotland", "2027-01-04T10:00:00Z", null],
    ["scotland", "2027-01-05T00:05:00Z", "2026-12"],
  ] as const)("in %s at %s the job draws %s", async (calendar, now, month) => {
    const t = await qualitySetup({ WORKING_DAYS_CALENDAR: calendar }, now);
    await t.addContacts({ staff: "alice", team: "CONTACT" }, "2026-12-15T10:00:00Z", ["phone"]);
    const drawn = await drawDueSample(t.ctx);
    expect(drawn?.month ?? null).toBe(month);
  });

  test("two servers drawing at once store one sample; the other is told it is drawn", async () => {
    const t = await qualitySetup();
    await february(t);
    const both = await Promise.allSettled([drawQualitySample(t.ctx, "2026-02"), drawQualitySample(t.ctx, "2026-02")]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await t.db.read.select().from(qaSamples)).toHaveLength(1);
    expect(await t.items("2026-02")).toHaveLength(11);
  });
});

describe("drawing on demand", () => {
  test("an administrator draws a past month once (201, then 409); not a month still running (422); not a director or manager (403)", async () => {
    const t = await qualitySetup();
    await february(t);
    await t.addContacts({ staff: "alice", team: "CONTACT" }, "2026-01-20T10:00:00Z", ["phone", "email"]);
    expect((await t.call(t.who.manager, "POST", "/quality/samples", { month: "2026-01" })).status).toBe(403);
    expect((await t.call(t.who.director, "POST", "/quality/samples", { month: "2026-01" })).status).toBe(403);
    const first = await t.json<{ month: string; contacts: number; staff: number; drawnAt: string }>(
      t.call(t.who.admin, "POST", "/quality/samples", { month: "2026-01" }),
    );
    expect(first).toMatchObject({ status: 201, body: { month: "2026-01", contacts: 3, staff: 2, drawnAt: "2026-03-02T09:00:00.000Z" } });
    const again = await t.json<ErrorBody>(t.call(t.who.admin, "POST", "/quality/samples", { month: "2026-01" }));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("The sample for 2026-01 was drawn on 2026-03-02; each month is drawn once.");
    expect(await t.items("2026-01")).toHaveLength(3);
    for (const month of ["2026-03", "2026-04"]) expect((await t.call(t.who.admin, "POST", "/quality/samples", { month })).status).toBe(422);
    for (const month of ["2026-13", "2026-2", "February"]) expect((await t.call(t.who.admin, "POST", "/quality/samples", { month })).status).toBe(400);
    // The job still draws February: January's sample was an extra one.
    expect(await drawDueSample(t.ctx)).toMatchObject({ month: "2026-02" });
  });
});

describe("npm run cli -- qa", () => {
  let box: CliSandbox | undefined;
  afterEach(async () => {
    await box?.cleanup();
    box = undefined;
  });

  test("qa draw draws a month once and qa check confirms it from its seed; bad months are usage errors", async () => {
    box = await cliSandbox();
    const drawn = await box.run("qa", "draw", "--month", "2026-02");
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toMatch(
      /^Drew the quality sample for 2026-02: 0 contacts of 0 staff members and 0 closed cases of 0 departments \(seed 2026-02:[0-9a-f]{16}\)\.\n$/,
    );
    const again = await box.run("qa", "draw", "--month", "2026-02");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The sample for 2026-02 was drawn on 2026-03-02");
    expect((await box.run("qa", "draw", "--month", "2026-03")).code).toBe(1);
    const bad = await box.run("qa", "draw", "--month", "2026-13");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--month: expected YYYY-MM");
    expect((await box.run("qa", "draw")).code).toBe(2);
    const checked = await box.run("qa", "check", "--month", "2026-02");
    expect(checked).toMatchObject({ code: 0 });
    expect(checked.stdout).toMatch(/^The sample for 2026-02 is what its seed 2026-02:[0-9a-f]{16} draws: 0 items\.\n$/);
    expect((await box.run("qa", "check", "--month", "2026-01")).code).toBe(1);
    expect((await box.run("help")).stdout).toContain("qa draw --month YYYY-MM");
  });
});
