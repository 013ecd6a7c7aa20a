import { and, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { interactions, services, staff, teams } from "../../db/schema";
import { answerCode, answerOfCode, QUESTION_KEYS, QUESTIONS, type Question, type QuestionAnswers, type QuestionKey } from "../../domain/measure-registry";
import { LANGUAGES } from "../../domain/languages";
import { CONTROL_CHARACTERS } from "../../domain/comment";
import { Code } from "../../schemas/common";
import { CHANNELS } from "../../domain/vocabulary";
import type { TimeParser } from "./occurred-at";

/*
 * Checks each row of an import file and keeps the good ones in typed columns (a million rows
 * as objects would cost hundreds of megabytes). Every cell is checked by a zod schema; the
 * columns with few distinct values (scores, channel, codes, language) remember the result per
 * distinct text, so a million rows run the schema a few hundred times, not twelve million.
 */

/** The survey page's limit (routes/survey/form.ts), not imported from there to keep the CLI off the web routes. */
const COMMENT_MAX = 2000;

export const COLUMNS = ["occurred_at", "channel", "team", "staff", "service", ...QUESTION_KEYS, "comment", "language", "external_ref", "customer_key"] as const;
export type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ["occurred_at", "channel", "team"];

export type RowError = { row: number; column: Column | null; message: string };

const blank = (s: string) => s === "";

/** A question's cell: a whole number on its scale, or one of its choices (any case); empty is skipped. */
function answerCell(q: Question): z.ZodType<QuestionAnswers[QuestionKey]> {
  if (q.kind === "yesNo") {
    const choices: readonly string[] = q.choices;
    return z
      .string()
      .trim()
      .toLowerCase()
      .refine((s) => blank(s) || choices.includes(s), `must be ${choices.join(", ")} or empty`)
      .transform((s) => (blank(s) ? null : (s as QuestionAnswers[typeof q.key])));
  }
  const { min, max } = q.scale;
  return z
    .string()
    .trim()
    .refine((s) => blank(s) || (/^(0|[1-9]\d?)$/.test(s) && Number(s) >= min && Number(s) <= max), `must be ${min}-${max}`)
    .transform((s) => (blank(s) ? null : Number(s)));
}

/** One schema per cached column; the result is what the row stores. */
const CELL = {
  channel: z
    .string()
    .trim()
    .pipe(z.enum(CHANNELS, `must be one of ${CHANNELS.join(", ")}`)),
  ...(Object.fromEntries(QUESTIONS.map((q) => [q.key, answerCell(q)])) as Record<QuestionKey, z.ZodType<QuestionAnswers[QuestionKey]>>),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .transform((s) => (blank(s) ? "en" : s))
    .pipe(z.enum(LANGUAGES, `must be one of ${LANGUAGES.join(", ")} (empty means en)`)),
  code: z.string().trim().pipe(Code),
};

type Ref = { id: number; retiredAt: number | null };
export type References = { teams: Map<string, Ref>; staff: Map<string, Ref>; services: Map<string, Ref> };

/** Every team, staff and service code, read once. */
export async function loadReferences(db: Db): Promise<References> {
  const columns = (t: typeof teams | typeof staff | typeof services) => ({ code: t.code, id: t.id, retiredAt: t.retiredAt });
  const [teamRows, staffRows, serviceRows] = await Promise.all([
    db.select(columns(teams)).from(teams),
    db.select(columns(staff)).from(staff),
    db.select(columns(services)).from(services),
  ]);
  const byCode = (rows: ({ code: string } & Ref)[]) => new Map(rows.map(({ code, id, retiredAt }) => [code, { id, retiredAt }]));
  return { teams: byCode(teamRows), staff: byCode(staffRows), services: byCode(serviceRows) };
}

/** Which of these external references interactions already hold. */
export async function storedExternalRefs(db: Db, refs: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < refs.length; i += 1000) {
    const rows = await db
      .select({ ref: interactions.externalRef })
      .from(interactions)
      .where(and(isNotNull(interactions.externalRef), inArray(interactions.externalRef, refs.slice(i, i + 1000))));
    for (const r of rows) if (r.ref !== null) found.push(r.ref);
  }
  return found;
}

const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));
const LANGUAGE_INDEX = new Map<string, number>(LANGUAGES.map((l, i) => [l, i]));

