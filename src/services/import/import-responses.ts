import { availableParallelism } from "node:os";
import { statSync } from "node:fs";
import type { Ctx } from "../../deps";
import { reportCalendar } from "../../config";
import type { ReportCalendar } from "../../domain/periods";
import { interactions, responses, responseThemes } from "../../db/schema";
import { setPageCache } from "../../db/sqlite-maintenance";
import { QUESTION_KEYS } from "../../domain/measure-registry";
import { tallyOfResponse } from "../../domain/measures";
import { ConflictError, UnprocessableError } from "../../errors";
import { inThreadComments, workerComments, type CommentProcessor } from "./comment-pool";
import type { StoredComment } from "./comments";
import { CsvSyntaxError, readCsvFile } from "./csv";
import { occurredAtParser } from "./occurred-at";
import { isUniqueViolation } from "../reference/common";
import { RollupSums } from "../rollup-sums";
import { bulkInsert } from "./bulk-insert";
import { lockTableForWrite } from "../../db/locks";
import { ContactSums, customerHashOf, relinkCustomers } from "../repeat-contact";
import { repeatWindowMs } from "../../domain/repeat-contact";
import { channelName, languageName, loadReferences, RowValidator, storedExternalRefs, type ImportRows, type RowError } from "./validate";

/*
 * `cli import FILE`: historic responses from a CSV file, all or nothing. Every row is checked
 * first; if any is bad nothing is stored and the errors name row and column. Otherwise each row
 * becomes an interaction (source "import") and its response (confirmed via "import"), stored as
 * recordResponse stores one (masked comment, sentiment, theme tags), and report_rollup is
 * brought up to date, all in one write.
 *
 * Historic rows get no survey token: nobody can answer them again, and no token was issued
 * through this platform, so response rates cannot be worked out for imported history.
 *
 * A `customer_key` column (the CRM's customer id, kept only as its keyed hash) lets history take
 * part in repeat contact: once every row is stored, the chains of each customer named in the
 * file are worked out again with the contacts already stored, in whatever order they came.
 *
 * Speed (100,000 rows a second is the aim): multi-row statements prepared once, codes resolved
 * from maps read once, comments handled by worker threads while the file is read, and the
 * report counters summed in memory and written once (rollup-sums.ts).
 */

export type ImportProgress = { phase: "check" | "store"; done: number; total: number };

export type ImportOptions = {
  dryRun?: boolean;
  /** Comment worker threads; 0 handles comments in the main thread. Default: one per spare core. */
  workers?: number;
  /** Files above this size use the workers (default 4 MB: below it a worker's start-up costs more than it saves). */
  workerThresholdBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
};

export type ImportResult = {
  rows: number;
  comments: number;
  themeTags: number;
  rollupRows: number;
  /** Epoch ms of the earliest and latest contact, null when dry-run found no rows. */
  from: number | null;
  to: number | null;
  checkSeconds: number;
  storeSeconds: number;
  /** Of storeSeconds, the time spent writing the report counters. */
  countersSeconds: number;
  dryRun: boolean;
};

/** The file was refused: nothing was stored. errors holds the first few, errorCount all. */
export class ImportRejected extends UnprocessableError {
  constructor(
    readonly errors: RowError[],
    readonly errorCount: number,
  ) {
    super(`${errorCount.toLocaleString("en-GB")} error${errorCount === 1 ? "" : "s"} in the file; nothing was imported.`);
  }
}

const WORKER_THRESHOLD_BYTES = 4 << 20;

