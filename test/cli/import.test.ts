import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc, count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, test } from "vitest";
import { openCliContext } from "../../src/cli/context";
import type { Ctx } from "../../src/deps";
import { summaryReport } from "../../src/db/queries/summary";
import { interactions, reportRollup, responses, responseThemes, surveyTokens, teams, themes } from "../../src/db/schema";
import { TALLY_FIELDS } from "../../src/domain/measures";
import { maskPersonalData } from "../../src/domain/pii";
import { commentSentiment } from "../../src/domain/sentiment";
import { importResponses } from "../../src/services/import/import-responses";
import { occurredAtParser } from "../../src/services/import/occurred-at";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { seedDefaultThemes } from "../../src/services/reference/seed-themes";
import { registerInteraction } from "../../src/services/register-interaction";
import { themeMatcher } from "../../src/services/theme-matcher";
import { seedOrganisation } from "../helpers";
import { cliSandbox, type CliSandbox } from "./run-cli";
import { reportCalendar } from "../../src/config";

const ENV = { TIMEZONE: "Europe/London" };
let sandbox: CliSandbox;

afterEach(() => sandbox?.cleanup());

/** A sandbox whose database holds the test organisation and the default themes. */
async function setup() {
  sandbox = await cliSandbox(ENV);
  await withDb(async (ctx) => {
    await seedOrganisation({ ctx });
    await seedDefaultThemes(ctx);
  });
  return sandbox;
}