/**
 * The good rows, column by column. Answers are answerCode's (0 for skipped), ids 0 for none;
 * channel and language are indexes into CHANNELS and LANGUAGES.
 */
export class ImportRows {
  length = 0;
  occurredAt = new Float64Array(1024);
  teamId = new Int32Array(1024);
  staffId = new Int32Array(1024);
  serviceId = new Int32Array(1024);
  channel = new Uint8Array(1024);
  language = new Uint8Array(1024);
  answers = Object.fromEntries(QUESTION_KEYS.map((k) => [k, new Uint8Array(1024)])) as Record<QuestionKey, Uint8Array>;
  /** A row's answers, as recordResponse and tallyOfResponse take them. */
  answersOf(i: number): QuestionAnswers {
    return Object.fromEntries(QUESTION_KEYS.map((k) => [k, answerOfCode(k, this.answers[k][i]!)])) as QuestionAnswers;
  }

  /** Index into comments, or -1. */
  comment = new Int32Array(1024);
  externalRef: (string | null)[] = [];
  /** The CRM's customer id, hashed when stored (never kept as given); null when the cell is empty. */
  customerKey: (string | null)[] = [];
  comments: string[] = [];
  from = Infinity;
  to = -Infinity;

  grow(): void {
    const size = this.occurredAt.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.occurredAt = grown(this.occurredAt);
    this.teamId = grown(this.teamId);
    this.staffId = grown(this.staffId);
    this.serviceId = grown(this.serviceId);
    this.channel = grown(this.channel);
    this.language = grown(this.language);
    for (const k of QUESTION_KEYS) this.answers[k] = grown(this.answers[k]);
    this.comment = grown(this.comment);
  }
}

export type ValidatorOptions = {
  header: string[];
  refs: References;
  parseTime: TimeParser;
  now: number;
  /** Called with each good row's comment as soon as it is read (the workers start on it). */
  onComment?: (text: string, language: string) => void;
  /** How many errors to keep word for word; the rest are only counted. */
  keepErrors?: number;
};

export class RowValidator {
  readonly rows = new ImportRows();
  readonly errors: RowError[] = [];
  errorCount = 0;
  private readonly index: Partial<Record<Column, number>> = {};
  private readonly width: number;
  private readonly caches = new Map<string, Map<string, z.ZodSafeParseResult<unknown>>>();
  /** Each external reference of the file, with the row it is on. */
  readonly externalRefs = new Map<string, number>();
  /** False when the header is wrong: the rows cannot be read against it. */
  readonly headerOk: boolean;

  constructor(private readonly options: ValidatorOptions) {
    const header = options.header.map((h) => h.trim().toLowerCase());
    this.width = header.length;
    const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
    if (unknown.length > 0)
      this.fail(0, null, `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((h) => `'${h}'`).join(", ")}; the columns are ${COLUMNS.join(", ")}`);
    header.forEach((h, i) => {
      if (!(COLUMNS as readonly string[]).includes(h)) return;
      if (this.index[h as Column] !== undefined) this.fail(0, h as Column, "appears twice in the header");
      this.index[h as Column] = i;
    });
    const missing = REQUIRED.filter((c) => this.index[c] === undefined);
    if (missing.length > 0) this.fail(0, null, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
    this.headerOk = this.errorCount === 0;
  }

  fail(row: number, column: Column | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < (this.options.keepErrors ?? 50)) this.errors.push({ row, column, message });
  }

  /**
   * Refuses the rows whose external reference is already stored. The database is asked once
   * for every reference of the file, after reading it; the errors are then put back in row order.
   */
  refuseStoredRefs(stored: readonly string[]): void {
    if (stored.length === 0) return;
    for (const ref of stored) this.fail(this.externalRefs.get(ref)!, "external_ref", `'${ref}' is already stored (an interaction with this reference exists)`);
    this.errors.sort((a, b) => a.row - b.row);
  }

