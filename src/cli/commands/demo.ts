import { Presets, SingleBar } from "cli-progress";
import { z } from "zod";
import { generateDemo, type DemoOptions } from "../../services/demo/generate";
import { parseCommandArgs } from "../args";
import { withContext } from "../context";
import { line, type CliIo, type Command } from "../io";

const DemoArgs = z.object({
  responses: z.coerce.number().int().min(1).max(20_000_000).default(50_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

export const demo: Command = {
  usage: "demo [--responses N] [--seed S]",
  summary: "Fill an empty database with a year of demonstration data (50,000 responses by default)",
  async run(args, io) {
    const options = parseCommandArgs(args, { responses: { type: "string" }, seed: { type: "string" } }, DemoArgs);
    const started = performance.now();
    const progress = progressReporter(io, options.responses);
    const result = await withContext(io, async (ctx) => {
      try {
        return await generateDemo(ctx, { ...options, onProgress: progress.update });
      } finally {
        progress.stop();
      }
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const out = (text?: string) => line(io.stdout, text);
    out(`Demonstration data for ${result.from} to ${result.to}, made in ${seconds} s (seed ${options.seed}):`);
    out(
      `  ${result.departments} departments, ${result.teams} teams, ${result.staff} staff, ${result.services} services, ${result.themes} themes, ${result.targets} targets`,
    );
    out(
      `  ${result.interactions} interactions, ${result.responses} responses (${((100 * result.responses) / result.interactions).toFixed(1)}% answered), ${result.comments} comments`,
    );
    out(`  ${result.cases} follow-up cases (the low scores and unresolved contacts, worked to their due dates)`);
    out(`  ${result.rollupRows} report rows`);
    out();
    out("Next: create a user for the dashboard and start the server:");
    out("  npm run cli -- user add --email you@example.org --role admin");
    out("  npm start");
  },
};

/** A progress bar on a terminal; a line per tenth otherwise (logs, tests). */
function progressReporter(io: CliIo, total: number): { update: NonNullable<DemoOptions["onProgress"]>; stop(): void } {
  if (io.stderr === process.stderr && process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: "{phase} [{bar}] {percentage}% | {value}/{total} responses | {interactions} interactions | {duration}s",
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { phase: "writing", interactions: 0 });
    return {
      update: (p) => bar.update(p.responses, { phase: p.phase === "rollup" ? "counting" : "writing", interactions: p.interactions }),
      stop: () => bar.stop(),
    };
  }
  let shownTenths = 0;
  return {
    update: (p) => {
      const tenths = Math.floor((10 * p.responses) / total);
      if (tenths > shownTenths || p.phase === "rollup") {
        shownTenths = tenths;
        line(io.stderr, p.phase === "rollup" ? "counting report rows…" : `${p.responses}/${total} responses`);
      }
    },
    stop: () => undefined,
  };
}
