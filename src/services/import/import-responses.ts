import { availableParallelism } from "node:os";
import { statSync } from "node:fs";
import type { Ctx } from "../../deps";
import { tallyOfResponse } from "../../domain/measures";
import { ConflictError, UnprocessableError } from "../../errors";
import { inThreadComments, workerComments, type CommentProcessor } from "./comment-pool";
import type { StoredComment } from "./comments";
import { CsvSyntaxError, readCsvFile } from "./csv";
import { occurredAtParser } from "./occurred-at";
import { RollupSums } from "../rollup-sums";
import { channelName, fcrName, languageName, loadReferences, RowValidator, type ImportRows, type RowError } from "./validate";

/*
 * `cli import FILE`: historic responses from a CSV file, all or nothing. Every row is checked
 * first; if any is bad nothing is stored and the errors name row and column. Otherwise each row
 * becomes an interaction (source "import") and its response (confirmed via "import"), stored as
 * recordResponse stores one (masked comment, sentiment, theme tags), and report_rollup is
 * brought up to date, all in one transaction.
 *
 * Historic rows get no survey token: nobody can answer them again, and no token was issued
 * through this platform, so response rates cannot be worked out for imported history.
 *
 * Speed (100,000 rows a second is the aim): raw prepared statements, codes resolved from maps
 * read once, comments handled by worker threads while the file is read, and the report
 * counters summed in memory and written once (rollup.ts).
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
  const comments: CommentProcessor | null = options.dryRun ? null : workers > 0 && size > (options.workerThresholdBytes ?? WORKER_THRESHOLD_BYTES) ? workerComments(db, workers) : inThreadComments(db);
  try {
    const validator = checkFile(ctx, file, size, comments, options);
    const rows = validator.rows;
    if (validator.errorCount > 0) throw new ImportRejected(validator.errors, validator.errorCount);
    const checked = performance.now();
    const base = { rows: rows.length, comments: rows.comments.length, from: rows.length ? rows.from : null, to: rows.length ? rows.to : null, dryRun: !!options.dryRun };
    if (!comments) return { ...base, themeTags: 0, rollupRows: 0, checkSeconds: (checked - started) / 1000, storeSeconds: 0, countersSeconds: 0 };
    const stored = await comments.finish();
    // Waiting for the workers' last batches belongs to checking: storing starts after it.
    const ready = performance.now();
    const written = storeRows(ctx, rows, stored, config.TIMEZONE, clock.now(), options.onProgress);
    return { ...base, ...written, checkSeconds: (ready - started) / 1000, storeSeconds: (performance.now() - ready) / 1000 };
  } finally {
    await comments?.close();
  }
}

function checkFile(ctx: Ctx, file: string, size: number, comments: CommentProcessor | null, options: ImportOptions): RowValidator {
  const refExists = ctx.db.$client.prepare("select 1 from interactions where external_ref = ?").pluck();
  const parseTime = occurredAtParser(ctx.config.TIMEZONE);
  const refs = loadReferences(ctx.db);
  const now = ctx.clock.now();
  let validator: RowValidator | undefined;
  let records = 0;
  try {
    records = readCsvFile(
      file,
      (fields, record) => {
        if (record === 0) {
          validator = new RowValidator({ header: fields, refs, parseTime, now, refExists: (ref) => refExists.get(ref) !== undefined, onComment: comments ? (t, l) => comments.add(t, l) : undefined });
        } else if (validator!.headerOk) {
          validator!.add(fields, record);
        }
      },
      (bytes) => options.onProgress?.({ phase: "check", done: bytes, total: size }),
    );
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    validator ??= new RowValidator({ header: [], refs, parseTime, now, refExists: () => false });
    validator.fail(err.record, null, err.message);
  }
  if (!validator) throw new ImportRejected([{ row: 0, column: null, message: "the file is empty: expected a header row naming the columns" }], 1);
  if (records === 1 && validator.headerOk) validator.fail(0, null, "the file has a header row but no rows");
  return validator;
}

const SQL = {
  interaction: `insert into interactions (channel, team_id, staff_id, service_id, occurred_at, external_ref, language, source, created_at)
    values (?, ?, ?, ?, ?, ?, ?, 'import', ?)`,
  response: `insert into responses (interaction_id, team_id, staff_id, service_id, channel, occurred_at, csat, ces, csi, fcr, comment, commented,
    comment_sentiment, language, confirmed_via, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`,
  theme: `insert into response_themes (response_id, theme_id, matched) values (?, ?, ?)`,
};

/**
 * Writes every row in one transaction. A response's created_at is the contact's time, not the
 * import's: retention deletes comments by created_at, and a comment from three years ago must
 * not gain three more years by being imported.
 */
