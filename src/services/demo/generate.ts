/**
 * `demo`: fills an empty database with a year of believable data for the demonstration
 * council (organisation.ts), following the story in story.ts.
 *
 * Speed matters (a million responses for the benchmark), so rows go in through multi-row
 * statements in large writes rather than through registerInteraction/recordResponse,
 * and the report counters are built once at the end by rebuildRollup, which recounts exactly
 * what the incremental upkeep would have kept. Comment themes and sentiment still come from
 * the real matcher and scorer (cached per distinct comment text); masking is skipped because
 * generated text holds no personal data. The follow-up cases recordResponse would have opened
 * are opened once the answers are stored (cases.ts). Most contacts name their (invented)
 * customer, and some come back about the same service within days, more where the service is
 * worse: the repeat-contact links are worked out once the contacts are stored.
 */
import { count } from "drizzle-orm";
import type { Ctx } from "../../deps";
import { reportCalendar } from "../../config";
import { DAY, HOUR, MINUTE } from "../../clock";
import type { Db } from "../../db/client";
import { departments, interactions, responses, responseThemes, services, staff, surveyTokens, teams, themes } from "../../db/schema";
import { optimizePlanner, setPageCache } from "../../db/sqlite-maintenance";
import type { Language } from "../../domain/languages";
import { localDate, zonedMidnight } from "../../domain/periods";
import { commentSentiment } from "../../domain/sentiment";
import { compileThemes, type ThemeMatcher } from "../../domain/themes";
import { ConflictError } from "../../errors";
import type { Channel } from "../../schemas/common";
import { bulkInsert } from "../import/bulk-insert";
import { rebuildRollup, type RebuildStats } from "../rebuild-rollup";
import { relinkCustomers } from "../repeat-contact";
import { repeatWindowMs } from "../../domain/repeat-contact";
import { seedDefaultThemesIn } from "../reference/seed-themes";
import { createTargetIn } from "../reference/targets";
import { hashToken, tokenFromNonce } from "../tokens";
import { openDemoCases } from "./cases";
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
  /** Follow-up cases opened for the answers that meet the case rules. */
  cases: number;
  rollupRows: number;
  from: string;
  to: string;
};

/** Responses (and the five or so times as many interactions and tokens) per write. */
const RESPONSES_PER_WRITE = 4_000;
const OTHER_LANGUAGES: readonly Language[] = ["cy", "pl", "pt", "ar"];
const OTHER_LANGUAGE_WEIGHTS = [0.35, 0.35, 0.15, 0.15];

type TeamRow = {
  team: DemoTeam;
  id: number;
  staff: { id: number; effect: number }[];
  services: { id: number; code: DemoServiceCode; weight: number }[];
  channels: { channel: Channel; weight: number }[];
};
type Day = { date: string; midnight: number; moment: Moment; quota: number };

