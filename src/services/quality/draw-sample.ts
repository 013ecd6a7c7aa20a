import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { firstAcrossServers } from "../../db/locks";
import { qaPopulation } from "../../db/queries/quality/population";
import { sampleByMonth, sampleItemKeys } from "../../db/queries/quality/samples";
import { qaSampleItems, qaSamples } from "../../db/schema";
import { localDate, zonedMidnight } from "../../domain/periods";
import { drawSample, monthDays, monthOf, sampleSeed } from "../../domain/quality-sample";
import { ConflictError, UnprocessableError } from "../../errors";
import { ensureDefaultStandards } from "./standards";

/** Any number that names the draw's lock among the application's others on the PostgreSQL server. */
export const QA_SAMPLE_LOCK = 7_316_311;

/** Rows per insert statement: well under SQLite's limit of bound parameters. */
const ROWS_PER_INSERT = 500;

export type DrawnSample = { month: string; seed: string; drawnAt: number; contacts: number; staff: number; cases: number; departments: number };

type ItemRow = Omit<typeof qaSampleItems.$inferInsert, "sampleId" | "id">;

/**
 * The sample a seed gives for a month, from the month's data as it is now: the contacts of every
 * staff member and the follow-up cases closed, between the month's local midnights.
 */
export async function sampleFromSeed(ctx: Ctx, month: string, seed: string): Promise<{ rows: ItemRow[]; staff: number; departments: number }> {
  const { TIMEZONE: tz, QA_SAMPLE_PER_STAFF: perStaff, QA_SAMPLE_CASES: casesPerDepartment } = ctx.config;
  const { first, next } = monthDays(month);
  const population = await qaPopulation(ctx.db.read, { from: zonedMidnight(first, tz), to: zonedMidnight(next, tz) });
  const drawn = drawSample(population, { perStaff, casesPerDepartment }, seed);
  const contacts = new Map(population.interactions.map((c) => [c.interactionId, c]));
  const cases = new Map(population.cases.map((c) => [c.caseId, c]));
  const rows: ItemRow[] = [
    ...drawn.interactions.map(({ interactionId }) => {
      const c = contacts.get(interactionId)!;
      return { kind: "interaction", interactionId, caseId: null, staffId: c.staffId, teamId: c.teamId, channel: c.channel };
    }),
    ...drawn.cases.map(({ caseId }) => {
      const c = cases.get(caseId)!;
      return { kind: "case", interactionId: c.interactionId, caseId, staffId: c.staffId, teamId: c.teamId, channel: c.channel };
    }),
  ];
  return {
    rows,
    staff: new Set(drawn.interactions.map((c) => c.staffId)).size,
    departments: new Set(drawn.cases.map((c) => c.departmentId)).size,
  };
}

/** Refuses a month that is not over yet in the organisation's time zone. */
function requirePastMonth(ctx: Ctx, month: string): void {
  const current = monthOf(localDate(ctx.clock.now(), ctx.config.TIMEZONE));
  if (month >= current) throw new UnprocessableError(`${month} is not over yet: a month's sample is drawn once the month has ended.`, { field: "month" });
}

const alreadyDrawn = (ctx: Ctx, month: string, drawnAt: number) =>
  new ConflictError(`The sample for ${month} was drawn on ${localDate(drawnAt, ctx.config.TIMEZONE)}; each month is drawn once.`);

/**
 * Draws and stores a past month's sample, once: a second draw of the month is refused (409),
 * whoever asks and on whichever server, by the unique month and, on PostgreSQL, the draw's lock.
 * The month's data is read before the write, so on SQLite other writes do not wait on the read.
 * `seed` is for tests; otherwise it is the month and 64 random bits.
 */
export async function drawQualitySample(ctx: Ctx, month: string, opts: { seed?: string } = {}): Promise<DrawnSample> {
  requirePastMonth(ctx, month);
  const existing = await sampleByMonth(ctx.db.read, month);
  if (existing) throw alreadyDrawn(ctx, month, existing.drawnAt);
  const seed = opts.seed ?? sampleSeed(month, randomBytes(8).toString("hex"));
  const drawn = await sampleFromSeed(ctx, month, seed);
  const drawnAt = ctx.clock.now();
  await ctx.db.write(async (tx) => {
    if (!(await firstAcrossServers(tx, QA_SAMPLE_LOCK))) throw new ConflictError(`The sample for ${month} is being drawn by another server.`);
    await ensureDefaultStandards(tx, drawnAt);
    const [sample] = await tx.insert(qaSamples).values({ month, seed, drawnAt }).onConflictDoNothing().returning({ id: qaSamples.id });
    if (!sample) {
      const [other] = await tx.select({ drawnAt: qaSamples.drawnAt }).from(qaSamples).where(eq(qaSamples.month, month));
      throw alreadyDrawn(ctx, month, other?.drawnAt ?? drawnAt);
    }
    for (let i = 0; i < drawn.rows.length; i += ROWS_PER_INSERT) {
      await tx.insert(qaSampleItems).values(drawn.rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({ ...r, sampleId: sample.id })));
    }
  });
  return {
    month,
    seed,
    drawnAt,
    contacts: drawn.rows.filter((r) => r.kind === "interaction").length,
    staff: drawn.staff,
    cases: drawn.rows.filter((r) => r.kind === "case").length,
    departments: drawn.departments,
  };
}

export type SampleCheck = { month: string; seed: string; stored: number; redrawn: number; missing: number; extra: number; same: boolean };

/**
 * Draws the month again from its stored seed and compares with what was stored: the same unless
 * the month's data changed since (contacts registered late, an import of history).
 */
export async function checkQualitySample(ctx: Ctx, month: string): Promise<SampleCheck> {
  const sample = await sampleByMonth(ctx.db.read, month);
  if (!sample) throw new UnprocessableError(`No sample has been drawn for ${month}.`, { field: "month" });
  const key = (r: { kind: string; interactionId: number; caseId: number | null }) => `${r.kind}:${r.caseId ?? r.interactionId}`;
  const stored = new Set((await sampleItemKeys(ctx.db.read, sample.id)).map(key));
  const redrawn = new Set((await sampleFromSeed(ctx, month, sample.seed)).rows.map((r) => key({ ...r, caseId: r.caseId ?? null })));
  const missing = [...stored].filter((k) => !redrawn.has(k)).length;
  const extra = [...redrawn].filter((k) => !stored.has(k)).length;
  return { month, seed: sample.seed, stored: stored.size, redrawn: redrawn.size, missing, extra, same: missing === 0 && extra === 0 };
}
