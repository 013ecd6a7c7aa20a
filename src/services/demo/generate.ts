/**
 * `demo`: fills an empty database with a year of believable data for the demonstration
 * council (organisation.ts), following the story in story.ts.
 *
 * Speed matters (a million responses for the benchmark), so rows go in through prepared
 * statements in large transactions rather than through registerInteraction/recordResponse,
 * and the report counters are built once at the end by rebuildRollup, which recounts exactly
 * what the incremental upkeep would have kept. Comment themes and sentiment still come from
 * the real matcher and scorer (cached per distinct comment text); masking is skipped because
 * generated text holds no personal data.
 */
import { count } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { DAY, HOUR, MINUTE } from "../../clock";
import { departments, interactions, services, staff, teams, themes } from "../../db/schema";
import type { Language } from "../../domain/languages";
import { localDate, zonedMidnight } from "../../domain/periods";
import { commentSentiment } from "../../domain/sentiment";
import { compileThemes, type ThemeMatcher } from "../../domain/themes";
import { ConflictError } from "../../errors";
import type { Channel } from "../../schemas/common";
import { rebuildRollup } from "../rebuild-rollup";
import { seedDefaultThemes } from "../reference/seed-themes";
import { createTarget } from "../reference/targets";
import { hashToken, tokenFromNonce } from "../tokens";
import { CLOSINGS, COMMENT_PIECES, themesWithPieces, type DemoThemeCode } from "./comments";
import { DEMO_DEPARTMENTS, DEMO_SERVICES, DEMO_TARGETS, DEMO_TEAMS, demoStaffNames, STAFF_PER_TEAM, type DemoServiceCode, type DemoTeam } from "./organisation";
import { gaussian, mulberry32, pick, weightedIndex, type Random } from "./random";
import { answersFor, commentProbability, dayVolume, expectedSatisfaction, RESPONSE_RATE, teamVolume, themeWeights, toneOf, type Moment } from "./story";

export type DemoOptions = {
  responses: number;
  seed: number;
  /** Called after each committed batch, with interactions and responses written so far. */
  onProgress?: (progress: { responses: number; interactions: number; phase: "data" | "rollup" }) => void;
};

export type DemoResult = {
  departments: number;
  teams: number;
  staff: number;
  services: number;
  themes: number;
  targets: number;
  interactions: number;
  responses: number;
  comments: number;
  rollupRows: number;
  from: string;
  to: string;
};

const BATCH = 20_000;
const OTHER_LANGUAGES: readonly Language[] = ["cy", "pl", "pt", "ar"];
const OTHER_LANGUAGE_WEIGHTS = [0.35, 0.35, 0.15, 0.15];

type TeamRow = { team: DemoTeam; id: number; staff: { id: number; effect: number }[]; services: { id: number; code: DemoServiceCode; weight: number }[]; channels: { channel: Channel; weight: number }[] };
type Day = { date: string; midnight: number; moment: Moment; quota: number };