/** Fills an empty database; refuses one that already holds reference data or interactions. */
export async function generateDemo(ctx: Ctx, options: DemoOptions): Promise<DemoResult> {
  const { db, config } = ctx;
  const [[depts], [contacts]] = await Promise.all([db.read.select({ n: count() }).from(departments), db.read.select({ n: count() }).from(interactions)]);
  if ((depts?.n ?? 0) + (contacts?.n ?? 0) > 0) {
    throw new ConflictError("The database already holds data; the demo fills an empty one. Point DATA_DIR (or DATABASE_URL) at a new, empty database.");
  }

  const random = mulberry32(options.seed);
  const org = await db.write(async (tx) => {
    const teamRows = await insertOrganisation(tx, ctx, random);
    for (const target of DEMO_TARGETS) await createTargetIn(tx, ctx, target);
    await seedDefaultThemesIn(tx, ctx);
    return teamRows;
  });
  const themeRows = await db.read.select({ id: themes.id, code: themes.code, rules: themes.rules }).from(themes);
  const commentWriter = new CommentWriter(compileThemes(themeRows), new Map(themeRows.map((t) => [t.code, t.id])));

  const days = planDays(ctx.clock.now(), config.TIMEZONE, options.responses, org);
  // Millions of random token hashes go into a unique index: on SQLite a larger page cache for
  // the load keeps that index in memory (restored afterwards).
  const cacheSize = await db.write(async (tx) => setPageCache(tx, -524288));
  // Customers come from a generator of their own, so the rest of the data is what the seed always gave.
  const generator = new DayWriter(ctx, random, org, commentWriter, new DemoCustomers(mulberry32(options.seed ^ 0x5eed)));
  let rollup: RebuildStats;
  let cases: number;
  try {
    // One write per batch of days: large enough to be fast, small enough for the WAL (and for
    // memory: a batch's rows are made before its write, so the write only stores them).
    let batch = new Batch();
    for (const day of days) {
      generator.writeDay(day, batch);
      if (batch.responses >= RESPONSES_PER_WRITE) {
        await storeBatch(ctx, batch);
        options.onProgress?.({ responses: generator.responses, interactions: generator.interactions, phase: "data" });
        batch = new Batch();
      }
    }
    if (batch.interactions > 0) await storeBatch(ctx, batch);
    // Only customers who came back have chains; everyone else's one contact has no links.
    await db.write((tx) => relinkCustomers(tx, generator.customers.returning, repeatWindowMs(config.REPEAT_CONTACT_DAYS), () => false, null));
    cases = await openDemoCases(ctx, random);
    options.onProgress?.({ responses: generator.responses, interactions: generator.interactions, phase: "rollup" });
    rollup = await rebuildRollup(db, reportCalendar(config));
  } finally {
    await db.write(async (tx) => {
      setPageCache(tx, cacheSize);
      optimizePlanner(tx);
    });
  }
  return {
    departments: DEMO_DEPARTMENTS.length,
    teams: org.length,
    staff: org.reduce((n, t) => n + t.staff.length, 0),
    services: DEMO_SERVICES.length,
    themes: themeRows.length,
    targets: DEMO_TARGETS.length,
    interactions: generator.interactions,
    responses: generator.responses,
    comments: generator.comments,
    cases,
    rollupRows: rollup.rows,
    from: days[0]?.date ?? "",
    to: days.at(-1)?.date ?? "",
  };
}

/**
 * One write's worth of rows, as the multi-row inserts take them. The ids of the rows they
 * belong to are not known until the write: tokens and responses hold the index of their
 * interaction in the batch, theme tags the index of their response, filled in when stored.
 */
class Batch {
  interactions = 0;
  responses = 0;
  readonly interactionValues: unknown[] = [];
  readonly tokenValues: unknown[] = [];
  readonly responseValues: unknown[] = [];
  readonly themeValues: unknown[] = [];
}

const INTERACTION_COLUMNS = ["channel", "teamId", "staffId", "serviceId", "occurredAt", "language", "source", "customerHash", "createdAt"];
const TOKEN_COLUMNS = ["interactionId", "nonce", "tokenHash", "expiresAt", "createdAt"];
const RESPONSE_COLUMNS = [
  "interactionId",
  "teamId",
  "staffId",
  "serviceId",
  "channel",
  "occurredAt",
  "csat",
  "ces",
  "csi",
  "fcr",
  "comment",
  "commented",
  "commentSentiment",
  "language",
  "confirmedVia",
  "createdAt",
  "updatedAt",
];
const THEME_COLUMNS = ["responseId", "themeId", "matched"];
const insertInteractions = bulkInsert("demo_interactions", interactions, INTERACTION_COLUMNS, interactions.id);
const insertTokens = bulkInsert("demo_tokens", surveyTokens, TOKEN_COLUMNS);
const insertResponses = bulkInsert("demo_responses", responses, RESPONSE_COLUMNS, responses.id);
const insertThemes = bulkInsert("demo_response_themes", responseThemes, THEME_COLUMNS);

/** Replaces the batch indexes in the first column of each row with the ids they stand for. */
function resolve(values: unknown[], width: number, ids: readonly number[]): void {
  for (let i = 0; i < values.length; i += width) values[i] = ids[values[i] as number];
}

function storeBatch(ctx: Ctx, batch: Batch): Promise<void> {
  return ctx.db.write(async (tx) => {
    const interactionIds = await insertInteractions(tx, batch.interactionValues);
    resolve(batch.tokenValues, TOKEN_COLUMNS.length, interactionIds);
    await insertTokens(tx, batch.tokenValues);
    resolve(batch.responseValues, RESPONSE_COLUMNS.length, interactionIds);
    const responseIds = await insertResponses(tx, batch.responseValues);
    resolve(batch.themeValues, THEME_COLUMNS.length, responseIds);
    await insertThemes(tx, batch.themeValues);
  });
}

/** Makes each day's contacts and answers, following the story, into batches. */
class DayWriter {
  interactions = 0;
  responses = 0;
  comments = 0;
  private readonly nonceBytes = Buffer.alloc(16);
  private readonly now: number;
  private readonly ttl: number;

