import { sql } from "drizzle-orm";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "../../src/db/client";
import { rows } from "../../src/db/sql";
import { rebuildRollup } from "../../src/services/rebuild-rollup";
import { ROLLUP_COLUMNS } from "../../src/services/rollup";
import { newEmptyPostgresDatabase, postgresUrl, releaseTestDatabases } from "../db/test-database";
import { answerSurveys, registerInteractions, serverErrors, type Answer } from "./load";
import { prepareDataDir, startServer, type ServerProcess } from "./server-process";

/*
 * Two servers on one PostgreSQL, customers answering through both; one is killed with SIGKILL
 * mid-load. The other keeps answering (the customers of the dead one carry on through it, as
 * a load balancer would send them), and every answer either server acknowledged is stored,
 * with the report counters equal to a recount.
 */

const POOL = 600;
const KILL_AFTER = 120;
const folders: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) s.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.exited));
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  await releaseTestDatabases();
});

const folder = () => {
  const f = mkdtempSync(join(tmpdir(), "soak-two-"));
  folders.push(f);
  return f;
};

test("SIGKILL one of two servers on one PostgreSQL under load: the other answers on, nothing acknowledged is lost", async () => {
  const url = postgresUrl(await newEmptyPostgresDatabase());
  const apiKey = await prepareDataDir(folder(), url);
  const env = {
    DATABASE_URL: url,
    SESSION_SECRET: "soak-two-servers-session-secret-0123456789",
    TOKEN_PEPPER: "soak-two-servers-token-pepper-0123456789ab",
  };
  const [a, b] = await Promise.all([startServer(folder(), env), startServer(folder(), env)]);
  servers.push(a!, b!);
  const post = (s: ServerProcess, path: string, body: unknown) =>
    fetch(`${s.base}/api/v1${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await post(a!, "/departments", { code: "CLS", name: "Customer and Local Services" })).status).toBe(201);
  expect((await post(b!, "/teams", { code: "CONTACT", name: "Contact Centre", department: "CLS" })).status).toBe(201);
  const deadline = Date.now() + 90_000;
  const pool = await registerInteractions(
    b!.base,
    apiKey,
    Array.from({ length: POOL }, (_, i) => `pool-${i}`),
    { workers: 16, deadline, team: "CONTACT" },
  );
  expect(pool.created).toHaveLength(POOL);

  // Half the customers reach A, half B; A dies after KILL_AFTER acknowledged answers.
  const viaA = pool.created.filter((_, i) => i % 2 === 0);
  const viaB = pool.created.filter((_, i) => i % 2 === 1);
  let killedAt = 0;
  const [fromA, fromB] = await Promise.all([
    answerSurveys(a!.base, viaA, {
      workers: 24,
      deadline,
      onAcknowledged: (n) => {
        if (n !== KILL_AFTER) return;
        a!.kill("SIGKILL");
        killedAt = Date.now();
      },
    }),
    answerSurveys(b!.base, viaB, { workers: 24, deadline }),
  ]);
  expect((await a!.exited).signal).toBe("SIGKILL");
  expect(killedAt).toBeGreaterThan(0);
  expect(fromA.acknowledged.length).toBeLessThan(viaA.length);
  // A's customers that got no answer try again, through B.
  const answeredByA = new Set(fromA.acknowledged.map((x) => x.interactionId));
  const retried = await answerSurveys(
    b!.base,
    viaA.filter((x) => !answeredByA.has(x.id)),
    { workers: 24, deadline },
  );
  for (const r of [fromB, retried]) expect(serverErrors(r.tally)).toBe(0);
  expect(fromB.acknowledged).toHaveLength(viaB.length);
  const acknowledged: Answer[] = [...fromA.acknowledged, ...fromB.acknowledged, ...retried.acknowledged];
  expect(acknowledged).toHaveLength(POOL);

  b!.kill("SIGTERM");
  expect((await b!.exited).code).toBe(0);
  servers.length = 0;

  const db = await openDatabase({ DATA_DIR: folder(), DATABASE_URL: url });
  try {
    const stored = await rows<{ interactionId: number; csat: number; ces: number; csi: number; fcr: string }>(
      db.read,
      sql`select interaction_id as "interactionId", csat, ces, csi, fcr from responses`,
    );
    const byId = new Map(stored.map((r) => [r.interactionId, r]));
    const lost = acknowledged.filter((x) => {
      const r = byId.get(x.interactionId);
      return !r || r.csat !== x.csat || r.ces !== x.ces || r.csi !== x.csi || r.fcr !== x.fcr;
    });
    expect(lost).toEqual([]);
    expect(stored).toHaveLength(POOL);
    // The counters both servers kept equal a recount from the stored answers.
    const snapshot = async () =>
      (
        await rows<Record<string, number | string>>(
          db.read,
          sql`select * from report_rollup order by period, period_start, theme_id, team_id, staff_id, service_id, channel`,
        )
      ).filter((r) => ROLLUP_COLUMNS.some((c) => Math.abs(Number(r[c])) > 1e-9));
    const kept = await snapshot();
    await rebuildRollup(db, { timeZone: "Europe/London", yearStart: 4 });
    expect(await snapshot()).toEqual(kept);
    console.table({
      "acked by A before SIGKILL": fromA.acknowledged.length,
      "acked by B": fromB.acknowledged.length,
      "retried through B": retried.acknowledged.length,
      stored: stored.length,
    });
  } finally {
    await db.close();
  }
});
