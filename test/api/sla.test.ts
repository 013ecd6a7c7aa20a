import { beforeAll, describe, expect, test } from "vitest";
import { followUpCases, interactions, responses, responseThemes, themes } from "../../src/db/schema";
import { wilson } from "../../src/domain/intervals";
import { createUser } from "../../src/services/users";
import { signIn } from "../dashboard/session";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";

/*
 * SLA compliance through the API and the dashboard, against a recount done here from the cases
 * as they were inserted. The clock is Wednesday 15 April 2026, 10:00 in London (BST); the
 * minimum count is 3. The cases are written straight into the table, as the services that open
 * and move them would leave them, spread over February to early April across the three teams,
 * with six outcomes in turn (see OUTCOMES), including acknowledgements at 22:30 and 23:30 UTC
 * on the due date: the second is already the next day in London once summer time has begun.
 */

const TZ = "Europe/London";
const NOW = "2026-04-15T09:00:00Z";
const TODAY = "2026-04-15";
const DAY = 86_400_000;
const PASSWORD = "correct horse battery staple";
const TEAMS = ["CONTACT", "BENEFITS", "WASTE"] as const;
const DEPARTMENT_OF: Record<string, string> = { CONTACT: "CLS", BENEFITS: "CLS", WASTE: "ENV" };

type Status = "open" | "acknowledged" | "responded" | "closed";
type Spec = {
  team: (typeof TEAMS)[number];
  service: "tax" | "bins";
  channel: "phone" | "email";
  openedAt: number;
  acknowledgeBy: string;
  respondBy: string;
  status: Status;
  acknowledgedAt: number | null;
  respondedAt: number | null;
  closedAt: number | null;
};

const local = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });
const localDay = (ms: number) => local.format(ms);
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** What happened to a case, in turn: i % 6. */
const OUTCOMES = [
  (s: Spec): Spec => ({ ...s, status: "acknowledged", acknowledgedAt: s.openedAt + 2 * DAY }),
  (s: Spec): Spec => ({ ...s, status: "acknowledged", acknowledgedAt: Date.parse(`${s.acknowledgeBy}T22:30:00Z`) }),
  (s: Spec): Spec => ({
    ...s,
    status: "closed",
    acknowledgedAt: Date.parse(`${s.acknowledgeBy}T23:30:00Z`),
    respondedAt: Date.parse(`${s.respondBy}T09:00:00Z`),
    closedAt: Date.parse(`${s.respondBy}T12:00:00Z`),
  }),
  (s: Spec): Spec => ({ ...s, status: "closed", closedAt: s.openedAt + DAY }),
  (s: Spec): Spec => s,
  (s: Spec): Spec => ({ ...s, status: "responded", respondedAt: Date.parse(`${plusDays(s.acknowledgeBy, 1)}T10:00:00Z`) }),
];

/** 42 cases, one every 1.6 days or so from Monday 2 February 2026, the last on 8 April. */
const SPECS: Spec[] = Array.from({ length: 42 }, (_, i) => {
  const openedAt = Date.parse("2026-02-02T10:00:00Z") + Math.floor(i * 1.6) * DAY + (i % 4) * 3_600_000;
  const openedOn = localDay(openedAt);
  const spec: Spec = {
    team: TEAMS[i % 3]!,
    service: i % 2 === 0 ? "tax" : "bins",
    channel: i % 4 < 2 ? "phone" : "email",
    openedAt,
    acknowledgeBy: plusDays(openedOn, 7),
    respondBy: plusDays(openedOn, 21),
    status: "open",
    acknowledgedAt: null,
    respondedAt: null,
    closedAt: null,
  };
  return asOfNow(OUTCOMES[i % OUTCOMES.length]!(spec));
});

/** A case as it stands at the clock: steps planned for later have not happened yet. */
function asOfNow(s: Spec): Spec {
  const past = (t: number | null) => (t !== null && t <= Date.parse(NOW) ? t : null);
  const [acknowledgedAt, respondedAt, closedAt] = [past(s.acknowledgedAt), past(s.respondedAt), past(s.closedAt)];
  const status: Status = closedAt !== null ? "closed" : respondedAt !== null ? "responded" : acknowledgedAt !== null ? "acknowledged" : "open";
  return { ...s, acknowledgedAt, respondedAt, closedAt, status };
}