export async function importResponses(ctx: Ctx, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { db, config, clock } = ctx;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new UnprocessableError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  const started = performance.now();
  const workers = options.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const comments: CommentProcessor | null = options.dryRun
    ? null
    : workers > 0 && size > (options.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES)
      ? await workerComments(db, workers)
      : await inThreadComments(db);
  try {
    const validator = await checkFile(ctx, file, size, comments, options);
    const rows = validator.rows;
    if (validator.errorCount > 0) throw new ImportRejected(validator.errors, validator.errorCount);
    const checked = performance.now();
    const base = {
      rows: rows.length,
      comments: rows.comments.length,
      from: rows.length ? rows.from : null,
      to: rows.length ? rows.to : null,
      dryRun: !!options.dryRun,
    };
    if (!comments) return { ...base, themeTags: 0, rollupRows: 0, checkSeconds: (checked - started) / 1000, storeSeconds: 0, countersSeconds: 0 };
    const stored = await comments.finish();
    // Waiting for the workers' last batches belongs to checking: storing starts after it.
    const ready = performance.now();
    const written = await storeRows(ctx, rows, stored, reportCalendar(config), clock.now(), options.onProgress);
    return { ...base, ...written, checkSeconds: (ready - started) / 1000, storeSeconds: (performance.now() - ready) / 1000 };
  } finally {
    await comments?.close();
  }
}

async function checkFile(ctx: Ctx, file: string, size: number, comments: CommentProcessor | null, options: ImportOptions): Promise<RowValidator> {
  const parseTime = occurredAtParser(ctx.config.TIMEZONE);
  const refs = await loadReferences(ctx.db.read);
  const now = ctx.clock.now();
  let validator: RowValidator | undefined;
  let records = 0;
  try {
    records = readCsvFile(
      file,
      (fields, record) => {
        if (record === 0) {
          validator = new RowValidator({ header: fields, refs, parseTime, now, onComment: comments ? (t, l) => comments.add(t, l) : undefined });
        } else if (validator!.headerOk) {
          validator!.add(fields, record);
        }
      },
      (bytes) => options.onProgress?.({ phase: "check", done: bytes, total: size }),
    );
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    validator ??= new RowValidator({ header: [], refs, parseTime, now });
    validator.fail(err.record, null, err.message);
  }
  if (!validator) throw new ImportRejected([{ row: 0, column: null, message: "the file is empty: expected a header row naming the columns" }], 1);
  if (records === 1 && validator.headerOk) validator.fail(0, null, "the file has a header row but no rows");
  validator.refuseStoredRefs(await storedExternalRefs(ctx.db.read, [...validator.externalRefs.keys()]));
  return validator;
}

const insertInteractions = bulkInsert(
  "import_interactions",
  interactions,
  ["channel", "teamId", "staffId", "serviceId", "occurredAt", "externalRef", "language", "source", "customerHash", "createdAt"],
  interactions.id,
);
const insertResponses = bulkInsert(
  "import_responses",
  responses,
  [
    "interactionId",
    "teamId",
    "staffId",
    "serviceId",
    "channel",
    "occurredAt",
    ...QUESTION_KEYS,
    "comment",
    "commented",
    "commentSentiment",
    "language",
    "confirmedVia",
    "createdAt",
    "updatedAt",
  ],
  responses.id,
);
const insertThemes = bulkInsert("import_response_themes", responseThemes, ["responseId", "themeId", "matched"]);

/** Rows stored per round of statements (interactions, then their responses, then their themes). */
const CHUNK = 2000;

/**
 * Writes every row in one write: the import is all or nothing, so a failure half way (another
 * process storing one of the file's external references meanwhile) leaves nothing behind. The
 * rows go in chunks of multi-row statements. A response's created_at is the contact's time,
 * not the import's: retention deletes comments by created_at, and a comment from three years
 * ago must not gain three more years by being imported.
 */
