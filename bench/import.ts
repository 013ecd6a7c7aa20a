/**
 * `npx tsx bench/import.ts [ROWS]`: the CSV import's speed (issue 6: 100,000 rows a second).
 * Writes a CSV of ROWS rows (default 1,000,000; 30% with a comment, almost all comments
 * distinct, a few with personal data to mask) into /tmp, imports it into a fresh DATA_DIR and
 * prints rows/s for reading and checking, for storing, and overall; then times a full
 * rebuildRollup over the same data, to compare with the import's own counter upkeep.
 * `npm run bench -- --only import [--rows N]` runs benchImport (f), without the rebuild.
 */
import { mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openCliContext } from "../src/cli/context";
import { departments, services, staff, teams } from "../src/db/schema";
import { mulberry32 } from "../src/services/demo/random";
import { importResponses } from "../src/services/import/import-responses";
import { rebuildRollup } from "../src/services/rebuild-rollup";
import { reportCalendar } from "../src/config";
import { seedDefaultThemes } from "../src/services/reference/seed-themes";

const TEAMS = 20;
const STAFF = 200;
const SERVICES = 30;

const PIECES = [
  "I was kept on hold for ages",
  "the waiting time is terrible",
  "the adviser was so helpful and friendly",
  "sorted it straight away",
  "your website crashed twice",
  "the online form lost my answers",
  "rude and dismissive",
  "I want to make a formal complaint",
  "nobody called me back",
  "clear information about my council tax",
  "different answers from different people",
  "the letter was confusing",
  "quick and easy",
  "still waiting for the bin to be collected",
];
const EXTRAS = ["", "", "", " call me on 07700 900{n}", " my postcode is SW1A 1AA", " email me at jo{n}@example.com", " case {n}"];
const CHANNELS = ["phone", "phone", "phone", "email", "email", "face_to_face", "web_chat", "letter"];
const FCR = ["yes", "partly", "no", ""];

function writeCsv(file: string, rows: number): void {
  const random = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const fd = openSync(file, "w");
  let out = "occurred_at,channel,team,staff,service,csat,ces,csi,fcr,comment,language,external_ref\n";
  const start = Date.parse("2023-01-01T00:00:00Z");
  const score = (max: number) => (random() < 0.1 ? "" : String(1 + Math.floor(random() * max)));
  for (let i = 0; i < rows; i++) {
    const at = start + Math.floor(random() * 3 * 365) * 86_400_000 + (8 + Math.floor(random() * 10)) * 3_600_000 + Math.floor(random() * 60) * 60_000;
    const iso = new Date(at).toISOString();
    // Half with an offset, half as wall-clock time in the organisation's zone.
    const when = i % 2 === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    const team = Math.floor(random() * TEAMS);
    const staff = random() < 0.3 ? "" : `S${team * 10 + Math.floor(random() * 10)}`;
    // A team handles a few services, mostly by phone and email: as in a real contact centre, so
    // the report counters group like real data (about two report rows per response).
    const service = random() < 0.2 ? "" : `SV${(team * 3 + Math.floor(random() * 3)) % SERVICES}`;
    let comment = "";
    if (random() < 0.3) {
      const text = `${pick(PIECES)}, ${pick(PIECES)} (${i % 997} days)${pick(EXTRAS).replace("{n}", String(i % 1000).padStart(3, "0"))}`;
      comment = random() < 0.2 ? `"${text.replace(/"/g, '""')}, ""really""\nthanks"` : `"${text}"`;
    }
    const language = random() < 0.05 ? "cy" : "en";
    out += `${when},${pick(CHANNELS)},T${team},${staff},${service},${1 + Math.floor(random() * 5)},${score(7)},${score(5)},${pick(FCR)},${comment},${language},CRM-${String(i).padStart(8, "0")}\n`;
    if (out.length > 1 << 20) {
      writeSync(fd, out);
      out = "";
    }
  }
  writeSync(fd, out);
  closeSync(fd);
}

export type ImportBench = {
  rows: number;
  csvMb: number;
  writeSeconds: number;
  comments: number;
  themeTags: number;
  rollupRows: number;
  checkSeconds: number;
  storeSeconds: number;
  countersSeconds: number;
  totalSeconds: number;
  rebuildSeconds?: number;
};