// ---- The recount: the definition written out plainly, independent of src/domain/sla.ts ----

type Count = { ackN: number; ackK: number; respN: number; respK: number; opened: number; open: number; overdue: number };
const zero = (): Count => ({ ackN: 0, ackK: 0, respN: 0, respK: 0, opened: 0, open: 0, overdue: 0 });

function recount(specs: readonly Spec[]): Count {
  const c = zero();
  for (const s of specs) {
    c.opened++;
    const acknowledged = s.acknowledgedAt ?? [s.respondedAt, s.closedAt].filter((t): t is number => t !== null).sort((a, b) => a - b)[0] ?? null;
    const responded = s.respondedAt ?? s.closedAt;
    if (acknowledged !== null || s.acknowledgeBy < TODAY) {
      c.ackN++;
      if (acknowledged !== null && localDay(acknowledged) <= s.acknowledgeBy) c.ackK++;
    }
    if (responded !== null || s.respondBy < TODAY) {
      c.respN++;
      if (responded !== null && localDay(responded) <= s.respondBy) c.respK++;
    }
    if (s.status !== "closed") c.open++;
    if ((s.status === "open" && s.acknowledgeBy < TODAY) || (s.status === "acknowledged" && s.respondBy < TODAY)) c.overdue++;
  }
  return c;
}

const MIN = 3;
const pct = (x: number) => Math.round(1000 * x) / 10;
function expectedShare(k: number, n: number) {
  if (n < MIN) return { n, value: null, low: null, high: null, tooFew: true };
  const w = wilson(k, n);
  return { n, value: pct(k / n), low: pct(w.low), high: pct(w.high), tooFew: false };
}
function expectedFigures(c: Count) {
  return {
    acknowledgedInTime: expectedShare(c.ackK, c.ackN),
    respondedInTime: expectedShare(c.respK, c.respN),
    opened: c.opened,
    open: c.open,
    overdue: c.overdue,
  };
}

type Figure = { n: number; value: number | null; low: number | null; high: number | null; tooFew: boolean; status: string | null };
type Figures = { acknowledgedInTime: Figure; respondedInTime: Figure; opened: number; open: number; overdue: number };
type Series = { periods: (Figures & { period: string; from: string; to: string; partial: boolean })[]; overall: Figures };
type Report = {
  from: string;
  to: string;
  period: string;
  groupBy: string;
  target: number;
  minCount: number;
  groups: (Series & { code: string; name: string })[];
  total: Series;
};

const withoutStatus = ({ acknowledgedInTime, respondedInTime, ...rest }: Figures) => {
  const strip = ({ status, ...f }: Figure) => (void status, f);
  return { ...rest, acknowledgedInTime: strip(acknowledgedInTime), respondedInTime: strip(respondedInTime) };
};

// ---- Set-up ----

let t: TestApp;
let director: { cookie: string };
let manager: { cookie: string };
let responseIds: number[];