  /** Checks one data row (row numbers start at 1 after the header) and keeps it if good. */
  add(fields: string[], row: number): void {
    if (fields.length !== this.width) {
      this.fail(row, null, `has ${fields.length} fields; the header has ${this.width}`);
      return;
    }
    const cell = (c: Column) => {
      const i = this.index[c];
      return i === undefined ? "" : fields[i]!;
    };
    const time = this.options.parseTime(cell("occurred_at").trim());
    if (!time.ok) this.fail(row, "occurred_at", time.message);
    else if (time.epochMs > this.options.now) this.fail(row, "occurred_at", "is in the future");
    const channel = this.cached(row, "channel", CELL.channel, cell("channel")) as string | undefined;
    const team = this.reference(row, "team", cell("team"), this.options.refs.teams, true);
    const staff = this.reference(row, "staff", cell("staff"), this.options.refs.staff, false);
    const service = this.reference(row, "service", cell("service"), this.options.refs.services, false);
    const answers = QUESTION_KEYS.map((k) => this.cached(row, k, CELL[k], cell(k)) as QuestionAnswers[QuestionKey] | undefined);
    const language = this.cached(row, "language", CELL.language, cell("language")) as string | undefined;
    // As recordResponse does: control characters dropped, an empty comment is no comment.
    const raw = cell("comment");
    const comment = raw === "" ? "" : raw.replace(CONTROL_CHARACTERS, "").trim();
    if (comment.length > COMMENT_MAX) this.fail(row, "comment", `is longer than ${COMMENT_MAX} characters`);
    const ref = cell("external_ref").trim();
    if (ref !== "") {
      if (ref.length > 200) this.fail(row, "external_ref", "is longer than 200 characters");
      else if (this.externalRefs.has(ref)) this.fail(row, "external_ref", `'${ref}' appears on an earlier row of this file`);
      else this.externalRefs.set(ref, row);
    }
    // The CRM's customer id, as the API's customer.key: names the customer for repeat contact.
    const customerKey = cell("customer_key").trim();
    if (customerKey.length > 200) this.fail(row, "customer_key", "is longer than 200 characters");
    if (answers.every((a) => a === null) && comment === "") {
      this.fail(row, null, `answers no question and has no comment (give ${QUESTION_KEYS.join(", ")} or a comment)`);
    }
    // Once any row is bad nothing will be stored: good rows after it are only checked.
    if (this.errorCount > 0) return;

    const rows = this.rows;
    if (rows.length === rows.occurredAt.length) rows.grow();
    const n = rows.length++;
    const at = (time as { epochMs: number }).epochMs;
    rows.occurredAt[n] = at;
    if (at < rows.from) rows.from = at;
    if (at > rows.to) rows.to = at;
    rows.teamId[n] = team!;
    rows.staffId[n] = staff ?? 0;
    rows.serviceId[n] = service ?? 0;
    rows.channel[n] = CHANNEL_INDEX.get(channel!)!;
    rows.language[n] = LANGUAGE_INDEX.get(language!)!;
    QUESTION_KEYS.forEach((k, q) => {
      rows.answers[k][n] = answerCode(k, answers[q]!);
    });
    rows.externalRef.push(ref === "" ? null : ref);
    rows.customerKey.push(customerKey === "" ? null : customerKey);
    if (comment === "") rows.comment[n] = -1;
    else {
      rows.comment[n] = rows.comments.length;
      rows.comments.push(comment);
      this.options.onComment?.(comment, language!);
    }
  }

  /** A cell checked by its schema, remembered per distinct text; undefined when bad. */
  private cached(row: number, column: Column, schema: z.ZodType, text: string): unknown {
    const key = column === "team" || column === "staff" || column === "service" ? "code" : column;
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new Map()));
    let result = cache.get(text);
    if (!result) {
      result = schema.safeParse(text);
      if (cache.size < 10_000) cache.set(text, result);
    }
    if (result.success) return result.data;
    this.fail(row, column, result.error.issues[0]?.message ?? "is not valid");
    return undefined;
  }

  /** A code resolved to its id: null when empty and optional, undefined when bad. */
  private reference(row: number, column: "team" | "staff" | "service", text: string, refs: Map<string, Ref>, required: boolean): number | null | undefined {
    if (text.trim() === "") {
      if (!required) return null;
      this.fail(row, column, "is required");
      return undefined;
    }
    const code = this.cached(row, column, CELL.code, text) as string | undefined;
    if (code === undefined) return undefined;
    const ref = refs.get(code);
    if (!ref) {
      this.fail(row, column, `unknown ${column} code '${code}'`);
      return undefined;
    }
    if (ref.retiredAt !== null) {
      this.fail(row, column, `${column} '${code}' is retired`);
      return undefined;
    }
    return ref.id;
  }
}

export const channelName = (i: number) => CHANNELS[i]!;
export const languageName = (i: number) => LANGUAGES[i]!;
