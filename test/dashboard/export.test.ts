import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createApp } from "../../src/app";
import { EXPORT_BATCH_ROWS, exportCsvBatch, type ExportCursor } from "../../src/db/queries/dashboard/export";
import { inProcessReads, workerReads, type ReadPool } from "../../src/db/read-pool";
import { interactions, responses } from "../../src/db/schema";
import { firstRow } from "../../src/db/sql";
import { silentLogger } from "../../src/deps";
import { generateDemo } from "../../src/services/demo/generate";
import { createUser } from "../../src/services/users";
import { TEST_DIALECT } from "../db/test-database";
import { createTestApp, seedOrganisation, type TestApp } from "../helpers";
import { signIn } from "./session";

const PASSWORD = "correct horse battery staple";
const YEAR = "?period=month&from=2025-01-01&to=2026-03-01";

/** Every read the export asks of a report pool, passed on to the given one. */
function recording(inner: ReadPool) {
  const calls: { name: string; args: unknown[] }[] = [];
  const pool: ReadPool = {
    run(name, ...args) {
      calls.push({ name, args });
      return inner.run(name, ...args);
    },
    close: () => inner.close(),
  };
  return { pool, calls };
}

/** A demo year with more than two export batches, and an app whose reports go to `reads`. */
async function demoApp(responseCount: number) {
  const t = await createTestApp({}, "2026-03-02T09:00:00Z");
  await generateDemo(t.ctx, { responses: responseCount, seed: 3 });
  await createUser(t.ctx, { email: "director@council.example", role: "director", password: PASSWORD });
  return t;
}

async function exportThrough(t: TestApp, reads: ReadPool) {
  const app = createApp({ db: t.db, clock: t.clock, config: t.config, log: silentLogger, reads });
  const who = await signIn(app, "director@council.example", PASSWORD);
  return app.request(`/dashboard/api/export/responses.csv${YEAR}`, { headers: { Cookie: who.cookie } });
}

const dataLines = (csv: string) => csv.split("\r\n").filter((l, i) => i > 0 && l !== "");

describe("responses export off the answering path", () => {
  test("is read by the report readers in bounded batches, and streamed: a batch is read only when the client wants it", async () => {
    const t = await demoApp(2 * EXPORT_BATCH_ROWS + 500);
    const { pool, calls } = recording(inProcessReads(t.db.read));
    const res = await exportThrough(t, pool);
    expect(res.status).toBe(200);
    // Nothing is read before the client reads the body.
    expect(calls.filter((c) => c.name === "exportCsv")).toHaveLength(0);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    expect(text).toMatch(/^response_id,date,/);
    text += decoder.decode((await reader.read()).value, { stream: true });
    expect(calls.filter((c) => c.name === "exportCsv")).toHaveLength(1);
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += decoder.decode(r.value, { stream: true });
    const exports = calls.filter((c) => c.name === "exportCsv");
    expect(exports).toHaveLength(3);

    const total = await firstRow<{ n: number }>(t.db.read, sql`select count(*) as "n" from ${responses}`);
    const lines = dataLines(text);
    expect(lines).toHaveLength(total!.n);
    const ids = lines.map((l) => Number(l.split(",")[0]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.runIf(TEST_DIALECT === "sqlite")("on SQLite the reader thread makes the same file as the main connection", async () => {
    const t = await demoApp(EXPORT_BATCH_ROWS + 300);
    const thread = workerReads(t.db.file!, 1);
    try {
      const fromThread = await (await exportThrough(t, thread)).text();
      const inProcess = await (await exportThrough(t, inProcessReads(t.db.read))).text();
      expect(dataLines(fromThread).length).toBeGreaterThan(EXPORT_BATCH_ROWS);
      expect(fromThread).toBe(inProcess);
    } finally {
      await thread.close();
    }
  });

  test("keyset batches neither skip nor repeat responses that share a time", async () => {
    const t = await createTestApp();
    const org = await seedOrganisation(t);
    const at = Date.parse("2026-02-10T10:00:00Z");
    await t.db.write(async (tx) => {
      const made = await tx
        .insert(interactions)
        .values(
          Array.from({ length: 23 }, (_, i) => ({
            channel: "phone" as const,
            teamId: org.contact.id,
            occurredAt: at + (i % 3 === 0 ? 0 : i * 1000),
            createdAt: at,
          })),
        )
        .returning({ id: interactions.id, occurredAt: interactions.occurredAt });
      await tx.insert(responses).values(
        made.map((m) => ({
          interactionId: m.id,
          teamId: org.contact.id,
          channel: "phone",
          occurredAt: m.occurredAt,
          csat: 4,
          language: "en",
          confirmedVia: "demo" as const,
          createdAt: at,
          updatedAt: at,
        })),
      );
    });
    const f = { period: "month", from: "2026-02-01", to: "2026-02-28", yearStart: 4, today: "2026-03-01" } as const;
    const whole = await exportCsvBatch(t.db.read, f, "Europe/London", null, 1000);
    let cursor: ExportCursor = null;
    let pieces = "";
    let batches = 0;
    do {
      const batch = await exportCsvBatch(t.db.read, f, "Europe/London", cursor, 4);
      expect(batch.rows).toBeLessThanOrEqual(4);
      pieces += batch.csv;
      cursor = batch.next;
      batches++;
    } while (cursor);
    expect(whole.rows).toBe(23);
    expect(batches).toBe(6);
    expect(pieces).toBe(whole.csv);
  });
});
