import { mkdtempSync, rmSync } from "node:fs";
import { ROLLUP_COLUMNS } from "../../src/services/rollup";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../../src/db/client";
import { rows } from "../../src/db/sql";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { inspect } from "./check";
import { answerSurveys, registerInteractions, serverErrors, type Answer, type Registered } from "./load";
import { prepareDataDir, startServer, type ServerProcess } from "./server-process";

/*
 * Issue 6 §2: kill -9 the server while customers are answering surveys and an integrating
 * system is registering interactions; restart it on the same files; nothing it acknowledged
 * may be missing, the file must be intact, and the report counters must still equal a recount.
 * Three kills in one run, each at a different moment of the load.
 */

/** Surveys issued before each round's load; the load answers them. */
const POOL = 900;
/** The kill comes when this many answers have been acknowledged in the round. */
const KILL_AFTER = [25, 600, 250];
const ANSWER_WORKERS = 48;
const REGISTER_WORKERS = 8;
const TEAM = "CONTACT";

const dataDir = mkdtempSync(join(tmpdir(), "soak-kill-"));
const file = join(dataDir, "survey.db");
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server) {
    server.kill("SIGKILL");
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(s: ServerProcess, key: string, path: string, body: unknown) {
  const res = await fetch(`${s.base}/api/v1${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const columns = ROLLUP_COLUMNS;
/** The rollup as sorted rows, without rows whose counters are all zero (they say nothing). */
async function rollupSnapshot(db: Database) {
  const all = await rows<Record<string, number | string>>(
    db.read,
    sql`select * from report_rollup order by period, period_start, theme_id, team_id, staff_id, service_id, channel`,
  );
  return all.filter((r) => columns.some((c) => Math.abs(Number(r[c])) > 1e-9));
}

test("SIGKILL under load, three times: every acknowledged answer and registration survives, the file is intact", async () => {
  const apiKey = await prepareDataDir(dataDir);
  server = await startServer(dataDir);
  const firstStartMs = server.startMs;
  expect((await api(server, apiKey, "/departments", { code: "CLS", name: "Customer and Local Services" })).status).toBe(201);
  expect((await api(server, apiKey, "/teams", { code: TEAM, name: "Contact Centre", department: "CLS" })).status).toBe(201);

  const acknowledged: Answer[] = [];
  const attempted = new Set<number>();
  const registered: Registered[] = [];
  const rounds: Record<string, number | string>[] = [];

  for (const [round, killAfter] of KILL_AFTER.entries()) {
    const s: ServerProcess = server;
    // The surveys this round's customers will answer, registered before the load starts.
    const refs = Array.from({ length: POOL }, (_, i) => `pool-${round}-${i}`);
    const pool = await registerInteractions(s.base, apiKey, refs, { workers: 32, deadline: Date.now() + 60_000, team: TEAM });
    expect(pool.created).toHaveLength(POOL);
    registered.push(...pool.created);
    for (const p of pool.created) attempted.add(p.id);

    // The load: answers and new registrations at once, until the kill breaks every connection.
    const loadStarted = performance.now();
    let killedAfterMs = 0;
    const deadline = Date.now() + 60_000;
    const [answers, registrations] = await Promise.all([
      answerSurveys(s.base, pool.created, {
        workers: ANSWER_WORKERS,
        deadline,
        onAcknowledged: (n) => {
          if (n !== killAfter) return;
          s.kill("SIGKILL");
          killedAfterMs = performance.now() - loadStarted;
        },
      }),
      registerInteractions(
        s.base,
        apiKey,
        Array.from({ length: 50_000 }, (_, i) => `load-${round}-${i}`),
        {
          workers: REGISTER_WORKERS,
          deadline,
          team: TEAM,
        },
      ),
    ]);
    const exit = await s.exited;
    expect(exit.signal, "the server was killed mid-load").toBe("SIGKILL");
    expect(killedAfterMs).toBeGreaterThan(0);
    // Up to the kill, nothing failed: every answer was a 303 and every registration a 201.
    expect(serverErrors(answers.tally) + serverErrors(registrations.tally)).toBe(0);
    expect(answers.acknowledged.length, "the kill came before the load was done").toBeLessThan(POOL);
    acknowledged.push(...answers.acknowledged);
    registered.push(...registrations.created);

    server = await startServer(dataDir);
    const found = inspect(file, acknowledged, attempted, registered);
    expect(found.integrity).toBe("ok");
    expect(found.answersLost).toEqual([]);
    expect(found.registrationsLost).toEqual([]);
    expect(found.rollupResponses).toBe(found.responsesTotal);
    expect(found.rollupIssued).toBe(found.tokensTotal);
    // The restarted server answers again.
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);

    rounds.push({
      round: round + 1,
      "killed after (ms of load)": Math.round(killedAfterMs),
      "answers acked": answers.acknowledged.length,
      "answers posted": answers.posted,
      "registrations 201": registrations.created.length,
      "answer POSTs unanswered": answers.posted - answers.acknowledged.length,
      "acked found (all rounds)": `${found.answersFound}/${acknowledged.length}`,
      "regs found (all rounds)": `${found.registrationsFound}/${registered.length}`,
      "stored, not acked": found.unacknowledgedStored,
      "restart (ms)": Math.round(server.startMs),
      integrity: found.integrity,
    });
  }

  // Finally a clean stop, and a full recount of the report counters from the facts.
  const last: ServerProcess = server;
  last.kill("SIGTERM");
  expect((await last.exited).code).toBe(0);
  server = undefined;
  const db = await openDatabase({ DATA_DIR: dataDir });
  try {
    const kept = await rollupSnapshot(db);
    const stats = await rebuildRollup(db, { timeZone: "Europe/London", yearStart: 4 });
    expect(await rollupSnapshot(db)).toEqual(kept);
    expect(stats.responses).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    await db.close();
  }
  console.log(`first start ${Math.round(firstStartMs)} ms`);
  console.table(rounds);
});