/** The CLI's context over the sandbox's database, for the test's own reads and writes. */
async function withDb<T>(fn: (ctx: Ctx) => T | Promise<T>): Promise<T> {
  const ctx = await openCliContext({ env: sandbox.env, stdout: { write: () => true }, stderr: { write: () => true }, clock: sandbox.clock });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function csvFile(name: string, text: string | Buffer): string {
  const file = join(sandbox.dataDir, name);
  writeFileSync(file, text);
  return file;
}

const rowsIn = async (ctx: Ctx, table: SQLiteTable) => (await ctx.db.read.select({ n: count() }).from(table))[0]!.n;
const counts = () =>
  withDb(async (ctx) => ({
    interactions: await rowsIn(ctx, interactions),
    responses: await rowsIn(ctx, responses),
    themes: await rowsIn(ctx, responseThemes),
    rollup: await rowsIn(ctx, reportRollup),
  }));

async function rollupSnapshot(ctx: Ctx) {
  const r = reportRollup;
  const rows = await ctx.db.read.select().from(r).orderBy(r.period, r.periodStart, r.themeId, r.teamId, r.staffId, r.serviceId, r.channel);
  return rows.filter((row) => TALLY_FIELDS.some((f) => Math.abs(Number(row[f])) > 1e-9));
}

// Columns in an unusual order on purpose: the header names them.
const GOOD = [
  "external_ref,occurred_at,channel,team,staff,service,csat,ces,csi,fcr,comment,language",
  'CRM-1,2025-01-06T10:00:00Z,phone,CONTACT,alice,council-tax,5,7,5,yes,"Kept on hold for ages, call me on 07700 900123",en',
  "CRM-2,2025-01-07 09:30,email,CONTACT,,council-tax,4,5,,partly,,en",
  "CRM-3,2025-01-08T14:15:00+00:00,phone,CONTACT,alice,,2,2,1,no,Rude and dismissive,en",
  ',2025-01-09 16:45,letter,CONTACT,,,,,,,"Very helpful, thank you",',
  "CRM-5,2025-07-01 09:30,phone,WASTE,bob,bins,3,4,3,yes,,cy",
].join("\r\n");

describe("cli import", () => {
  test("a good file is stored exactly: rows, masked comments, themes, report figures and counters", async () => {
    await setup();
    const file = csvFile("good.csv", GOOD);
    const result = await sandbox.run("import", file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Imported 5 responses");
    expect(result.stdout).toContain("response rates are not available");
    expect(result.stdout).toMatch(/5 rows in [\d.]+ s: [\d,-]+ rows\/s/);
    expect(await counts()).toMatchObject({ interactions: 5, responses: 5 });

    await withDb(async (ctx) => {
      const db = ctx.db.read;
      expect(await rowsIn(ctx, surveyTokens)).toBe(0);
      expect(await db.selectDistinct({ source: interactions.source }).from(interactions)).toEqual([{ source: "import" }]);
      expect(await db.selectDistinct({ via: responses.confirmedVia }).from(responses)).toEqual([{ via: "import" }]);
      const rows = await db
        .select({
          ref: interactions.externalRef,
          at: interactions.occurredAt,
          language: interactions.language,
          csat: responses.csat,
          ces: responses.ces,
          csi: responses.csi,
          fcr: responses.fcr,
          comment: responses.comment,
          commented: responses.commented,
          sentiment: responses.commentSentiment,
          staff: responses.staffId,
          service: responses.serviceId,
          id: responses.id,
        })
        .from(interactions)
        .innerJoin(responses, eq(responses.interactionId, interactions.id))
        .orderBy(asc(interactions.occurredAt));
      expect(rows.map((r) => r.ref)).toEqual(["CRM-1", "CRM-2", "CRM-3", null, "CRM-5"]);
      // Wall-clock times are in the organisation's zone: GMT in January, BST in July.
      expect(rows.map((r) => new Date(r.at).toISOString())).toEqual([
        "2025-01-06T10:00:00.000Z",
        "2025-01-07T09:30:00.000Z",
        "2025-01-08T14:15:00.000Z",
        "2025-01-09T16:45:00.000Z",
        "2025-07-01T08:30:00.000Z",
      ]);
      expect(rows[0]).toMatchObject({ csat: 5, ces: 7, csi: 5, fcr: "yes", comment: "Kept on hold for ages, call me on [phone]" });
      expect(rows[1]).toMatchObject({ csat: 4, ces: 5, csi: null, fcr: "partly", comment: null, sentiment: null, staff: null });
      expect(rows[3]).toMatchObject({ csat: null, language: "en", comment: "Very helpful, thank you", service: null });
      expect(rows[4]!.language).toBe("cy");
      // Stored exactly as recordResponse stores a comment: masked, then scored and tagged.
      const matcher = await themeMatcher(db, ctx.db);
      for (const row of rows.filter((r) => r.comment !== null)) {
        expect(row.sentiment).toBe(commentSentiment(row.comment!, row.language));
        const tags = await db
          .select({ code: themes.code, matched: responseThemes.matched })
          .from(responseThemes)
          .innerJoin(themes, eq(themes.id, responseThemes.themeId))
          .where(eq(responseThemes.responseId, row.id))
          .orderBy(asc(themes.id));
        expect(tags).toEqual(matcher.match(row.comment!, row.language).map((m) => ({ code: m.code, matched: m.matched })));
      }
      expect(rows[0]!.comment).toBe(maskPersonalData("Kept on hold for ages, call me on 07700 900123"));
      expect(rows.map((r) => r.commented)).toEqual(rows.map((r) => (r.comment === null ? 0 : 1)));
      const waiting = await db
        .select({ matched: responseThemes.matched })
        .from(responseThemes)
        .innerJoin(themes, eq(themes.id, responseThemes.themeId))
        .where(eq(themes.code, "waiting_time"));
      expect(waiting).toEqual([{ matched: ["kept on hold"] }]);

      // The summary report by hand, for the Contact Centre in 2025 Q1 (four responses):
      // CSAT 5, 4, 2 -> 2 of 3 satisfied; CES 7, 5, 2 -> mean 4.67, 2 of 3 easy;
      // CSI index: 100 (CSI 5), 0 (CSI 1): answered CSI only, the comment of row 4 is its own
      // figure; FCR yes, partly, no -> 1 of 3; no tokens, so no response rate.
      const summary = await summaryReport(
        db,
        { groupBy: "team", period: "quarter", from: "2025-01-01", to: "2025-03-31", yearStart: 4, today: "2026-01-01" },
        1,
      );
      expect(summary.rows).toHaveLength(1);
      const s = summary.rows[0]!;
      expect(s.group.code).toBe("CONTACT");
      expect(s.scores.responses).toBe(4);
      expect(s.scores.issued).toBe(0);
      expect(s.scores.csat).toMatchObject({ n: 3, value: 66.7 });
      expect(s.scores.cesMean).toMatchObject({ n: 3, value: 4.67 });
      expect(s.scores.cesEasy).toMatchObject({ n: 3, value: 66.7 });
      const c = commentSentiment("Very helpful, thank you", "en")!;
      expect(c).toBeGreaterThan(0);
      expect(s.scores.csiIndex).toMatchObject({ n: 2, value: 50 });
      expect(s.scores.sentimentPositive.n).toBeGreaterThanOrEqual(1);
      expect(s.scores.csiNet).toMatchObject({ n: 2, value: 0 });
      expect(s.scores.fcr).toMatchObject({ n: 3, value: 33.3 });
      expect(s.scores.responseRate).toMatchObject({ value: null, n: 0, status: "tooFew" });
      expect(s.scores).toMatchObject({ answered: 0, withoutToken: 4 });

      // The counters the import added equal a full recount.
      const imported = await rollupSnapshot(ctx);
      expect(imported.length).toBeGreaterThan(0);
      await rebuildRollup(ctx.db, reportCalendar(ctx.config));
      expect(await rollupSnapshot(ctx)).toEqual(imported);
    });
  });

  test("counters add to what is already there: import on top of live data still equals a recount", async () => {
    await setup();
    await withDb(async (ctx) => {
      await registerInteraction(ctx, {
        channel: "phone",
        team: "CONTACT",
        staff: "alice",
        service: "council-tax",
        occurredAt: Date.parse("2025-01-06T11:00:00Z"),
        language: "en",
      });
    });
    const result = await sandbox.run("import", csvFile("good.csv", GOOD));
    expect(result.code).toBe(0);
    await withDb(async (ctx) => {
      const before = await rollupSnapshot(ctx);
      await rebuildRollup(ctx.db, reportCalendar(ctx.config));
      expect(await rollupSnapshot(ctx)).toEqual(before);
    });
  });

  test("a file with bad rows stores nothing and names each bad row and column", async () => {
    await setup();
    await withDb((ctx) => ctx.db.write((tx) => tx.update(teams).set({ retiredAt: 1 }).where(eq(teams.code, "WASTE"))));
    const file = csvFile(
      "bad.csv",
      [
        "occurred_at,channel,team,staff,service,csat,ces,csi,fcr,comment,language",
        "2025-01-06T10:00:00Z,phone,CONTACT,,,5,,,,,en",
        "2025-01-06T10:00:00Z,phone,CONTACT,,,6,,,,,en",
        "yesterday,phone,CONTACT,,,4,,,,,en",
        "2025-02-30 10:00,phone,CONTACT,,,4,,,,,en",
        "2025-01-06T10:00:00Z,fax,CONTACT,,,4,8,,maybe,,xx",
        "2025-01-06T10:00:00Z,phone,WASTE,,,4,,,,,en",
        "2025-01-06T10:00:00Z,phone,CONTACT,nobody,,4,,,,,en",
        "2025-01-06T10:00:00Z,phone,CONTACT,,,,,,,,en",
        "2025-03-30 01:30,phone,CONTACT,,,4,,,,,en",
        "2027-01-06T10:00:00Z,phone,CONTACT,,,4,,,,,en",
        "2025-01-06T10:00:00Z,phone,CONTACT,,,4,,,,en",
        "2025-01-06T10:00:00Z,phone,CONTACT,,,3,,,,,en",
      ].join("\n"),
    );
    const result = await sandbox.run("import", file);
    expect(result.code).toBe(1);
    const errors = result.stderr.split("\n");
    expect(errors).toEqual(
      expect.arrayContaining([
        "row 2, column csat: must be 1-5",
        expect.stringMatching(/^row 3, column occurred_at: expected an ISO 8601 date-time/),
        "row 4, column occurred_at: 2025-02-30 is not a real date",
        expect.stringMatching(/^row 5, column channel: must be one of phone, email/),
        "row 5, column ces: must be 1-7",
        "row 5, column fcr: must be yes, partly, no or empty",
        expect.stringMatching(/^row 5, column language: must be one of en, cy, pl, pt, ar/),
        "row 6, column team: team 'WASTE' is retired",
        "row 7, column staff: unknown staff code 'nobody'",
        expect.stringMatching(/^row 8: answers no question and has no comment/),
        "row 9, column occurred_at: 2025-03-30 01:30 does not exist in Europe/London (the clocks went forward)",
        "row 10, column occurred_at: is in the future",
        "row 11: has 10 fields; the header has 11",
        "13 errors in the file; nothing was imported.",
      ]),
    );
    expect(result.stderr).not.toMatch(/row 1[,:]|row 12/);
    expect(await counts()).toEqual({ interactions: 0, responses: 0, themes: 0, rollup: 0 });
  });

  test("an unknown team code is refused by row and column", async () => {
    await setup();
    const result = await sandbox.run(
      "import",
      csvFile("team.csv", "occurred_at,channel,team,csat\n2025-01-06T10:00:00Z,phone,CONTACT,5\n2025-01-06T10:00:00Z,phone,HOUSING,5\n"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("row 2, column team: unknown team code 'HOUSING'");
    expect((await counts()).interactions).toBe(0);
  });

  test("an external_ref already stored, or repeated in the file, is refused", async () => {
    await setup();
    await withDb((ctx) =>
      registerInteraction(ctx, { channel: "phone", team: "CONTACT", occurredAt: Date.parse("2025-01-06T11:00:00Z"), externalRef: "CRM-9", language: "en" }),
    );
    const file = csvFile(
      "dupes.csv",
      "occurred_at,channel,team,csat,external_ref\n2025-01-06T10:00:00Z,phone,CONTACT,5,CRM-9\n2025-01-06T10:00:00Z,phone,CONTACT,5,CRM-10\n2025-01-06T10:00:00Z,phone,CONTACT,4,CRM-10\n",
    );
    const result = await sandbox.run("import", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("row 1, column external_ref: 'CRM-9' is already stored");
    expect(result.stderr).toContain("row 3, column external_ref: 'CRM-10' appears on an earlier row of this file");
    expect((await counts()).interactions).toBe(1);
  });

  test("an unknown column is refused by name, before any row is read", async () => {
    await setup();
    const result = await sandbox.run("import", csvFile("cols.csv", "occurred_at,channel,team,csat,nps,postcode\n2025-01-06T10:00:00Z,phone,CONTACT,5,9,AB1\n"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("header: unknown columns 'nps', 'postcode'");
    expect(result.stderr).not.toContain("row 1");
  });

  test("an empty file and a file with only a header are refused", async () => {
    await setup();
    const empty = await sandbox.run("import", csvFile("empty.csv", ""));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("the file is empty");
    const header = await sandbox.run("import", csvFile("header.csv", "occurred_at,channel,team,csat\n"));
    expect(header.code).toBe(1);
    expect(header.stderr).toContain("a header row but no rows");
    expect((await counts()).interactions).toBe(0);
  });

  test("a quoted comment keeps its commas, line breaks and quotes; a BOM is skipped", async () => {
    await setup();
    const text =
      'occurred_at,channel,team,csat,comment\r\n2025-01-06T10:00:00Z,phone,CONTACT,2,"Waited, and waited;\r\nthen ""someone"" hung up, twice"\r\n2025-01-07T10:00:00Z,email,CONTACT,5,plain\r\n';
    const file = csvFile("quoted.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const result = await sandbox.run("import", file);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await withDb(async (ctx) => {
      const comments = (await ctx.db.read.select({ comment: responses.comment }).from(responses).orderBy(asc(responses.id))).map((r) => r.comment);
      expect(comments).toEqual(['Waited, and waited;\r\nthen "someone" hung up, twice', "plain"]);
    });
  });

  test("at most 50 errors are printed, with the total", async () => {
    await setup();
    const rows = Array.from({ length: 60 }, () => "2025-01-06T10:00:00Z,phone,CONTACT,9");
    const result = await sandbox.run("import", csvFile("many.csv", ["occurred_at,channel,team,csat", ...rows].join("\n")));
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((l) => l.startsWith("row "))).toHaveLength(50);
    expect(result.stderr).toContain("… and 10 more.");
    expect(result.stderr).toContain("60 errors in the file");
  });

  test("--dry-run checks the file and stores nothing", async () => {
    await setup();
    const result = await sandbox.run("import", csvFile("good.csv", GOOD), "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Checked 5 rows");
    expect(await counts()).toEqual({ interactions: 0, responses: 0, themes: 0, rollup: 0 });
  });

  test("a missing file is an error, not a stack trace", async () => {
    await setup();
    const result = await sandbox.run("import", join(sandbox.dataDir, "nope.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot read");
  });

  test("comment worker threads store the same as the main thread", async () => {
    await setup();
    const lines = ["occurred_at,channel,team,csat,comment,language"];
    const words = ["Kept on hold for ages", "Rude and dismissive", "Very helpful, call 07700 900123", "Czekałem bardzo długo", "Website crashed"];
    for (let i = 0; i < 2500; i++)
      lines.push(`2025-01-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z,phone,CONTACT,${1 + (i % 5)},"${words[i % 5]} ${i}",${i % 5 === 3 ? "pl" : "en"}`);
    const file = csvFile("many-comments.csv", lines.join("\n"));
    const stored = await withDb((ctx) => importResponses(ctx, file, { workers: 2, workerThresholdBytes: 0 }));
    expect(stored.rows).toBe(2500);
    await withDb(async (ctx) => {
      const db = ctx.db.read;
      const matcher = await themeMatcher(db, ctx.db);
      const rows = await db
        .select({ id: responses.id, comment: responses.comment, language: responses.language, s: responses.commentSentiment })
        .from(responses)
        .orderBy(asc(responses.id));
      expect(rows).toHaveLength(2500);
      expect(rows[2]!.comment).toBe("Very helpful, call [phone] 2");
      const tagged = await db
        .select({ id: responseThemes.responseId, theme: responseThemes.themeId })
        .from(responseThemes)
        .orderBy(asc(responseThemes.responseId), asc(responseThemes.themeId));
      const expected = rows.flatMap((r) => matcher.match(r.comment!, r.language).map((m) => ({ id: r.id, theme: m.themeId })));
      expect(tagged).toEqual(expected.sort((a, b) => a.id - b.id || a.theme - b.theme));
      for (const r of rows.slice(0, 10)) expect(r.s).toBe(commentSentiment(r.comment!, r.language));
    });
  });
});

describe("occurred_at", () => {
  const parse = occurredAtParser("Europe/London");
  const at = (s: string) => {
    const r = parse(s);
    return r.ok ? new Date(r.epochMs).toISOString() : r.message;
  };
  test.each([
    ["2025-03-01T10:15:00+01:00", "2025-03-01T09:15:00.000Z"],
    ["2025-03-01T10:15:00.250Z", "2025-03-01T10:15:00.250Z"],
    ["2025-03-01 10:15-0500", "2025-03-01T15:15:00.000Z"],
    ["2025-01-15 10:15", "2025-01-15T10:15:00.000Z"],
    ["2025-07-15 10:15:30", "2025-07-15T09:15:30.000Z"],
    // The autumn change repeats 01:00-02:00: the first (summer time) is taken.
    ["2025-10-26 01:30", "2025-10-26T00:30:00.000Z"],
    ["2025-10-26 02:30", "2025-10-26T02:30:00.000Z"],
    ["2025-03-30 00:30", "2025-03-30T00:30:00.000Z"],
    ["2025-03-30 02:30", "2025-03-30T01:30:00.000Z"],
  ])("%s is %s", (text, iso) => expect(at(text)).toBe(iso));

  test.each([["2025-03-30 01:30"], ["2025-13-01 10:00"], ["2025-01-01 24:00"], ["2025-01-01"], ["10:00 2025-01-01"], ["2025-01-01T10:00+15:00"]])(
    "%s is refused",
    (text) => {
      expect(parse(text).ok).toBe(false);
    },
  );
});
