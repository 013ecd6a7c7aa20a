import { z } from "zod";
import { describeUrl } from "../../db/client";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, type Command } from "../io";

export const migrate: Command = {
  usage: "migrate",
  summary: "Apply pending database migrations (every command does this first)",
  async run(args, io) {
    parseCommandArgs(args, {}, z.object({}));
    await withContext(io, ({ config }) =>
      line(io.stdout, `Database up to date: ${config.DATABASE_URL ? describeUrl(config.DATABASE_URL) : `${config.DATA_DIR}/survey.db`}`),
    );
  },
};
