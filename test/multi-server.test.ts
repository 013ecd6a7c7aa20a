import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { newEmptyPostgresDatabase, postgresUrl, TEST_DIALECT } from "./db/test-database";
import { startSmtp } from "./mail/smtp-server";
import { answerFor, answerSurveys, registerInteractions, serverErrors, type Issued } from "./soak/load";
import { prepareDataDir, startServer, type ServerProcess } from "./soak/server-process";

/*
 * Two server processes on one PostgreSQL database behave as one platform: customers answer
 * through either, both outbox workers send from the same queue and each invitation reaches
 * its customer exactly once, and both servers report the same figures, equal to a count of
 * what was acknowledged.
 */

const servers: ServerProcess[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const s of servers) s.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.exited));
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

const folder = () => {
  const f = mkdtempSync(join(tmpdir(), "two-servers-"));
  folders.push(f);
  return f;
};

async function api(s: ServerProcess, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.base}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const INVITED = 40;
const ANSWERED = 60;

test.runIf(TEST_DIALECT === "postgres")(
  "two servers on one PostgreSQL: answers through both, each invitation sent once, the same summary equal to a count",
  async () => {
    const url = postgresUrl(await newEmptyPostgresDatabase());
    const apiKey = await prepareDataDir(folder(), url);
    const smtp = await startSmtp();
    const env = {
      DATABASE_URL: url,
      SESSION_SECRET: "two-servers-session-secret-0123456789abcdef",
      TOKEN_PEPPER: "two-servers-token-pepper-0123456789abcdefgh",
      SMTP_URL: smtp.url,
      OUTBOX_POLL_SECONDS: "1",
      INVITE_DELAY_MINUTES: "0",
      QUIET_HOURS: "00:00-00:00",
    };
    // Started together: only one of them may apply migrations (the advisory lock); the other waits.
    const [a, b] = await Promise.all([startServer(folder(), env), startServer(folder(), env)]);
    servers.push(a!, b!);
    const both = [a!, b!];

    expect((await api(a!, apiKey, "POST", "/departments", { code: "CLS", name: "Customer and Local Services" })).status).toBe(201);
    expect((await api(b!, apiKey, "POST", "/teams", { code: "CONTACT", name: "Contact Centre", department: "CLS" })).status).toBe(201);

    // Invitations, registered through both servers: both outbox workers then race for them.
    const invited = await Promise.all(
      Array.from({ length: INVITED }, (_, i) =>
        api(both[i % 2]!, apiKey, "POST", "/interactions", {
          channel: "phone",
          team: "CONTACT",
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          externalRef: `invite-${i}`,
          customer: { email: `customer${i}@example.org`, mayContact: true },
        }),
      ),
    );
    expect(invited.map((r) => r.status)).toEqual(Array(INVITED).fill(201));

    // Surveys answered half through each server (registered through the other, for good measure).
    const deadline = Date.now() + 60_000;
    const issued: Issued[] = [];
    for (const [i, s] of both.entries()) {
      const refs = Array.from({ length: ANSWERED / 2 }, (_, n) => `answer-${i}-${n}`);
      const r = await registerInteractions(s.base, apiKey, refs, { workers: 8, deadline, team: "CONTACT" });
      expect(serverErrors(r.tally)).toBe(0);
      issued.push(...r.created);
    }
    const results = await Promise.all(
      both.map((s, i) =>
        answerSurveys(
          s.base,
          issued.filter((_, n) => n % 2 === i),
          { workers: 8, deadline },
        ),
      ),
    );
    for (const r of results) expect(serverErrors(r.tally)).toBe(0);
    const acknowledged = results.flatMap((r) => r.acknowledged);
    expect(acknowledged).toHaveLength(ANSWERED);

    // Every invitation arrives; then a few more poll rounds, in which no second copy may come.
    const until = Date.now() + 30_000;
    while (smtp.received.length < INVITED && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 3_000));
    const recipients = smtp.received.flatMap((m) => m.rcpt).sort();
    expect(recipients).toEqual(Array.from({ length: INVITED }, (_, i) => `customer${i}@example.org`).sort());
    await smtp.stop();

    // Both servers report the same, and it is what was acknowledged, counted by hand.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const query = `/reports/summary?groupBy=team&period=month&from=${day(-40)}&to=${day(1)}`;
    const [fromA, fromB] = await Promise.all(both.map((s) => api(s, apiKey, "GET", query)));
    expect(fromA!.status).toBe(200);
    expect(fromB!.body).toEqual(fromA!.body);
    const rows = fromA!.body.rows as { scores: { responses: number; issued: number; csat: { n: number; value: number } } }[];
    const total = rows.reduce(
      (sum, r) => ({ responses: sum.responses + r.scores.responses, issued: sum.issued + r.scores.issued, csatN: sum.csatN + r.scores.csat.n }),
      { responses: 0, issued: 0, csatN: 0 },
    );
    expect(total).toEqual({ responses: ANSWERED, issued: ANSWERED + INVITED, csatN: ANSWERED });
    const satisfied = acknowledged.filter((x) => answerFor(x.interactionId).csat >= 4).length;
    // Within one month (the usual case) the one row's share is the hand count's.
    if (rows.length === 1) expect(rows[0]!.scores.csat.value).toBeCloseTo((100 * satisfied) / ANSWERED, 1);
  },
  120_000,
);