async function insertCases(specs: readonly Spec[], org: Awaited<ReturnType<typeof seedOrganisation>>): Promise<number[]> {
  const teamIds = { CONTACT: org.contact.id, BENEFITS: org.benefits.id, WASTE: org.waste.id };
  const serviceIds = { tax: org.tax.id, bins: org.bins.id };
  return t.ctx.db.write(async (tx) => {
    const ids: number[] = [];
    for (const s of specs) {
      const occurredAt = s.openedAt - 3_600_000;
      const [interaction] = await tx
        .insert(interactions)
        .values({ channel: s.channel, teamId: teamIds[s.team], serviceId: serviceIds[s.service], occurredAt, createdAt: occurredAt })
        .returning({ id: interactions.id });
      const [response] = await tx
        .insert(responses)
        .values({
          interactionId: interaction!.id,
          teamId: teamIds[s.team],
          serviceId: serviceIds[s.service],
          channel: s.channel,
          occurredAt,
          csat: 1,
          language: "en",
          confirmedVia: "form",
          createdAt: s.openedAt,
          updatedAt: s.openedAt,
        })
        .returning({ id: responses.id });
      const [row] = await tx
        .insert(followUpCases)
        .values({
          responseId: response!.id,
          interactionId: interaction!.id,
          teamId: teamIds[s.team],
          status: s.status,
          priority: "normal",
          reasons: [{ rule: "low_csat", words: [] }],
          openedAt: s.openedAt,
          acknowledgeBy: s.acknowledgeBy,
          respondBy: s.respondBy,
          acknowledgedAt: s.acknowledgedAt,
          respondedAt: s.respondedAt,
          closedAt: s.closedAt,
          updatedAt: s.closedAt ?? s.respondedAt ?? s.acknowledgedAt ?? s.openedAt,
        })
        .returning({ id: followUpCases.id, responseId: followUpCases.responseId });
      ids.push(row!.responseId);
    }
    return ids;
  });
}

beforeAll(async () => {
  t = await createTestApp({ MIN_RESPONSES: MIN }, NOW);
  const org = await seedOrganisation(t);
  responseIds = await insertCases(SPECS, org);
  // Two cases' responses tagged with a theme, for the dashboard's theme filter.
  await t.ctx.db.write(async (tx) => {
    const [theme] = await tx
      .insert(themes)
      .values({ code: "timeliness", name: "Timeliness", rules: { en: ["wait*"] }, createdAt: t.clock.now() })
      .returning();
    await tx.insert(responseThemes).values([responseIds[0]!, responseIds[4]!].map((responseId) => ({ responseId, themeId: theme!.id, matched: ["waiting"] })));
  });
  await createUser(t.ctx, { email: "director@council.example", role: "director", password: PASSWORD });
  await createUser(t.ctx, { email: "manager@council.example", role: "manager", team: "CONTACT", password: PASSWORD });
  director = await signIn(t.app, "director@council.example", PASSWORD);
  manager = await signIn(t.app, "manager@council.example", PASSWORD);
});