/** Fills an empty database; refuses one that already holds reference data or interactions. */
export function generateDemo(ctx: Ctx, options: DemoOptions): DemoResult {
  const { db, config } = ctx;
  const hasData = db.select({ n: count() }).from(departments).get()!.n + db.select({ n: count() }).from(interactions).get()!.n > 0;
  if (hasData) throw new ConflictError("The database already holds data; the demo fills an empty one. Point DATA_DIR at a new folder.");

  const random = mulberry32(options.seed);
  const org = insertOrganisation(ctx, random);
  for (const target of DEMO_TARGETS) createTarget(ctx, target);
  seedDefaultThemes(ctx);
  const themeRows = db.select({ id: themes.id, code: themes.code, rules: themes.rules }).from(themes).all();
  const commentWriter = new CommentWriter(compileThemes(themeRows), new Map(themeRows.map((t) => [t.code, t.id])));

  const days = planDays(ctx.clock.now(), config.TIMEZONE, options.responses, org);
  const sqlite = db.$client;
  // Millions of random token hashes go into a unique index: a larger page cache for the load
  // keeps that index in memory (restored afterwards).
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma("cache_size = -524288");
  const insertInteraction = sqlite.prepare(
    `insert into interactions (id, channel, team_id, staff_id, service_id, occurred_at, language, source, created_at) values (?, ?, ?, ?, ?, ?, ?, 'demo', ?)`,
  );
  const insertToken = sqlite.prepare(`insert into survey_tokens (interaction_id, nonce, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)`);
  const insertResponse = sqlite.prepare(
    `insert into responses (id, interaction_id, team_id, staff_id, service_id, channel, occurred_at, csat, ces, csi, fcr, comment, commented, comment_sentiment, language, confirmed_via, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?)`,
  );
  const insertTheme = sqlite.prepare(`insert into response_themes (response_id, theme_id, matched) values (?, ?, ?)`);

  const now = ctx.clock.now();
  const ttl = config.TOKEN_TTL_DAYS * DAY;
  const nonceBytes = Buffer.alloc(16);
  let interactionId = 0;
  let responseId = 0;
  let comments = 0;

  const writeDay = (day: Day) => {
    const teamWeights = org.map((t) => teamVolume(t.team, day.moment.month));
    let quota = day.quota;
    while (quota > 0) {
      const t = org[weightedIndex(random, teamWeights)]!;
      const channel = t.channels[weightedIndex(random, t.channels.map((c) => c.weight))]!.channel;
      const service = t.services[weightedIndex(random, t.services.map((s) => s.weight))]!;
      const member = random() < (channel === "letter" ? 0.5 : 0.08) ? null : pick(random, t.staff);
      const language: Language = random() < t.team.otherLanguages ? OTHER_LANGUAGES[weightedIndex(random, OTHER_LANGUAGE_WEIGHTS)]! : "en";
      const occurredAt = day.midnight + 8 * HOUR + Math.floor(random() * 10 * HOUR);
      const createdAt = occurredAt + Math.floor(random() * 5 * MINUTE);
      interactionId++;
      insertInteraction.run(interactionId, channel, t.id, member?.id ?? null, service.id, occurredAt, language, createdAt);
      for (let i = 0; i < 4; i++) nonceBytes.writeUInt32LE(Math.floor(random() * 0x1_0000_0000), i * 4);
      const nonce = nonceBytes.toString("base64url");
      insertToken.run(interactionId, nonce, hashToken(tokenFromNonce(nonce, config.TOKEN_PEPPER), config.TOKEN_PEPPER), createdAt + ttl, createdAt);

      if (random() >= RESPONSE_RATE[channel]) continue;
      quota--;
      const expected = expectedSatisfaction(t.team, member?.effect ?? 0, service.code, channel, day.moment);
      const answers = answersFor(random, expected, channel);
      const comment = random() < commentProbability(answers) ? commentWriter.write(random, language, toneOf(answers, random), (tone) => themeWeights(tone, t.team, service.code, channel, day.moment)) : null;
      // Most answer within the hour; some days later; never in the future.
      const answeredAt = Math.min(now, createdAt + Math.floor(random() < 0.7 ? random() * HOUR : random() * 5 * DAY));
      responseId++;
      insertResponse.run(
        responseId, interactionId, t.id, member?.id ?? null, service.id, channel, occurredAt,
        answers.csat, answers.ces, answers.csi, answers.fcr, comment?.text ?? null, comment ? 1 : 0, comment?.sentiment ?? null, language, answeredAt, answeredAt,
      );
      if (comment) {
        comments++;
        for (const tag of comment.tags) insertTheme.run(responseId, tag.themeId, tag.matched);
      }
    }
  };

  // One transaction per batch of days: large enough to be fast, small enough for the WAL.
  const writeDays = sqlite.transaction((batch: Day[]) => batch.forEach(writeDay));
  let batch: Day[] = [];
  let batchQuota = 0;
  for (const day of days) {
    batch.push(day);
    batchQuota += day.quota;
    if (batchQuota >= BATCH / 5) {
      writeDays(batch);
      options.onProgress?.({ responses: responseId, interactions: interactionId, phase: "data" });
      batch = [];
      batchQuota = 0;
    }
  }
  if (batch.length > 0) writeDays(batch);
  options.onProgress?.({ responses: responseId, interactions: interactionId, phase: "rollup" });

  const rollup = rebuildRollup(db, config.TIMEZONE);
  sqlite.pragma(`cache_size = ${cacheSize}`);
  sqlite.pragma("optimize");
  return {
    departments: DEMO_DEPARTMENTS.length,
    teams: org.length,
    staff: org.reduce((n, t) => n + t.staff.length, 0),
    services: DEMO_SERVICES.length,
    themes: themeRows.length,
    targets: DEMO_TARGETS.length,
    interactions: interactionId,
    responses: responseId,
    comments,
    rollupRows: rollup.rows,
    from: days[0]?.date ?? "",
    to: days.at(-1)?.date ?? "",
  };
}

