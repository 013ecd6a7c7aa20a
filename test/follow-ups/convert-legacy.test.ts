import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { followUps, responses, users } from "../../src/db/schema";
import { convertLegacyFollowUps } from "../../src/services/follow-ups/convert-legacy";
import { setCaseRules } from "../../src/services/follow-ups/set-case-rules";
import { caseSetup } from "./setup";

test("the earlier follow-up list's entries become cases once, with their status, note and who", async () => {
  const t = await caseSetup();
  const [admin] = await t.db.read.select().from(users).where(eq(users.email, "admin@council.example"));
  // Answers from before cases existed: no rule opened anything for them.
  await setCaseRules(t.ctx, { csatAtMost: null, csiAtMost: null, notResolvedCsatAtMost: null, onContactRequest: false }, admin!.id);
  const contacted = await t.answer("CONTACT", { csat: 1 });
  const resolved = await t.answer("WASTE", { csi: 2 });
  const untouched = await t.answer("CONTACT", { csat: 2 });
  const responseOf = async (interactionId: number) => (await t.db.read.select().from(responses).where(eq(responses.interactionId, interactionId)))[0]!.id;
  const at = t.clock.now() + 60_000;
  await t.db.write(async (tx) => {
    await tx
      .insert(followUps)
      .values({ responseId: await responseOf(contacted), status: "contacted", note: "Called back via CRM case 12", userId: admin!.id, updatedAt: at });
    await tx.insert(followUps).values({ responseId: await responseOf(resolved), status: "resolved", note: null, userId: admin!.id, updatedAt: at });
  });
  expect(await convertLegacyFollowUps(t.ctx)).toBe(2);
  expect(await convertLegacyFollowUps(t.ctx)).toBe(0);
  const a = (await t.caseOf(contacted))!;
  expect(a).toMatchObject({
    status: "acknowledged",
    acknowledgedAt: at,
    acknowledgedBy: admin!.id,
    ownerId: admin!.id,
    reasons: [{ rule: "low_csat", words: [] }],
  });
  expect((await t.events(a.id)).map((e) => [e.kind, e.note])).toEqual([
    ["opened", null],
    ["acknowledged", "Called back via CRM case 12"],
  ]);
  expect(await t.caseOf(resolved)).toMatchObject({ status: "closed", closedAt: at });
  expect(await t.caseOf(untouched)).toBeUndefined();
});
