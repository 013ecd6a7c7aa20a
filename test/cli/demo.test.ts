import { asc, count, countDistinct, eq, isNotNull, isNull, max, min } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, test } from "vitest";
import type { Database } from "../../src/db/client";
import { summaryReport } from "../../src/db/queries/summary";
import { departments, interactions, reportRollup, responses, responseThemes, services, staff, surveyTokens, targets, teams, themes } from "../../src/db/schema";
import { compileThemes } from "../../src/domain/themes";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { LANGUAGES } from "../../src/domain/languages";
import { COMMENT_PIECES, type Tone } from "../../src/services/demo/comments";
import { DEMO_TEAMS } from "../../src/services/demo/organisation";
import { expectedSatisfaction } from "../../src/services/demo/story";
import { cliSandbox, type CliSandbox } from "./run-cli";

let sandboxes: CliSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.map((s) => s.cleanup()));
  sandboxes = [];
});
const sandbox = async () => {
  const s = await cliSandbox();
  sandboxes.push(s);
  return s;
};

const rowsIn = async (db: Database, table: SQLiteTable) => (await db.read.select({ n: count() }).from(table))[0]!.n;

describe("demo", () => {
  test("fills an empty database with the organisation, a year of data and exact response count", async () => {
    const s = await sandbox();
    const { code, stdout } = await s.run("demo", "--responses", "2000", "--seed", "7");
    expect(code).toBe(0);
    expect(stdout).toContain("2000 responses");
    expect(stdout).toContain("user add --email");

    const db = s.open();
    expect(await rowsIn(db, departments)).toBe(4);
    expect(await rowsIn(db, teams)).toBe(12);
    expect(await rowsIn(db, staff)).toBe(60);
    expect(await rowsIn(db, services)).toBe(8);
    expect(await rowsIn(db, themes)).toBe(DEFAULT_THEMES.length);
    // Targets, so the Overview shows green, amber and red from the start.
    const overall = await db.read
      .select({ measure: targets.measure, value: targets.value })
      .from(targets)
      .where(isNull(targets.departmentId))
      .orderBy(asc(targets.measure));
    expect(overall.map((t) => `${t.measure}:${t.value.toFixed(1)}`)).toEqual(["ces_mean:5.5", "csat:85.0", "csi_index:75.0", "fcr:60.0", "response_rate:15.0"]);
    expect(await db.read.select({ code: departments.code }).from(targets).innerJoin(departments, eq(departments.id, targets.departmentId))).toEqual([
      { code: "REVENUES" },
    ]);
    expect(await rowsIn(db, responses)).toBe(2000);
    const interactionCount = await rowsIn(db, interactions);
    expect(await rowsIn(db, surveyTokens)).toBe(interactionCount);
    // Response rates of 10–25% per channel.
    expect(2000 / interactionCount).toBeGreaterThan(0.1);
    expect(2000 / interactionCount).toBeLessThan(0.25);
    const channels = await db.read.selectDistinct({ channel: interactions.channel }).from(interactions).orderBy(asc(interactions.channel));
    expect(channels.map((c) => c.channel)).toEqual(["email", "face_to_face", "letter", "phone", "web_chat"]);
    const languages = await db.read.selectDistinct({ language: responses.language }).from(responses).where(isNotNull(responses.comment));
    expect(languages.map((l) => l.language)).toEqual(expect.arrayContaining(["en", "cy", "pl"]));
    expect(await rowsIn(db, responseThemes)).toBeGreaterThan(300);
    const [commented] = await db.read.select({ n: count() }).from(responses).where(eq(responses.commented, 1));
    const [withText] = await db.read.select({ n: count() }).from(responses).where(isNotNull(responses.comment));
    expect(commented!.n).toBe(withText!.n);
    // A year up to yesterday (the sandbox clock is Monday 2026-03-02; Sundays are quiet).
    const [span] = await db.read.select({ first: min(interactions.occurredAt), last: max(interactions.occurredAt) }).from(interactions);
    expect(new Date(span!.first!).toISOString().slice(0, 7)).toBe("2025-03");
    expect(new Date(span!.last!).toISOString().slice(0, 10)).toMatch(/^2026-(02-2[78]|03-01)$/);
    // Every interaction's rows were stored with the ids the database gave it.
    const [linked] = await db.read
      .select({ n: countDistinct(responses.interactionId) })
      .from(responses)
      .innerJoin(interactions, eq(interactions.id, responses.interactionId));
    expect(linked!.n).toBe(2000);

    const report = await summaryReport(
      db.read,
      { groupBy: "team", period: "month", from: "2025-03-01", to: "2026-03-01", yearStart: 4, today: "2026-03-01" },
      10,
    );
    const teamsInReport = new Set(report.rows.map((r) => r.group.code));
    expect([...teamsInReport].sort()).toEqual(DEMO_TEAMS.map((t) => t.code).sort());
    expect(report.rows.reduce((n, r) => n + r.scores.responses, 0)).toBe(2000);
    expect(report.rows.reduce((n, r) => n + r.scores.issued, 0)).toBe(interactionCount);
  });

  test("the same seed on the same day makes the same data; another seed does not", async () => {
    const fingerprint = async (seed: string) => {
      const s = await sandbox();
      await s.run("demo", "--responses", "300", "--seed", seed);
      const rows = await s
        .open()
        .read.select({
          at: responses.occurredAt,
          team: responses.teamId,
          staff: responses.staffId,
          csat: responses.csat,
          ces: responses.ces,
          csi: responses.csi,
          fcr: responses.fcr,
          comment: responses.comment,
        })
        .from(responses)
        .orderBy(asc(responses.id));
      return JSON.stringify(rows);
    };
    const a = await fingerprint("3");
    expect(await fingerprint("3")).toBe(a);
    expect(await fingerprint("4")).not.toBe(a);
  });

  test("refuses a database that already holds data", async () => {
    const s = await sandbox();
    expect((await s.run("demo", "--responses", "20")).code).toBe(0);
    const again = await s.run("demo", "--responses", "20");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds data");
  });

  test("rollup rebuild recounts to the same report", async () => {
    const s = await sandbox();
    await s.run("demo", "--responses", "500");
    const db = s.open();
    const r = reportRollup;
    const rows = () => db.read.select().from(r).orderBy(r.period, r.periodStart, r.themeId, r.teamId, r.staffId, r.serviceId, r.channel);
    const snapshot = await rows();
    expect(snapshot.length).toBeGreaterThan(0);
    const { code, stdout } = await s.run("rollup", "rebuild");
    expect(code).toBe(0);
    expect(stdout).toContain("500 responses");
    expect(await rows()).toEqual(snapshot);
  });
});