async function apiReport(query: string): Promise<Report> {
  const res = await t.api("GET", `/reports/sla?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
}

const monthOf = (s: Spec) => localDay(s.openedAt).slice(0, 7);

describe("GET /api/v1/reports/sla", () => {
  test("the cases cover what the definition distinguishes", () => {
    const all = recount(SPECS);
    expect(SPECS.length).toBe(42);
    // Some acknowledged late, some overdue, some not yet due, some closed without a step.
    expect(all.ackK).toBeLessThan(all.ackN);
    expect(all.ackN).toBeLessThan(all.opened);
    expect(all.overdue).toBeGreaterThan(0);
    // The 23:30 UTC acknowledgement is in time in winter and late in summer.
    const lateAtNight = SPECS.filter((_s, i) => i % 6 === 2);
    expect(lateAtNight.some((s) => localDay(s.acknowledgedAt!) <= s.acknowledgeBy)).toBe(true);
    expect(lateAtNight.some((s) => localDay(s.acknowledgedAt!) > s.acknowledgeBy)).toBe(true);
  });

  test("by team and month: every group, period and total matches the recount", async () => {
    const r = await apiReport("groupBy=team&period=month&from=2026-02-10&to=2026-04-15");
    expect(r).toMatchObject({ from: "2026-02-01", to: "2026-04-15", period: "month", groupBy: "team", target: 95, minCount: MIN });
    expect(r.groups.map((g) => g.code)).toEqual(["BENEFITS", "CONTACT", "WASTE"]); // by name
    const months = ["2026-02", "2026-03", "2026-04"];
    for (const g of r.groups) {
      const mine = SPECS.filter((s) => s.team === g.code);
      expect(g.periods.map((p) => [p.period, p.from, p.to, p.partial])).toEqual([
        ["2026-02", "2026-02-01", "2026-02-28", false],
        ["2026-03", "2026-03-01", "2026-03-31", false],
        ["2026-04", "2026-04-01", "2026-04-15", true],
      ]);
      g.periods.forEach((p, i) =>
        expect(withoutStatus(p), `${g.code} ${p.period}`).toMatchObject(expectedFigures(recount(mine.filter((s) => monthOf(s) === months[i])))),
      );
      expect(withoutStatus(g.overall), g.code).toEqual(expectedFigures(recount(mine)));
    }
    r.total.periods.forEach((p, i) =>
      expect(withoutStatus(p), p.period).toMatchObject(expectedFigures(recount(SPECS.filter((s) => monthOf(s) === months[i])))),
    );
    expect(withoutStatus(r.total.overall)).toEqual(expectedFigures(recount(SPECS)));
  });

  test("every figure is coloured against the 95% target: green at or above, amber within 5 points, red below", async () => {
    const r = await apiReport("groupBy=team&period=quarter&from=2026-01-01&to=2026-06-30");
    const figures = [r.total.overall, ...r.groups.map((g) => g.overall)].flatMap((f) => [f.acknowledgedInTime, f.respondedInTime]);
    for (const f of figures) {
      const expected = f.value === null ? null : f.value >= 95 ? "green" : f.value >= 90 ? "amber" : "red";
      expect(f.status).toBe(expected);
    }
    expect(r.total.periods.map((p) => p.period)).toEqual(["2025/26 Q4", "2026/27 Q1"]);
  });

  test("by department, and narrowed to one department or team by code", async () => {
    const r = await apiReport("groupBy=department&period=quarter&from=2026-01-01&to=2026-04-15");
    expect(r.groups.map((g) => g.code)).toEqual(["CLS", "ENV"]);
    for (const g of r.groups) expect(withoutStatus(g.overall), g.code).toEqual(expectedFigures(recount(SPECS.filter((s) => DEPARTMENT_OF[s.team] === g.code))));
    const env = await apiReport("groupBy=team&period=month&from=2026-02-01&to=2026-04-15&department=ENV");
    expect(env.groups.map((g) => g.code)).toEqual(["WASTE"]);
    const one = await apiReport("period=week&from=2026-03-02&to=2026-03-15&team=CONTACT");
    expect(one.groups.map((g) => g.code)).toEqual(["CONTACT"]);
    expect(one.total.periods.map((p) => p.period)).toEqual(["2026-W10", "2026-W11"]);
    const inWeeks = SPECS.filter((s) => s.team === "CONTACT" && localDay(s.openedAt) >= "2026-03-02" && localDay(s.openedAt) <= "2026-03-15");
    expect(withoutStatus(one.total.overall)).toEqual(expectedFigures(recount(inWeeks)));
  });

  test("a range without cases: no groups, empty periods with n = 0, nothing shown as 0%", async () => {
    const r = await apiReport("period=month&from=2025-06-01&to=2025-07-31");
    expect(r.groups).toEqual([]);
    expect(r.total.periods.map((p) => [p.period, p.opened, p.acknowledgedInTime.n, p.acknowledgedInTime.value, p.acknowledgedInTime.tooFew])).toEqual([
      ["2025-06", 0, 0, null, true],
      ["2025-07", 0, 0, null, true],
    ]);
  });

  test.each([
    ["no dates", "period=month", ["from", "to"]],
    ["an impossible date", "from=2026-02-30&to=2026-03-31", ["from"]],
    ["a date in another form", "from=01/02/2026&to=2026-03-31", ["from"]],
    ["to before from", "from=2026-03-01&to=2026-02-01", ["to"]],
    ["more than five years", "from=2020-01-01&to=2026-03-01", ["to"]],
    ["an unknown grouping", "groupBy=staff&from=2026-03-01&to=2026-03-31", ["groupBy"]],
    ["an unknown period", "period=decade&from=2026-03-01&to=2026-03-31", ["period"]],
    ["an unknown parameter", "from=2026-03-01&to=2026-03-31&colour=red", ["colour"]],
  ])("400 for %s, naming the fields", async (_, query, fields) => {
    const res = await t.api("GET", `/reports/sla?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(body.error.code).toBe("invalid_input");
    // A field can fail more than one rule (a date neither YYYY-MM-DD nor real): it is named once per rule.
    expect([...new Set(body.error.fields.map((f) => f.path))].sort()).toEqual([...fields].sort());
  });

  test("404 for an unknown team or department, 401 without a key", async () => {
    expect((await t.api("GET", "/reports/sla?from=2026-03-01&to=2026-03-31&team=NOPE")).status).toBe(404);
    expect((await t.api("GET", "/reports/sla?from=2026-03-01&to=2026-03-31&department=NOPE")).status).toBe(404);
    expect((await t.app.request("/api/v1/reports/sla?from=2026-03-01&to=2026-03-31")).status).toBe(401);
  });

  test("is in the OpenAPI document with its parameters, its answer and its errors", async () => {
    const spec = (await (await t.app.request("/api/v1/openapi.json")).json()) as {
      paths: Record<
        string,
        {
          get?: {
            tags?: string[];
            summary?: string;
            parameters?: { name: string }[];
            responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
          };
        }
      >;
    };
    const op = spec.paths["/reports/sla"]?.get;
    expect(op).toBeDefined();
    expect(op!.tags).toEqual(["Reports"]);
    expect(op!.summary).toBeTruthy();
    expect(op!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(["groupBy", "period", "from", "to", "department", "team"]));
    expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "404"]));
    const ok = op!.responses["200"]!.content!["application/json"]!;
    expect(JSON.stringify(ok.schema)).toContain("acknowledgedInTime");
    expect(ok.example).toMatchObject({ target: 95, total: { overall: { acknowledgedInTime: { n: 42, value: 95.2, status: "green" } } } });
  });
});

