import { z } from "zod";
import { rebuildRollup } from "../../services/rebuild-rollup";
import { parseCommandArgs } from "../args";
import { reportCalendar } from "../../config";
import { withContext } from "../context";
import { line, type Command } from "../io";

export const rollupRebuild: Command = {
  usage: "rollup rebuild",
  summary: "Recount the report counters from the stored interactions and responses",
  async run(args, io) {
    parseCommandArgs(args, {}, z.object({}));
    const started = performance.now();
    const stats = await withContext(io, (ctx) => rebuildRollup(ctx.db, reportCalendar(ctx.config)));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    line(io.stdout, `Recounted ${stats.interactions} interactions and ${stats.responses} responses into ${stats.rows} report rows in ${seconds} s.`);
  },
};