/** Writes the CSV, imports it into a fresh DATA_DIR (removed afterwards) and times each part. */
/** options.env: DATABASE_URL and the shared secrets to import into PostgreSQL instead of a new SQLite file. */
export async function benchImport(rows: number, options: { rebuild: boolean; keepCsv?: boolean; env?: Record<string, string> }): Promise<ImportBench> {
  const dataDir = mkdtempSync(join(tmpdir(), "ros-import-bench-"));
  const file = join(tmpdir(), `import-bench-${rows}.csv`);
  try {
    let t = performance.now();
    writeCsv(file, rows);
    const writeSeconds = (performance.now() - t) / 1000;
    const csvMb = statSync(file).size / 1e6;

    const ctx = await openCliContext({ env: { ...options.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" }, stdout: process.stdout, stderr: process.stderr });
    const now = Date.now();
    await ctx.db.write(async (tx) => {
      const [department] = await tx.insert(departments).values({ code: "D", name: "Department", createdAt: now }).returning({ id: departments.id });
      const made = await tx
        .insert(teams)
        .values(Array.from({ length: TEAMS }, (_, i) => ({ code: `T${i}`, name: `Team ${i}`, departmentId: department!.id, createdAt: now })))
        .returning({ id: teams.id });
      await tx
        .insert(staff)
        .values(Array.from({ length: STAFF }, (_, i) => ({ code: `S${i}`, name: `Staff ${i}`, teamId: made[Math.floor(i / 10)]!.id, createdAt: now })));
      await tx.insert(services).values(Array.from({ length: SERVICES }, (_, i) => ({ code: `SV${i}`, name: `Service ${i}`, createdAt: now })));
    });
    await seedDefaultThemes(ctx);

    t = performance.now();
    const result = await importResponses(ctx, file);
    const totalSeconds = (performance.now() - t) / 1000;
    let rebuildSeconds: number | undefined;
    if (options.rebuild) {
      t = performance.now();
      await rebuildRollup(ctx.db, reportCalendar(ctx.config));
      rebuildSeconds = (performance.now() - t) / 1000;
    }
    await ctx.close();
    return {
      rows: result.rows,
      csvMb,
      writeSeconds,
      comments: result.comments,
      themeTags: result.themeTags,
      rollupRows: result.rollupRows,
      checkSeconds: result.checkSeconds,
      storeSeconds: result.storeSeconds,
      countersSeconds: result.countersSeconds,
      totalSeconds,
      rebuildSeconds,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (!options.keepCsv) rmSync(file, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ROWS = Number(process.argv[2] ?? 1_000_000);
  const file = join(tmpdir(), `import-bench-${ROWS}.csv`);
  // SKIP_REBUILD=1 leaves out the comparison (it takes about as long as the import).
  const r = await benchImport(ROWS, { rebuild: !process.env.SKIP_REBUILD, keepCsv: Boolean(process.env.KEEP_CSV) });
  const rate = (s: number) => Math.round(ROWS / s).toLocaleString("en-GB");
  console.log(`wrote ${ROWS.toLocaleString("en-GB")} rows, ${r.csvMb.toFixed(0)} MB, to ${file} in ${r.writeSeconds.toFixed(1)} s`);
  console.log(
    `imported ${r.rows.toLocaleString("en-GB")} rows (${r.comments.toLocaleString("en-GB")} comments, ${r.themeTags.toLocaleString("en-GB")} theme tags, ${r.rollupRows} report rows)`,
  );
  console.log(`  read + check : ${r.checkSeconds.toFixed(2)} s  ${rate(r.checkSeconds)} rows/s`);
  console.log(`  store        : ${r.storeSeconds.toFixed(2)} s  ${rate(r.storeSeconds)} rows/s`);
  console.log(`    counters   : ${r.countersSeconds.toFixed(2)} s  ${rate(r.countersSeconds)} rows/s (${r.rollupRows.toLocaleString("en-GB")} report rows)`);
  console.log(`  overall      : ${r.totalSeconds.toFixed(2)} s  ${rate(r.totalSeconds)} rows/s`);
  if (r.rebuildSeconds !== undefined)
    console.log(`for comparison, rebuildRollup over the same ${r.rows.toLocaleString("en-GB")} responses: ${r.rebuildSeconds.toFixed(2)} s`);
}