  constructor(
    private readonly ctx: Ctx,
    private readonly random: Random,
    private readonly org: TeamRow[],
    private readonly commentWriter: CommentWriter,
    readonly customers: DemoCustomers,
  ) {
    this.now = ctx.clock.now();
    this.ttl = ctx.config.TOKEN_TTL_DAYS * DAY;
  }

  writeDay(day: Day, batch: Batch): void {
    const { random, org } = this;
    const { config } = this.ctx;
    const teamWeights = org.map((t) => teamVolume(t.team, day.moment.month));
    this.customers.nextDay();
    let quota = day.quota;
    while (quota > 0) {
      const t = org[weightedIndex(random, teamWeights)]!;
      const channel =
        t.channels[
          weightedIndex(
            random,
            t.channels.map((c) => c.weight),
          )
        ]!.channel;
      const service =
        t.services[
          weightedIndex(
            random,
            t.services.map((s) => s.weight),
          )
        ]!;
      const member = random() < (channel === "letter" ? 0.5 : 0.08) ? null : pick(random, t.staff);
      const language: Language = random() < t.team.otherLanguages ? OTHER_LANGUAGES[weightedIndex(random, OTHER_LANGUAGE_WEIGHTS)]! : "en";
      const occurredAt = day.midnight + 8 * HOUR + Math.floor(random() * 10 * HOUR);
      const createdAt = occurredAt + Math.floor(random() * 5 * MINUTE);
      const interaction = batch.interactions++;
      this.interactions++;
      const customer = this.customers.of(service.id, channel, expectedSatisfaction(t.team, member?.effect ?? 0, service.code, channel, day.moment));
      batch.interactionValues.push(channel, t.id, member?.id ?? null, service.id, occurredAt, language, "demo", customer, createdAt);
      for (let i = 0; i < 4; i++) this.nonceBytes.writeUInt32LE(Math.floor(random() * 0x1_0000_0000), i * 4);
      const nonce = this.nonceBytes.toString("base64url");
      batch.tokenValues.push(interaction, nonce, hashToken(tokenFromNonce(nonce, config.TOKEN_PEPPER), config.TOKEN_PEPPER), createdAt + this.ttl, createdAt);

      if (random() >= RESPONSE_RATE[channel]) continue;
      quota--;
      const expected = expectedSatisfaction(t.team, member?.effect ?? 0, service.code, channel, day.moment);
      const answers = answersFor(random, expected, channel);
      const comment =
        random() < commentProbability(answers)
          ? this.commentWriter.write(random, language, toneOf(answers, random), (tone) => themeWeights(tone, t.team, service.code, channel, day.moment))
          : null;
      // Most answer within the hour; some days later; never in the future.
      const answeredAt = Math.min(this.now, createdAt + Math.floor(random() < 0.7 ? random() * HOUR : random() * 5 * DAY));
      const response = batch.responses++;
      this.responses++;
      batch.responseValues.push(
        interaction,
        t.id,
        member?.id ?? null,
        service.id,
        channel,
        occurredAt,
        answers.csat,
        answers.ces,
        answers.csi,
        answers.fcr,
        comment?.text ?? null,
        comment ? 1 : 0,
        comment?.sentiment ?? null,
        language,
        "demo",
        answeredAt,
        answeredAt,
      );
      if (comment) {
        this.comments++;
        for (const tag of comment.tags) batch.themeValues.push(response, tag.themeId, tag.matched);
      }
    }
  }
}

/** How many contacts on each channel name their customer (a CRM key, the address, the caller's number). */
const KNOWN_CUSTOMER: Record<Channel, number> = { phone: 0.75, email: 0.95, web_chat: 0.6, face_to_face: 0.5, letter: 0.9 };

/**
 * The demo's customers: a contact by a known customer is, now and then, the same customer
 * coming back about the same service within the last six days (so within the repeat window),
 * more often where the service is worse; otherwise someone new. A customer is a random id of
 * its own (there is nobody to hash), kept only while they might come back.
 */
class DemoCustomers {
  /** Customers who came back: the only ones with links to work out. */
  readonly returning = new Set<string>();
  private readonly recent = new Map<number, { id: string; day: number }[]>();
  private readonly bytes = Buffer.alloc(18);
  private day = 0;

  constructor(private readonly random: Random) {}