describe("demo comments", () => {
  const themes = DEFAULT_THEMES.map((t, i) => ({ id: i + 1, code: t.code, rules: t.rules }));
  const matcher = compileThemes(themes);
  const cases = LANGUAGES.flatMap((language) =>
    Object.entries(COMMENT_PIECES[language]).flatMap(([theme, tones]) =>
      (["positive", "negative"] as Tone[]).flatMap((tone) => (tones?.[tone] ?? []).map((piece) => [language, theme, piece] as const)),
    ),
  );

  test.each(cases)("[%s] %s: %s", (language, theme, piece) => {
    expect(matcher.match(piece, language).map((m) => m.code)).toContain(theme);
  });
});

describe("the story", () => {
  const team = (code: string) => DEMO_TEAMS.find((t) => t.code === code)!;
  const at = (month: number, progress: number) => ({ month, progress, weekday: 2 });

  test("Benefits improves over the year and Highways declines", () => {
    expect(expectedSatisfaction(team("BENEFITS"), 0, "benefits", "email", at(12, 1))).toBeGreaterThan(
      expectedSatisfaction(team("BENEFITS"), 0, "benefits", "email", at(1, 0)) + 0.2,
    );
    expect(expectedSatisfaction(team("HIGHWAYS"), 0, "highways", "email", at(12, 1))).toBeLessThan(
      expectedSatisfaction(team("HIGHWAYS"), 0, "highways", "email", at(1, 0)) - 0.2,
    );
  });

  test("Council Tax is worse in the March and April billing season", () => {
    const ct = team("COUNCIL-TAX");
    expect(expectedSatisfaction(ct, 0, "council-tax", "phone", at(3, 0.3))).toBeLessThan(expectedSatisfaction(ct, 0, "council-tax", "phone", at(6, 0.3)));
  });
});