function storeRows(
  ctx: Ctx,
  rows: ImportRows,
  comments: StoredComment[],
  timeZone: string,
  now: number,
  onProgress: ImportOptions["onProgress"],
): { themeTags: number; rollupRows: number; countersSeconds: number } {
  const sqlite = ctx.db.$client;
  const insertInteraction = sqlite.prepare(SQL.interaction);
  const insertResponse = sqlite.prepare(SQL.response);
  const insertTheme = sqlite.prepare(SQL.theme);
  const sums = new RollupSums(timeZone);
  const noThemes: number[] = [];
  const run = sqlite.transaction(() => {
    let themeTags = 0;
    for (let i = 0; i < rows.length; i++) {
      const at = rows.occurredAt[i]!;
      const teamId = rows.teamId[i]!;
      const staffId = rows.staffId[i]! || null;
      const serviceId = rows.serviceId[i]! || null;
      const channel = channelName(rows.channel[i]!);
      const language = languageName(rows.language[i]!);
      const c = rows.comment[i]!;
      const comment = c < 0 ? null : comments[c]!;
      const answers = {
        csat: rows.csat[i]! || null,
        ces: rows.ces[i]! || null,
        csi: rows.csi[i]! || null,
        fcr: fcrName(rows.fcr[i]!),
        commentSentiment: comment?.sentiment ?? null,
        commented: comment !== null,
      };
      const interactionId = insertInteraction.run(channel, teamId, staffId, serviceId, at, rows.externalRef[i], language, now).lastInsertRowid;
      const responseId = insertResponse.run(
        interactionId, teamId, staffId, serviceId, channel, at,
        answers.csat, answers.ces, answers.csi, answers.fcr, comment?.text ?? null, comment ? 1 : 0, answers.commentSentiment, language, at, now,
      ).lastInsertRowid;
      const themeIds = comment?.themeIds ?? noThemes;
      for (let t = 0; t < themeIds.length; t++) insertTheme.run(responseId, themeIds[t], comment!.matched[t]);
      themeTags += themeIds.length;
      sums.add(at, teamId, staffId ?? 0, serviceId ?? 0, channel, themeIds, tallyOfResponse(answers));
      if ((i & 0x3fff) === 0x3fff) onProgress?.({ phase: "store", done: i + 1, total: rows.length });
    }
    const countersStarted = performance.now();
    const rollupRows = sums.write(sqlite);
    const countersSeconds = (performance.now() - countersStarted) / 1000;
    onProgress?.({ phase: "store", done: rows.length, total: rows.length });
    return { themeTags, rollupRows, countersSeconds };
  });
  // One transaction writes every page it touches: a page cache that holds them all (allocated
  // only as used, restored afterwards) keeps SQLite from spilling and re-reading them.
  const cacheSize = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma("cache_size = -1048576");
  try {
    return run.immediate();
  } catch (err) {
    // Checked before, but another process may have registered the same reference meanwhile.
    if (err instanceof Error && "code" in err && err.code === "SQLITE_CONSTRAINT_UNIQUE" && err.message.includes("external_ref")) {
      throw new ConflictError("An external_ref in the file was stored by someone else during the import; nothing was imported. Run the import again.");
    }
    throw err;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}
