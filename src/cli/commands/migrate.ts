import { z } from "zod";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, type Command } from "../io";

export const migrate: Command = {
  usage: "migrate",
  summary: "Apply pending database migrations (every command does this first)",
  async run(args, io) {
    parseCommandArgs(args, {}, z.object({}));
    await withContext(io, (ctx) => line(io.stdout, `Database up to date: ${ctx.config.DATA_DIR}/survey.db`));
  },
};
