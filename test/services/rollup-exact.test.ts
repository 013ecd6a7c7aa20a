import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { DAY, HOUR } from "../../src/clock";
import { ROLLUP_COLUMNS } from "../../src/db/rollup-table";
import { themes } from "../../src/db/schema";
import { rows } from "../../src/db/sql";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { TALLY_FIELDS } from "../../src/domain/measures";
import { erasePerson } from "../../src/services/privacy/erase";
import { applyRetention } from "../../src/services/privacy/retention";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { recordResponse } from "../../src/services/record-response";
import { registerInteraction } from "../../src/services/register-interaction";
import { mulberry32 } from "../../src/services/demo/random";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { reportCalendar } from "../../src/config";

type Row = Record<string, number | string>;

/** The rollup as a map of non-empty rows; float sums compared to 1e-6. */
async function snapshot(t: TestApp) {
  const out = new Map<string, number[]>();
  for (const r of await rows<Row>(t.db.read, sql`select * from report_rollup`)) {
    const values = ROLLUP_COLUMNS.map((c) => Number(r[c]));
    if (values.every((v) => Math.abs(v) < 1e-9)) continue;
    out.set([r.period, r.period_start, r.theme_id, r.team_id, r.staff_id, r.service_id, r.channel].join("|"), values);
  }
  return out;
}

test.each([
  [1, false],
  [2, false],
  [3, false],
  [4, true],
  [5, true],
])("incremental counters equal a full recount after random answers, changes, retention and erasures (seed %i, group commits %s)", async (seed, grouped) => {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const t = await createTestApp({ RETENTION_DAYS: 60 }, "2025-01-01T00:00:00Z");
  await seedOrganisation(t);
  await t.db.write((tx) => tx.insert(themes).values(DEFAULT_THEMES.map((d) => ({ code: d.code, name: d.name, rules: d.rules, createdAt: 0 }))));
  const comments = [
    "The wait on hold was far too long",
    "Staff were rude",
    "Lovely helpful advisor",
    "Website kept crashing",
    "",
    "Nie działa strona internetowa",
  ];
  const ids: number[] = [];
  const emails: string[] = [];
  const maybe = <T>(v: T) => (random() < 0.3 ? null : v);
  // Grouped: several answers in flight at once, as the routes' are: on both databases they share
  // group commits (each body in a savepoint on SQLite; a refused body's group runs again without it on PostgreSQL).
  let pending: Promise<unknown>[] = [];
  const settle = async () => {
    for (const r of await Promise.allSettled(pending)) if (r.status === "rejected") expect(String(r.reason)).toMatch(/at least one/);
    pending = [];
  };
  const write = async (answer: () => Promise<unknown>): Promise<void> => {
    if (grouped) {
      // Looked at in settle(); a refusal can arrive before then (the writes after it are still
      // running), which must not count as a rejection nobody handles.
      const p = answer();
      p.catch(() => {});
      pending.push(p);
    } else await answer();
  };
  for (let step = 0; step < 400; step++) {
    if (step % 7 === 0) await settle();
    // Whole milliseconds, as a real clock gives: times are integer columns.
    t.clock.advance(Math.floor(random() * 2 * DAY));
    const op = random();
    if (op < 0.5 || ids.length === 0) {
      const email = `person${Math.floor(random() * 40)}@example.org`;
      // Occurred up to two days ago, at any hour: periods cross midnights and month ends.
      const interaction = {
        channel: pick(["phone", "email", "web_chat", "letter", "face_to_face"] as const),
        team: pick(["CONTACT", "BENEFITS", "WASTE"]),
        staff: random() < 0.5 ? pick(["alice", "bob"]) : undefined,
        service: random() < 0.5 ? pick(["council-tax", "bins"]) : undefined,
        occurredAt: t.clock.now() - Math.floor(random() * 48) * HOUR,
        language: pick(["en", "pl"] as const),
        customer: { email, mayContact: false },
      };
      // Registered at once: the answers below need its id.
      ids.push((await registerInteraction(t.ctx, interaction)).id);
      emails.push(email);
    } else if (op < 0.9) {
      const id = pick(ids);
      const comment = pick(comments);
      try {
        await write(() =>
          recordResponse(
            t.ctx,
            {
              interactionId: id,
              csat: maybe(1 + Math.floor(random() * 5)),
              ces: maybe(1 + Math.floor(random() * 7)),
              csi: maybe(1 + Math.floor(random() * 5)),
              fcr: maybe(pick(["yes", "partly", "no"] as const)),
              comment: comment || null,
              language: "en",
              confirmedVia: "form",
            },
            { merge: random() < 0.3 },
          ),
        );
      } catch (err) {
        expect(String(err)).toMatch(/at least one/);
      }
    } else if (op < 0.95) {
      await settle();
      await applyRetention(t.ctx);
    } else {
      await settle();
      await erasePerson(t.ctx, { email: pick(emails) });
    }
  }
  await settle();
  const incremental = await snapshot(t);
  await rebuildRollup(t.db, reportCalendar(t.config));
  const recount = await snapshot(t);
  expect([...incremental.keys()].sort()).toEqual([...recount.keys()].sort());
  for (const [key, values] of recount) {
    const got = incremental.get(key)!;
    values.forEach((v, i) => expect(got[i], `${key} ${TALLY_FIELDS[i]}`).toBeCloseTo(v, 6));
  }
  expect(recount.size).toBeGreaterThan(50);
});
