import { z } from "zod";
import { ConflictError } from "../../errors";
import { Month } from "../../schemas/quality";
import { checkQualitySample, drawQualitySample } from "../../services/quality/draw-sample";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, type Command } from "../io";

const MonthArgs = z.object({ month: Month });

export const qaDraw: Command = {
  usage: "qa draw --month YYYY-MM",
  summary: "Draw a past month's quality sample now (the server draws last month's on the first working day); once per month",
  async run(args, io) {
    const { month } = parseCommandArgs(args, { month: { type: "string" } }, MonthArgs);
    const s = await withContext(io, (ctx) => drawQualitySample(ctx, month));
    line(
      io.stdout,
      `Drew the quality sample for ${s.month}: ${s.contacts} contacts of ${s.staff} staff members and ${s.cases} closed cases of ${s.departments} departments (seed ${s.seed}).`,
    );
  },
};

export const qaCheck: Command = {
  usage: "qa check --month YYYY-MM",
  summary: "Draw a month's quality sample again from its stored seed and say whether it is the one stored",
  async run(args, io) {
    const { month } = parseCommandArgs(args, { month: { type: "string" } }, MonthArgs);
    const r = await withContext(io, (ctx) => checkQualitySample(ctx, month));
    // A difference exits 1, for a script that checks every month.
    if (!r.same) {
      throw new ConflictError(
        `The sample for ${r.month} differs from a redraw with its seed ${r.seed}: ${r.missing} of its ${r.stored} items would not be drawn now and ${r.extra} others would (the month's contacts or cases have changed since).`,
      );
    }
    line(io.stdout, `The sample for ${r.month} is what its seed ${r.seed} draws: ${r.stored} items.`);
  },
};
