import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { backupDatabase } from "../../services/backup";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, UsageError, type Command } from "../io";

export const backup: Command = {
  usage: "backup <file>",
  summary: "Write a consistent copy of the SQLite database while the server keeps running (PostgreSQL: use pg_dump)",
  async run(args, io) {
    const { file } = parseCommandArgs(args, {}, z.object({ file: z.string().min(1) }), ["file"]);
    const target = resolve(file);
    if (existsSync(target)) throw new UsageError(`${target} exists already; choose a new file.`);
    const r = await withContext(io, (ctx) => backupDatabase(ctx.db, target));
    if (r.integrity !== "ok") throw new Error(`The copy failed its integrity check: ${r.integrity}`);
    line(io.stdout, `Backed up ${r.pages} pages to ${r.file} (integrity ok).`);
    line(io.stdout, "To restore: stop the server, copy the file to DATA_DIR/survey.db (removing any survey.db-wal and survey.db-shm there), start the server.");
  },
};
