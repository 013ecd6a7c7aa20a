import { afterEach, describe, expect, test } from "vitest";
import { openDatabase } from "../../src/db/client";
import { summaryReport } from "../../src/db/queries/summary";
import { compileThemes } from "../../src/domain/themes";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { LANGUAGES } from "../../src/domain/languages";
import { COMMENT_PIECES, type Tone } from "../../src/services/demo/comments";
import { DEMO_TEAMS } from "../../src/services/demo/organisation";
import { expectedSatisfaction } from "../../src/services/demo/story";
import { cliSandbox } from "./run-cli";

let sandboxes: ReturnType<typeof cliSandbox>[] = [];
afterEach(() => {
  sandboxes.forEach((s) => s.cleanup());
  sandboxes = [];
});
const sandbox = () => {
  const s = cliSandbox();
  sandboxes.push(s);
  return s;
};

const count = (db: ReturnType<typeof openDatabase>, table: string) =>
  (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe("demo", () => {
  test("fills an empty database with the organisation, a year of data and exact response count", async () => {
    const s = sandbox();
    const { code, stdout } = await s.run("demo", "--responses", "2000", "--seed", "7");
    expect(code).toBe(0);
    expect(stdout).toContain("2000 responses");
    expect(stdout).toContain("user add --email");

    const db = openDatabase(s.dbFile);
    expect(count(db, "departments")).toBe(4);
    expect(count(db, "teams")).toBe(12);
    expect(count(db, "staff")).toBe(60);
    expect(count(db, "services")).toBe(8);
    expect(count(db, "themes")).toBe(DEFAULT_THEMES.length);
    // Targets, so the Overview shows green, amber and red from the start.
    expect(db.$client.prepare("select measure || ':' || value from targets where department_id is null order by measure").pluck().all()).toEqual([
      "ces_mean:5.5",
      "csat:85.0",
      "csi_index:75.0",
      "fcr:60.0",
      "response_rate:15.0",
    ]);
    expect(db.$client.prepare("select d.code from targets t join departments d on d.id = t.department_id").pluck().all()).toEqual(["REVENUES"]);
    expect(count(db, "responses")).toBe(2000);
    const interactions = count(db, "interactions");
    expect(count(db, "survey_tokens")).toBe(interactions);
    // Response rates of 10–25% per channel.
    expect(2000 / interactions).toBeGreaterThan(0.1);
    expect(2000 / interactions).toBeLessThan(0.25);
    const channels = db.$client.prepare("select distinct channel from interactions order by channel").pluck().all();
    expect(channels).toEqual(["email", "face_to_face", "letter", "phone", "web_chat"]);
    const languages = db.$client.prepare("select distinct language from responses where comment is not null order by language").pluck().all();
    expect(languages).toEqual(expect.arrayContaining(["en", "cy", "pl"]));
    expect(count(db, "response_themes")).toBeGreaterThan(300);
    const commented = db.$client.prepare("select count(*) from responses where commented = 1").pluck().get();
    expect(commented).toBe(db.$client.prepare("select count(*) from responses where comment is not null").pluck().get());
    // A year up to yesterday (the sandbox clock is Monday 2026-03-02; Sundays are quiet).
    const span = db.$client.prepare("select min(occurred_at) as first, max(occurred_at) as last from interactions").get() as { first: number; last: number };
    expect(new Date(span.first).toISOString().slice(0, 7)).toBe("2025-03");
    expect(new Date(span.last).toISOString().slice(0, 10)).toMatch(/^2026-(02-2[78]|03-01)$/);

    const report = summaryReport(db, { groupBy: "team", period: "month", from: "2025-03-01", to: "2026-03-01" }, 10);
    const teamsInReport = new Set(report.rows.map((r) => r.group.code));
    expect([...teamsInReport].sort()).toEqual(DEMO_TEAMS.map((t) => t.code).sort());
    expect(report.rows.reduce((n, r) => n + r.scores.responses, 0)).toBe(2000);
    expect(report.rows.reduce((n, r) => n + r.scores.issued, 0)).toBe(interactions);
    db.$client.close();
  });

  test("the same seed on the same day makes the same data; another seed does not", async () => {
    const fingerprint = async (seed: string) => {
      const s = sandbox();
      await s.run("demo", "--responses", "300", "--seed", seed);
      const db = openDatabase(s.dbFile);
      const rows = db.$client.prepare("select occurred_at, team_id, staff_id, csat, ces, csi, fcr, comment from responses order by id").raw().all();
      db.$client.close();
      return JSON.stringify(rows);
    };
    const a = await fingerprint("3");
    expect(await fingerprint("3")).toBe(a);
    expect(await fingerprint("4")).not.toBe(a);
  });

  test("refuses a database that already holds data", async () => {
    const s = sandbox();
    expect((await s.run("demo", "--responses", "20")).code).toBe(0);
    const again = await s.run("demo", "--responses", "20");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already holds data");
  });

  test("rollup rebuild recounts to the same report", async () => {
    const s = sandbox();
    await s.run("demo", "--responses", "500");
    const before = openDatabase(s.dbFile);
    const rows = () => before.$client.prepare("select * from report_rollup order by period, period_start, theme_id, team_id, staff_id, service_id, channel").all();
    const snapshot = rows();
    const { code, stdout } = await s.run("rollup", "rebuild");
    expect(code).toBe(0);
    expect(stdout).toContain("500 responses");
    expect(rows()).toEqual(snapshot);
    before.$client.close();
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