function insertOrganisation(ctx: Ctx, random: Random): TeamRow[] {
  const { db } = ctx;
  const now = ctx.clock.now() - 400 * DAY;
  return db.transaction((tx) => {
    const deptIds = new Map(
      tx.insert(departments).values(DEMO_DEPARTMENTS.map((d) => ({ ...d, createdAt: now }))).returning().all().map((d) => [d.code, d.id]),
    );
    const serviceIds = new Map(
      tx.insert(services).values(DEMO_SERVICES.map((s) => ({ ...s, createdAt: now }))).returning().all().map((s) => [s.code, s.id]),
    );
    const names = demoStaffNames(DEMO_TEAMS.length * STAFF_PER_TEAM);
    return DEMO_TEAMS.map((team, i) => {
      const row = tx.insert(teams).values({ code: team.code, name: team.name, departmentId: deptIds.get(team.department)!, createdAt: now }).returning().get();
      const members = names.slice(i * STAFF_PER_TEAM, (i + 1) * STAFF_PER_TEAM);
      const staffRows = tx.insert(staff).values(members.map((m) => ({ ...m, teamId: row.id, createdAt: now }))).returning().all();
      return {
        team,
        id: row.id,
        // Some staff do a little better or worse than their team: staff-level figures differ.
        staff: staffRows.map((s) => ({ id: s.id, effect: gaussian(random, 0, 0.04) })),
        services: Object.entries(team.services).map(([code, weight]) => ({ id: serviceIds.get(code)!, code: code as DemoServiceCode, weight: weight ?? 0 })),
        channels: Object.entries(team.channels).map(([channel, weight]) => ({ channel: channel as Channel, weight: weight ?? 0 })),
      };
    });
  });
}

/**
 * The year before today, day by day, each with its share of the responses: busier on Mondays
 * and in each team's season, weighted by how often each team's channels are answered.
 * Largest remainders, so the shares add up to exactly the number asked for.
 */
function planDays(now: number, timeZone: string, responses: number, org: TeamRow[]): Day[] {
  const today = localDate(now, timeZone);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const days: Day[] = [];
  for (let back = 365; back >= 1; back--) {
    const utc = new Date(todayMs - back * DAY);
    const date = utc.toISOString().slice(0, 10);
    days.push({ date, midnight: zonedMidnight(date, timeZone), moment: { month: utc.getUTCMonth() + 1, progress: (365 - back) / 364, weekday: utc.getUTCDay() }, quota: 0 });
  }
  const answeredShare = (t: TeamRow) => {
    const total = t.channels.reduce((s, c) => s + c.weight, 0);
    return t.channels.reduce((s, c) => s + c.weight * RESPONSE_RATE[c.channel], 0) / total;
  };
  const weights = days.map((d) => dayVolume(d.moment.weekday) * org.reduce((s, t) => s + teamVolume(t.team, d.moment.month) * answeredShare(t), 0));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * responses);
  days.forEach((d, i) => (d.quota = Math.floor(exact[i]!)));
  let left = responses - days.reduce((s, d) => s + d.quota, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    days[i]!.quota++;
  }
  return days;
}

type WrittenComment = { text: string; sentiment: number | null; tags: { themeId: number; matched: string }[] };

/** Builds comments from the pieces and tags them with the real matcher, once per distinct text. */
class CommentWriter {
  private readonly cache = new Map<string, WrittenComment>();
  constructor(
    private readonly matcher: ThemeMatcher,
    private readonly themeIds: Map<string, number>,
  ) {}

  write(random: Random, language: Language, tone: "positive" | "negative", weightsFor: (tone: "positive" | "negative") => Record<DemoThemeCode, number>): WrittenComment {
    const available = themesWithPieces(language, tone);
    const weights = weightsFor(tone);
    const chosen = new Set<DemoThemeCode>();
    const wanted = random() < 0.3 ? 2 : 1;
    for (let i = 0; i < wanted * 2 && chosen.size < wanted; i++) {
      chosen.add(available[weightedIndex(random, available.map((c) => weights[c]))]!);
    }
    const pieces = [...chosen].map((code) => pick(random, COMMENT_PIECES[language][code]![tone]!));
    let text = `${pieces.join(". ")}.`;
    if (random() < 0.4) text += ` ${pick(random, CLOSINGS[language][tone])}`;
    let written = this.cache.get(text);
    if (!written) {
      written = {
        text,
        sentiment: commentSentiment(text, language),
        tags: this.matcher
          .match(text, language)
          .filter((m) => this.themeIds.has(m.code))
          .map((m) => ({ themeId: m.themeId, matched: JSON.stringify(m.matched) })),
      };
      this.cache.set(text, written);
    }
    return written;
  }
}