// ---- The dashboard ----

const dash = (who: { cookie: string }, path: string) => t.app.request(`/dashboard/api${path}`, { headers: { Cookie: who.cookie } });

async function dashReport(who: { cookie: string }, query: string): Promise<Report> {
  const res = await dash(who, `/sla?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Report;
}

describe("GET /dashboard/api/sla", () => {
  test("a director sees every team; the figures are the API's", async () => {
    const query = "period=month&from=2026-02-01&to=2026-04-15";
    const d = await dashReport(director, query);
    const a = await apiReport(query);
    expect(d.groups.map((g) => g.code)).toEqual(["BENEFITS", "CONTACT", "WASTE"]);
    expect(d.total).toEqual(a.total);
    expect(d.groups.map((g) => g.overall)).toEqual(a.groups.map((g) => g.overall));
  });

  test("without dates, the dashboard's default range up to today", async () => {
    const d = await dashReport(director, "period=month");
    expect(d.to).toBe(TODAY);
    expect(withoutStatus(d.total.overall)).toEqual(expectedFigures(recount(SPECS)));
  });

  test("a manager sees their own team only, grouped by team whatever they ask", async () => {
    const d = await dashReport(manager, "period=month&from=2026-02-01&to=2026-04-15&groupBy=department");
    expect(d.groups.map((g) => g.code)).toEqual(["CONTACT"]);
    expect(withoutStatus(d.total.overall)).toEqual(expectedFigures(recount(SPECS.filter((s) => s.team === "CONTACT"))));
  });

  test("a manager naming another team or department is refused", async () => {
    expect((await dash(manager, "/sla?team=WASTE")).status).toBe(403);
    expect((await dash(manager, "/sla?department=ENV")).status).toBe(403);
  });

  test("the response filters narrow to the cases their responses match", async () => {
    const range = "period=month&from=2026-02-01&to=2026-04-15";
    const bins = await dashReport(director, `${range}&service=bins`);
    expect(withoutStatus(bins.total.overall)).toEqual(expectedFigures(recount(SPECS.filter((s) => s.service === "bins"))));
    const email = await dashReport(director, `${range}&channel=email&department=CLS`);
    expect(withoutStatus(email.total.overall)).toEqual(expectedFigures(recount(SPECS.filter((s) => s.channel === "email" && DEPARTMENT_OF[s.team] === "CLS"))));
    const themed = await dashReport(director, `${range}&theme=timeliness`);
    expect(themed.total.overall.opened).toBe(2);
  });

  test("400 on a bad filter, 401 without a session", async () => {
    const res = await dash(director, "/sla?groupBy=staff");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path)).toEqual(["groupBy"]);
    expect((await t.app.request("/dashboard/api/sla")).status).toBe(401);
  });
});

describe("GET /dashboard/api/export/sla.csv", () => {
  const parse = (text: string) =>
    text
      .trimEnd()
      .split("\r\n")
      .map((l) => l.split(","));

  test("the same figures as a download: a line per team and month, each team's whole range, and the total", async () => {
    const res = await dash(director, "/export/sla.csv?period=month&from=2026-02-01&to=2026-04-15");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="follow-up-sla-2026-02-01-to-2026-04-15.csv"');
    const [header, ...lines] = parse(await res.text());
    expect(header!.slice(0, 3)).toEqual(["group_code", "group_name", "period"]);
    expect(lines.map((l) => `${l[0]} ${l[2]}`)).toEqual(
      ["BENEFITS", "CONTACT", "WASTE", ""].flatMap((code) => ["2026-02", "2026-03", "2026-04", "all"].map((p) => `${code} ${p}`)),
    );
    const col = (name: string) => header!.indexOf(name);
    const total = lines.at(-1)!;
    const all = recount(SPECS);
    expect(total[col("group_name")]).toBe("All cases");
    expect(Number(total[col("acknowledged_n")])).toBe(all.ackN);
    expect(Number(total[col("acknowledged_in_time_percent")])).toBe(pct(all.ackK / all.ackN));
    expect(Number(total[col("overdue")])).toBe(all.overdue);
    expect(Number(total[col("target_percent")])).toBe(95);
  });

  test("a manager's download holds their team only", async () => {
    const res = await dash(manager, "/export/sla.csv?period=quarter&from=2026-01-01&to=2026-04-15");
    const codes = new Set(
      parse(await res.text())
        .slice(1)
        .map((l) => l[0]),
    );
    expect([...codes]).toEqual(["CONTACT", ""]);
  });
});

describe("the quarterly report's follow-up service standard", () => {
  test("per department and in all, for cases opened in the quarter, with the target", async () => {
    const res = await dash(director, "/report/quarterly?quarter=2026-02-15");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      followUpStandard: { target: number; partial: boolean; departments: (Figures & { department: { code: string } })[]; total: Figures };
    };
    const s = body.followUpStandard;
    expect(s.target).toBe(95);
    expect(s.partial).toBe(false);
    const q1 = SPECS.filter((s) => localDay(s.openedAt) < "2026-04-01");
    expect(s.departments.map((d) => d.department.code)).toEqual(["CLS", "ENV"]);
    for (const d of s.departments) {
      const { department, ...figures } = d;
      expect(withoutStatus(figures), department.code).toEqual(expectedFigures(recount(q1.filter((x) => DEPARTMENT_OF[x.team] === department.code))));
    }
    expect(withoutStatus(s.total)).toEqual(expectedFigures(recount(q1)));
  });

  test("a quarter without cases lists every department with nothing to judge", async () => {
    const res = await dash(director, "/report/quarterly?quarter=2025-08-01");
    const s = ((await res.json()) as { followUpStandard: { departments: (Figures & { department: { code: string } })[] } }).followUpStandard;
    expect(s.departments.map((d) => [d.department.code, d.opened, d.acknowledgedInTime.n, d.acknowledgedInTime.value])).toEqual([
      ["CLS", 0, 0, null],
      ["ENV", 0, 0, null],
    ]);
  });

  test("a manager's report covers their team's cases only", async () => {
    const res = await dash(manager, "/report/quarterly?quarter=2026-02-15");
    const s = ((await res.json()) as { followUpStandard: { departments: (Figures & { department: { code: string } })[]; total: Figures } }).followUpStandard;
    expect(s.departments.map((d) => d.department.code)).toEqual(["CLS"]);
    const q1 = SPECS.filter((x) => x.team === "CONTACT" && localDay(x.openedAt) < "2026-04-01");
    expect(withoutStatus(s.total)).toEqual(expectedFigures(recount(q1)));
  });
});
