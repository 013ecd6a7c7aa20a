import { Presets, SingleBar } from "cli-progress";
import { z } from "zod";
import { importResponses, ImportRejected, type ImportProgress } from "../../services/import/import-responses";
import type { RowError } from "../../services/import/validate";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { dateTime } from "../format";
import { line, type CliIo, type Command } from "../io";

const ImportArgs = z.object({
  file: z.string().min(1, "the CSV file to import"),
  "dry-run": z.boolean().default(false),
});

const SHOWN_ERRORS = 50;
const count = (n: number) => n.toLocaleString("en-GB");

export const importCommand: Command = {
  usage: "import FILE [--dry-run]",
  summary: "Import historic responses from a CSV file, all or nothing (--dry-run only checks it)",
  async run(args, io) {
    const options = parseCommandArgs(args, { "dry-run": { type: "boolean" } }, ImportArgs, ["file"]);
    const started = performance.now();
    const progress = progressReporter(io);
    let result;
    let timeZone;
    try {
      ({ result, timeZone } = await withContext(io, async (ctx) => ({
        result: await importResponses(ctx, options.file, { dryRun: options["dry-run"], onProgress: progress.update }),
        timeZone: ctx.config.TIMEZONE,
      })));
    } catch (err) {
      progress.stop();
      if (err instanceof ImportRejected) printErrors(io, err);
      throw err;
    }
    progress.stop();
    const seconds = (performance.now() - started) / 1000;
    const rate = (rows: number, s: number) => (s > 0 ? count(Math.round(rows / s)) : "-");
    const out = (text?: string) => line(io.stdout, text);
    const span = result.from === null ? "" : ` from ${dateTime(result.from, timeZone)} to ${dateTime(result.to, timeZone)}`;
    if (result.dryRun) {
      out(`Checked ${count(result.rows)} rows${span}: all good (${count(result.comments)} with a comment). Nothing was stored (--dry-run).`);
    } else {
      out(
        `Imported ${count(result.rows)} responses${span}: ${count(result.comments)} comments, ${count(result.themeTags)} theme tags, ${count(result.rollupRows)} report rows updated.`,
      );
      out("Imported history has no survey tokens, so response rates are not available for it.");
    }
    out(
      `${count(result.rows)} rows in ${seconds.toFixed(1)} s: ${rate(result.rows, seconds)} rows/s ` +
        `(reading and checking ${result.checkSeconds.toFixed(1)} s, ${rate(result.rows, result.checkSeconds)} rows/s; ` +
        `storing ${result.storeSeconds.toFixed(1)} s, ${rate(result.rows, result.storeSeconds)} rows/s).`,
    );
  },
};

function describe(e: RowError): string {
  const where = e.row === 0 ? "header" : `row ${count(e.row)}`;
  return e.column === null ? `${where}: ${e.message}` : `${where}, column ${e.column}: ${e.message}`;
}

function printErrors(io: CliIo, err: ImportRejected): void {
  for (const e of err.errors.slice(0, SHOWN_ERRORS)) line(io.stderr, describe(e));
  if (err.errorCount > SHOWN_ERRORS) line(io.stderr, `… and ${count(err.errorCount - SHOWN_ERRORS)} more.`);
  line(io.stderr, "Rows are numbered from the first row after the header.");
}

/** Bars for reading and checking (bytes of the file) and for storing (rows), on stderr; nothing when not a terminal. */
function progressReporter(io: CliIo): { update(p: ImportProgress): void; stop(): void } {
  if (!(io.stderr === process.stderr && process.stderr.isTTY)) return { update: () => undefined, stop: () => undefined };
  let bar: SingleBar | undefined;
  let phase: ImportProgress["phase"] | undefined;
  const labels = { check: "reading and checking", store: "storing" } as const;
  return {
    update(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar(
          { stream: process.stderr, format: `${labels[p.phase].padEnd(20)} [{bar}] {percentage}% | {shown} | {duration}s`, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(p.total, 0, { shown: "" });
      }
      const shown = p.phase === "check" ? `${(p.done / 1e6).toFixed(0)}/${(p.total / 1e6).toFixed(0)} MB` : `${count(p.done)}/${count(p.total)} rows`;
      bar!.update(p.done, { shown });
    },
    stop: () => bar?.stop(),
  };
}
