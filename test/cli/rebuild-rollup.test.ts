import { describe, expect, test } from "vitest";
import { DAY, HOUR } from "../../src/clock";
import type { Database } from "../../src/db/client";
import { reportRollup } from "../../src/db/schema";
import { ValidationError } from "../../src/errors";
import { TALLY_FIELDS, type Fcr } from "../../src/domain/measures";
import { recordResponse } from "../../src/services/record-response";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { registerInteraction } from "../../src/services/register-interaction";
import { createTestApp, seedOrganisation } from "../helpers";
import { mulberry32 } from "../../src/services/demo/random";
import { reportCalendar } from "../../src/config";

const columns = TALLY_FIELDS;
type RollupRow = typeof reportRollup.$inferSelect;

/** The rollup as sorted rows; rows whose counters are all zero say nothing and are left out. */
async function snapshot(db: Database): Promise<RollupRow[]> {
  const r = reportRollup;
  const rows = await db.read.select().from(r).orderBy(r.period, r.periodStart, r.themeId, r.teamId, r.staffId, r.serviceId, r.channel);
  return rows.filter((row) => columns.some((c) => Math.abs(Number(row[c])) > 1e-9));
}

const COMMENTS = [
  null,
  "I was kept on hold for ages, the waiting time is terrible",
  "The adviser was so helpful and friendly, sorted it straight away",
  "Your website crashed twice and the online form lost my answers",
  "Rude and dismissive, I want to make a formal complaint",
  "Fine.",
  "Czekałem bardzo długo na połączenie",
];

describe("rebuildRollup", () => {
  test("a full recount equals the counters kept answer by answer, changed answers included", async () => {
    // London, with times around midnight and the clock changes, so periods are tested too.
    const t = await createTestApp({ TIMEZONE: "Europe/London" }, "2025-12-31T12:00:00Z");
    const org = await seedOrganisation(t);
    await seedDefaultThemes(t.ctx);
    const random = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const maybe = <T>(x: T): T | null => (random() < 0.2 ? null : x);
    const score = (max: number) => maybe(1 + Math.floor(random() * max));

    const ids: number[] = [];
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let i = 0; i < 300; i++) {
      // Whole hours plus a minute or two either side of midnight and 01:00 (BST changes).
      const occurredAt = start + Math.floor(random() * 360) * DAY + pick([-1, 0, 1, 23, 24]) * HOUR + pick([-60_000, 0, 59_000]);
      const created = await registerInteraction(t.ctx, {
        channel: pick(["phone", "email", "face_to_face", "web_chat", "letter"] as const),
        team: pick([org.contact.code, org.benefits.code, org.waste.code]),
        staff: random() < 0.5 ? pick([org.alice.code, org.bob.code]) : undefined,
        service: random() < 0.7 ? pick([org.tax.code, org.bins.code]) : undefined,
        occurredAt,
        language: "en",
      });
      ids.push(created.id);
    }
    const answer = async (interactionId: number, merge: boolean) => {
      const comment = pick(COMMENTS);
      const input = {
        interactionId,
        csat: score(5),
        ces: score(7),
        csi: score(5),
        fcr: maybe(pick(["yes", "partly", "no"] as Fcr[])),
        comment,
        language: comment?.startsWith("Czek") ? "pl" : "en",
        confirmedVia: "form" as const,
      };
      try {
        await recordResponse(t.ctx, input, { merge });
      } catch (err) {
        // All questions skipped and no comment: refused, which is part of the sequence too.
        if (!(err instanceof ValidationError)) throw err;
      }
    };
    for (const id of ids.slice(0, 200)) await answer(id, false);
    // Changed answers: some replaced, some merged (the phone survey), some changed twice.
    for (let i = 0; i < 120; i++) await answer(pick(ids.slice(0, 220)), random() < 0.3);

    const incremental = await snapshot(t.db);
    expect(incremental.length).toBeGreaterThan(100);
    const stats = await rebuildRollup(t.db, reportCalendar(t.config));
    expect(stats.interactions).toBe(300);
    const rebuilt = await snapshot(t.db);

    expect(rebuilt.map((r) => keyOf(r))).toEqual(incremental.map((r) => keyOf(r)));
    rebuilt.forEach((row, i) => {
      for (const c of columns) {
        // Sums of sentiment-derived index values are floats; the order of adding differs.
        expect(Number(row[c])).toBeCloseTo(Number(incremental[i]![c]), 6);
      }
    });
  });

  test("an empty database rebuilds to an empty rollup", async () => {
    const t = await createTestApp();
    expect(await rebuildRollup(t.db, { timeZone: "Europe/London", yearStart: 4 })).toEqual({ rows: 0, interactions: 0, responses: 0 });
  });
});

function keyOf(r: RollupRow): string {
  return [r.period, r.periodStart, r.themeId, r.teamId, r.staffId, r.serviceId, r.channel].join("|");
}