  nextDay(): void {
    this.day++;
    for (const [service, list] of this.recent)
      this.recent.set(
        service,
        list.filter((c) => c.day > this.day - 7),
      );
  }

  /** The customer of a contact, or null when the contact does not name one. */
  of(serviceId: number, channel: Channel, expected: number): string | null {
    const random = this.random;
    if (random() >= KNOWN_CUSTOMER[channel]) return null;
    let list = this.recent.get(serviceId);
    if (!list) this.recent.set(serviceId, (list = []));
    const comesBack = Math.min(0.4, Math.max(0.05, 0.05 + 0.5 * (1 - expected)));
    let id: string;
    if (list.length > 0 && random() < comesBack) {
      id = list[Math.floor(random() * list.length)]!.id;
      this.returning.add(id);
    } else {
      for (let i = 0; i < 18; i += 3) this.bytes.writeUIntLE(Math.floor(random() * 0x1_00_00_00), i, 3);
      id = `demo-${this.bytes.toString("base64url")}`;
    }
    list.push({ id, day: this.day });
    return id;
  }
}

async function insertOrganisation(tx: Db, ctx: Ctx, random: Random): Promise<TeamRow[]> {
  const now = ctx.clock.now() - 400 * DAY;
  const deptIds = new Map(
    (
      await tx
        .insert(departments)
        .values(DEMO_DEPARTMENTS.map((d) => ({ ...d, createdAt: now })))
        .returning({ code: departments.code, id: departments.id })
    ).map((d) => [d.code, d.id]),
  );
  const serviceIds = new Map(
    (
      await tx
        .insert(services)
        .values(DEMO_SERVICES.map((s) => ({ ...s, createdAt: now })))
        .returning({ code: services.code, id: services.id })
    ).map((s) => [s.code, s.id]),
  );
  const names = demoStaffNames(DEMO_TEAMS.length * STAFF_PER_TEAM);
  const rows: TeamRow[] = [];
  for (const [i, team] of DEMO_TEAMS.entries()) {
    const [row] = await tx
      .insert(teams)
      .values({ code: team.code, name: team.name, departmentId: deptIds.get(team.department)!, createdAt: now })
      .returning({ id: teams.id });
    const members = names.slice(i * STAFF_PER_TEAM, (i + 1) * STAFF_PER_TEAM);
    const staffRows = await tx
      .insert(staff)
      .values(members.map((m) => ({ ...m, teamId: row!.id, createdAt: now })))
      .returning({ id: staff.id });
    rows.push({
      team,
      id: row!.id,
      // Some staff do a little better or worse than their team: staff-level figures differ.
      staff: staffRows.map((s) => ({ id: s.id, effect: gaussian(random, 0, 0.04) })),
      services: Object.entries(team.services).map(([code, weight]) => ({ id: serviceIds.get(code)!, code: code as DemoServiceCode, weight: weight ?? 0 })),
      channels: Object.entries(team.channels).map(([channel, weight]) => ({ channel: channel as Channel, weight: weight ?? 0 })),
    });
  }
  return rows;
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
    days.push({
      date,
      midnight: zonedMidnight(date, timeZone),
      moment: { month: utc.getUTCMonth() + 1, progress: (365 - back) / 364, weekday: utc.getUTCDay() },
      quota: 0,
    });
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

type WrittenComment = { text: string; sentiment: number | null; tags: { themeId: number; matched: string[] }[] };

/** Builds comments from the pieces and tags them with the real matcher, once per distinct text. */
class CommentWriter {
  private readonly cache = new Map<string, WrittenComment>();
  constructor(
    private readonly matcher: ThemeMatcher,
    private readonly themeIds: Map<string, number>,
  ) {}

  write(
    random: Random,
    language: Language,
    tone: "positive" | "negative",
    weightsFor: (tone: "positive" | "negative") => Record<DemoThemeCode, number>,
  ): WrittenComment {
    const available = themesWithPieces(language, tone);
    const weights = weightsFor(tone);
    const chosen = new Set<DemoThemeCode>();
    const wanted = random() < 0.3 ? 2 : 1;
    for (let i = 0; i < wanted * 2 && chosen.size < wanted; i++) {
      chosen.add(
        available[
          weightedIndex(
            random,
            available.map((c) => weights[c]),
          )
        ]!,
      );
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
          .map((m) => ({ themeId: m.themeId, matched: m.matched })),
      };
      this.cache.set(text, written);
    }
    return written;
  }
}