async function storeRows(
  ctx: Ctx,
  rows: ImportRows,
  comments: StoredComment[],
  calendar: ReportCalendar,
  now: number,
  onProgress: ImportOptions["onProgress"],
): Promise<{ themeTags: number; rollupRows: number; countersSeconds: number }> {
  const sums = new RollupSums(calendar);
  const noThemes: number[] = [];
  // Customers named in the file, and their contacts stored here (not yet in any counter).
  const customers = new Set<string>();
  const fresh = new Set<number>();
  const pepper = ctx.config.TOKEN_PEPPER;
  try {
    return await ctx.db.write(async (tx) => {
      // One transaction writes every page it touches: on SQLite a page cache that holds them
      // all (allocated only as used, restored afterwards) keeps it from spilling and re-reading them.
      const cacheSize = setPageCache(tx, -1048576);
      try {
        let themeTags = 0;
        for (let first = 0; first < rows.length; first += CHUNK) {
          const end = Math.min(rows.length, first + CHUNK);
          const interactionValues: unknown[] = [];
          const hashes: (string | null)[] = [];
          for (let i = first; i < end; i++) {
            const key = rows.customerKey[i];
            const customerHash = key ? customerHashOf({ key }, pepper) : null;
            hashes.push(customerHash);
            interactionValues.push(
              channelName(rows.channel[i]!),
              rows.teamId[i],
              rows.staffId[i] || null,
              rows.serviceId[i] || null,
              rows.occurredAt[i],
              rows.externalRef[i],
              languageName(rows.language[i]!),
              "import",
              customerHash,
              now,
            );
          }
          const interactionIds = await insertInteractions(tx, interactionValues);
          for (let i = first; i < end; i++) {
            const customerHash = hashes[i - first];
            if (!customerHash || !rows.serviceId[i]) continue;
            customers.add(customerHash);
            fresh.add(interactionIds[i - first]!);
          }
          const responseValues: unknown[] = [];
          for (let i = first; i < end; i++) {
            const c = rows.comment[i]!;
            const comment = c < 0 ? null : comments[c]!;
            const at = rows.occurredAt[i];
            const answers = rows.answersOf(i);
            responseValues.push(
              interactionIds[i - first],
              rows.teamId[i],
              rows.staffId[i] || null,
              rows.serviceId[i] || null,
              channelName(rows.channel[i]!),
              at,
              ...QUESTION_KEYS.map((k) => answers[k]),
              comment?.text ?? null,
              comment ? 1 : 0,
              comment?.sentiment ?? null,
              languageName(rows.language[i]!),
              "import",
              at,
              now,
            );
          }
          const responseIds = await insertResponses(tx, responseValues);
          const themeValues: unknown[] = [];
          for (let i = first; i < end; i++) {
            const c = rows.comment[i]!;
            const comment = c < 0 ? null : comments[c]!;
            const themeIds = comment?.themeIds ?? noThemes;
            for (let t = 0; t < themeIds.length; t++) themeValues.push(responseIds[i - first], themeIds[t], comment!.matched[t]);
            themeTags += themeIds.length;
            const answers = {
              ...rows.answersOf(i),
              commentSentiment: comment?.sentiment ?? null,
              commented: comment !== null,
            };
            sums.add(
              rows.occurredAt[i]!,
              rows.teamId[i]!,
              rows.staffId[i]!,
              rows.serviceId[i]!,
              channelName(rows.channel[i]!),
              themeIds,
              tallyOfResponse(answers),
            );
          }
          await insertThemes(tx, themeValues);
          onProgress?.({ phase: "store", done: end, total: rows.length });
        }
        const countersStarted = performance.now();
        if (customers.size > 0) {
          // On PostgreSQL, registrations of the same customers on other servers must neither be
          // missed (uncommitted, unseen here) nor change links between this read and its updates;
          // locking them per customer would take a lock per row, so they wait for the import's commit.
          await lockTableForWrite(tx, interactions);
          const contacts = new ContactSums(sums, calendar.timeZone);
          await relinkCustomers(tx, customers, repeatWindowMs(ctx.config.REPEAT_CONTACT_DAYS), (id) => !fresh.has(id), contacts);
          await contacts.writeDays(tx);
        }
        const rollupRows = await sums.write(tx);
        const countersSeconds = (performance.now() - countersStarted) / 1000;
        return { themeTags, rollupRows, countersSeconds };
      } finally {
        setPageCache(tx, cacheSize);
      }
    });
  } catch (err) {
    // Checked before, but another process may have stored the same reference meanwhile.
    if (isUniqueViolation(err) && mentions(err, "external_ref")) {
      throw new ConflictError("An external_ref in the file was stored by someone else during the import; nothing was imported. Run the import again.");
    }
    throw err;
  }
}

/** Whether an error, or one it was caused by, names `what` (a column or an index). */
function mentions(err: unknown, what: string): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes(what) || String((e as Error & { constraint?: unknown }).constraint ?? "").includes(what)) return true;
  }
  return false;
}
