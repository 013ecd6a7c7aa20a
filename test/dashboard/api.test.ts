import { beforeAll, describe, expect, test } from "vitest";
import { asc, sql } from "drizzle-orm";
import { summaryReport } from "../../src/db/queries/summary";
import { customerContacts, responses } from "../../src/db/schema";
import { firstRow } from "../../src/db/sql";
import { createTestApp, type TestApp } from "../helpers";
import { PASSWORD, seedDashboard } from "./seed";
import { signIn } from "./session";

let t: TestApp;
let admin: { cookie: string; csrf: string };
let director: { cookie: string; csrf: string };
let manager: { cookie: string; csrf: string };

const get = (who: { cookie: string }, path: string) => t.app.request(`/dashboard/api${path}`, { headers: { Cookie: who.cookie } });

beforeAll(async () => {
  t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await seedDashboard(t.ctx, { perDay: 2, days: 120 });
  admin = await signIn(t.app, "admin@council.example", PASSWORD);
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
});

describe("API access", () => {
  test("every call needs a session", async () => {
    const res = await t.app.request("/dashboard/api/overview");
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test("a change without the CSRF token is refused, and sign-out with it ends the session", async () => {
    const s = await signIn(t.app, "director@council.example", PASSWORD);
    const bad = await t.app.request("/dashboard/api/logout", { method: "POST", headers: { Cookie: s.cookie } });
    expect(bad.status).toBe(403);
    const wrong = await t.app.request("/dashboard/api/logout", { method: "POST", headers: { Cookie: s.cookie, "X-CSRF-Token": "nope" } });
    expect(wrong.status).toBe(403);
    const ok = await t.app.request("/dashboard/api/logout", { method: "POST", headers: { Cookie: s.cookie, "X-CSRF-Token": s.csrf } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toMatch(/dashboard_session=;/);
    expect((await get(s, "/me")).status).toBe(401);
  });
});

describe("overview", () => {
  test("figures are the summary report's, with the previous period, sparkline and target colour", async () => {
    const res = await get(director, "/overview?period=month&from=2026-01-01&to=2026-02-28");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      from: string;
      previous: { from: string; to: string };
      measures: {
        key: string;
        figure: { n: number; value: number | null; low: number | null };
        spark: unknown[];
        status: string | null;
        target: number | null;
        change: number | null;
      }[];
    };
    expect(body.previous).toEqual({ from: "2025-11-01", to: "2025-12-31" });
    const report = await summaryReport(
      t.db.read,
      { groupBy: "channel", period: "month", from: "2026-01-01", to: "2026-02-28", yearStart: 4, today: "2026-03-01" },
      10,
    );
    const csatN = report.rows.reduce((a, r) => a + r.scores.csat.n, 0);
    const csat = body.measures.find((m) => m.key === "csat")!;
    expect(csat.figure.n).toBe(csatN);
    expect(csat.figure.value).not.toBeNull();
    expect(csat.figure.low!).toBeLessThan(csat.figure.value!);
    // Twelve months to February for context; the two counted are marked.
    const spark = csat.spark as { periodStart: string; counted: boolean; n: number }[];
    expect(spark).toHaveLength(12);
    expect(spark.filter((p) => p.counted).map((p) => p.periodStart)).toEqual(["2026-01-01", "2026-02-01"]);
    expect(spark.filter((p) => p.counted).reduce((a, p) => a + p.n, 0)).toBe(csatN);
    expect(csat.target).toBe(80);
    expect(["green", "amber", "red"]).toContain(csat.status);
    expect(body.measures.map((m) => m.key)).toEqual(["csat", "cesMean", "csiIndex", "fcr", "responseRate"]);
  });

  test("a filter changes the figures", async () => {
    const all = (await (await get(director, "/overview?from=2026-01-01&to=2026-02-28")).json()) as { measures: { figure: { value: number } }[] };
    const waste = (await (await get(director, "/overview?from=2026-01-01&to=2026-02-28&team=WASTE")).json()) as { measures: { figure: { value: number } }[] };
    expect(waste.measures[0]!.figure.value).toBeLessThan(all.measures[0]!.figure.value);
  });

  test("too few responses shows no value but keeps n", async () => {
    const body = (await (await get(director, "/overview?period=week&from=2026-03-02&to=2026-03-02")).json()) as {
      measures: { figure: { n: number; value: null; tooFew: boolean } }[];
    };
    expect(body.measures[0]!.figure).toMatchObject({ value: null, tooFew: true });
  });

  test("bad filters are a 400 naming the field; unknown codes a 404", async () => {
    const res = await get(director, "/overview?period=decade&from=2026-02-30");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(["from", "period"]);
    expect((await get(director, "/overview?team=NOPE")).status).toBe(404);
  });
});

describe("roles", () => {
  test("a manager asking for another team's figures gets 403", async () => {
    for (const path of [
      "/overview?team=WASTE",
      "/trends?team=BENEFITS",
      "/teams?department=ENV",
      "/comments?team=WASTE",
      "/teams/WASTE/staff",
      "/staff/bob",
      "/export/responses.csv?team=WASTE",
    ]) {
      const res = await get(manager, path);
      expect(res.status, path).toBe(403);
    }
  });

  test("a manager's own team is allowed, and unfiltered views cover only that team", async () => {
    expect((await get(manager, "/overview?team=CONTACT")).status).toBe(200);
    const teams = (await (await get(manager, "/teams")).json()) as { departments: unknown[]; teams: { group: { code: string } }[] };
    expect(teams.departments).toEqual([]);
    expect(teams.teams.map((r) => r.group.code)).toEqual(["CONTACT"]);
    const comments = (await (await get(manager, "/comments?from=2025-11-01&to=2026-03-01")).json()) as { items: { team: string }[] };
    expect(comments.items.length).toBeGreaterThan(0);
    expect(new Set(comments.items.map((c) => c.team))).toEqual(new Set(["Contact Centre"]));
    const options = (await (await get(manager, "/options")).json()) as { teams: { code: string }[] };
    expect(options.teams.map((x) => x.code)).toEqual(["CONTACT"]);
  });

  test("a director sees every team and department but not the settings", async () => {
    const teams = (await (await get(director, "/teams?from=2025-11-01&to=2026-03-01")).json()) as { departments: unknown[]; teams: unknown[] };
    expect(teams.departments).toHaveLength(2);
    expect(teams.teams).toHaveLength(3);
    expect((await get(director, "/settings")).status).toBe(403);
    expect((await get(manager, "/settings")).status).toBe(403);
  });

  test("an administrator reads the settings, without any secret", async () => {
    const res = await get(admin, "/settings");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("manager@council.example");
    expect(text).not.toMatch(/scrypt\$|key_hash|keyHash|passwordHash/);
  });
});

describe("views", () => {
  test("trends split by department give a point per period", async () => {
    const body = (await (await get(director, "/trends?period=month&from=2025-12-01&to=2026-02-28&split=department")).json()) as {
      periods: unknown[];
      series: { group: { code: string }; points: unknown[] }[];
    };
    expect(body.periods).toHaveLength(3);
    expect(body.series.map((s) => s.group.code)).toEqual(["CLS", "ENV"]);
    expect(body.series[0]!.points).toHaveLength(3);
  });

  test("trends split by channel and by service; a manager's split stays within their team", async () => {
    type Body = { split: string; series: { group: { code: string | null }; points: { csat: { n: number } }[] }[] };
    const q = "/trends?period=month&from=2025-12-01&to=2026-02-28";
    const byChannel = (await (await get(director, `${q}&split=channel`)).json()) as Body;
    const byTeam = (await (await get(director, `${q}&split=team`)).json()) as Body;
    const total = (b: Body) => b.series.reduce((n, s) => n + s.points.reduce((m, p) => m + p.csat.n, 0), 0);
    expect(byChannel.split).toBe("channel");
    expect(byChannel.series.length).toBeGreaterThan(0);
    // The same answers, cut another way: the totals agree.
    expect(total(byChannel)).toBe(total(byTeam));
    const byService = (await (await get(director, `${q}&split=service`)).json()) as Body;
    expect(total(byService)).toBe(total(byTeam));
    const managers = (await (await get(manager, `${q}&split=service`)).json()) as Body;
    const contactOnly = (await (await get(director, `${q}&split=service&team=CONTACT`)).json()) as Body;
    expect(total(managers)).toBe(total(contactOnly));
    expect((await get(director, `${q}&split=colour`)).status).toBe(400);
  });

  test("staff drill-down lists the team's staff", async () => {
    const body = (await (await get(director, "/teams/CONTACT/staff?from=2025-11-01&to=2026-03-01")).json()) as { staff: { group: { code: string | null } }[] };
    expect(body.staff.map((s) => s.group.code)).toEqual(["alice"]);
  });

  test("comments are newest first, filter by score and search, and carry matched words", async () => {
    const body = (await (await get(director, "/comments?from=2025-11-01&to=2026-03-01")).json()) as {
      items: { occurredAt: string; themes: { matched: string[] }[] }[];
    };
    const dates = body.items.map((i) => i.occurredAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(body.items.some((i) => i.themes.some((th) => th.matched.length > 0))).toBe(true);
    const low = (await (await get(director, "/comments?from=2025-11-01&to=2026-03-01&score=1")).json()) as { items: { csat: number }[] };
    expect(low.items.every((i) => i.csat === 1)).toBe(true);
    const search = (await (await get(director, "/comments?from=2025-11-01&to=2026-03-01&q=hold")).json()) as { items: { comment: string }[] };
    expect(search.items.length).toBeGreaterThan(0);
    expect(search.items.every((i) => i.comment.includes("hold"))).toBe(true);
  });

  test("themes give shares and the top three per department", async () => {
    const body = (await (await get(director, "/themes?from=2025-12-01&to=2026-02-28")).json()) as {
      comments: number;
      themes: { comments: number; share: number }[];
      departments: { top: { direction: string }[] }[];
    };
    expect(body.comments).toBeGreaterThan(0);
    expect(body.themes[0]!.share).toBeCloseTo((100 * body.themes[0]!.comments) / body.comments, 0);
    expect(body.departments).toHaveLength(2);
    expect(body.departments[0]!.top.length).toBeLessThanOrEqual(3);
    expect(body.departments[0]!.top.length).toBeGreaterThan(0);
  });

  test("the quarterly report has each department's measures against the previous quarter", async () => {
    const body = (await (await get(director, "/report/quarterly?quarter=2026-01-15")).json()) as {
      quarter: string;
      previousQuarter: string;
      departments: { measures: { key: string; status: string | null }[]; channels: { responses: number }[] }[];
    };
    // Financial quarters (April to March): January to March 2026 is 2025/26's fourth.
    expect(body.quarter).toBe("2025/26 Q4");
    expect(body.previousQuarter).toBe("2025/26 Q3");
    expect(body.departments).toHaveLength(2);
    expect(body.departments[0]!.channels.reduce((a, c) => a + c.responses, 0)).toBeGreaterThan(0);
  });
});

describe("CSV export", () => {
  test("filtered responses, no contact data, formulas neutralised", async () => {
    const [answered] = await t.db.read.select({ id: responses.interactionId }).from(responses).orderBy(asc(responses.id)).limit(1);
    await t.db.write((tx) =>
      tx.insert(customerContacts).values({ interactionId: answered!.id, email: "customer@home.example", phone: "+44 7700 900123", createdAt: 0 }),
    );
    const res = await get(director, "/export/responses.csv?from=2025-11-01&to=2026-03-01&team=WASTE");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("response_id,date,channel,department,team,staff,service,csat,ces,csi,fcr,comment,comment_sentiment,themes,language");
    const expected = await firstRow<{ n: number }>(
      t.db.read,
      sql`select count(*) as "n" from responses r join teams t on t.id = r.team_id
        where t.code = 'WASTE' and r.occurred_at >= ${Date.parse("2025-11-01T00:00:00Z")} and r.occurred_at < ${Date.parse("2026-03-02T00:00:00Z")}`,
    );
    expect(lines).toHaveLength(expected!.n + 1);
    expect(lines.slice(1).every((l) => l.includes(",Waste Services,"))).toBe(true);
    expect(text).not.toContain("customer@home.example");
    expect(text).not.toContain("7700");
    const all = await (await get(director, "/export/responses.csv?from=2025-11-01&to=2026-03-01")).text();
    expect(all).toContain(`"'=HYPERLINK(""http://evil.example"") the website was confusing"`);
    expect(all).not.toMatch(/,=HYPERLINK/);
  });
});
