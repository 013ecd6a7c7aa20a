import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request, type ClientRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { inspect } from "./check";
import { answerFor, answerSurveys, registerInteractions, serverErrors, type Issued } from "./load";
import { prepareDataDir, startServer, type ServerProcess } from "./server-process";

/*
 * Issue 6 §2: SIGTERM stops accepting, lets requests in flight finish, closes the outbox
 * worker, the reader threads and the database, and exits 0.
 */

const dataDir = mkdtempSync(join(tmpdir(), "soak-term-"));
const file = join(dataDir, "survey.db");
let server: ServerProcess | undefined;

afterAll(async () => {
  // Only when the test failed before the server exited (killing an exited child does nothing).
  server?.kill("SIGKILL");
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a form POST and sends only the first half of its body: a slow client, mid-upload. */
async function halfSentAnswer(s: ServerProcess, { id, path }: Issued) {
  const page = await (await fetch(s.base + path)).text();
  const csrf = /name="_csrf"[^>]*value="([^"]+)"/.exec(page)![1]!;
  const a = answerFor(id);
  const body = new URLSearchParams({ csat: String(a.csat), ces: String(a.ces), csi: String(a.csi), fcr: a.fcr, comment: a.comment, _csrf: csrf }).toString();
  let req: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    req = request(
      {
        host: "127.0.0.1",
        port: s.port,
        path,
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
  });
  // Marked handled now: if the test fails before awaiting it, the server's end is not reported
  // as an unhandled rejection on top of the real failure.
  status.catch(() => {});
  const half = Math.floor(body.length / 2);
  req!.write(body.slice(0, half));
  return { answer: a, status, finish: () => req.end(body.slice(half)) };
}

/** Opens a new TCP connection for one GET: the error code, or the status. */
function freshConnection(port: number): Promise<string | number> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    req.end();
  });
}

test("SIGTERM under load: accepted requests finish with success, new connections are refused, exit 0 with the database closed", async () => {
  const apiKey = await prepareDataDir(dataDir);
  const s = (server = await startServer(dataDir));
  const post = (path: string, body: unknown) =>
    fetch(`${s.base}/api/v1${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await post("/departments", { code: "CLS", name: "Customer and Local Services" })).status).toBe(201);
  expect((await post("/teams", { code: "CONTACT", name: "Contact Centre", department: "CLS" })).status).toBe(201);
  const refs = Array.from({ length: 700 }, (_, i) => `term-${i}`);
  const { created } = await registerInteractions(s.base, apiKey, refs, { workers: 16, deadline: Date.now() + 60_000, team: "CONTACT" });
  expect(created).toHaveLength(refs.length);

  // Five slow uploads in progress; a round trip on another connection proves they were accepted.
  const slow = await Promise.all(created.slice(0, 5).map((issued) => halfSentAnswer(s, issued)));
  expect(await freshConnection(s.port)).toBe(200);

  // A stream of answers; SIGTERM lands in the middle of it.
  let terminatedAt = 0;
  const stream = answerSurveys(s.base, created.slice(5), {
    workers: 24,
    deadline: Date.now() + 60_000,
    onAcknowledged: (n) => {
      if (n !== 100) return;
      s.kill("SIGTERM");
      terminatedAt = performance.now();
    },
  });
  // Once the server says it is shutting down, its listening socket is closed.
  while (!s.output().includes('"msg":"shutting down"')) await new Promise((r) => setTimeout(r, 10));
  expect(await freshConnection(s.port)).toBe("ECONNREFUSED");

  const answered = await stream;
  // The slow clients finish their uploads after the listener closed: still answered in full.
  for (const r of slow) r.finish();
  const slowStatuses = await Promise.all(slow.map((r) => r.status));
  expect(slowStatuses).toEqual([303, 303, 303, 303, 303]);

  const exit = await s.exited;
  const stoppedMs = performance.now() - terminatedAt;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(s.output()).toMatch(/"msg":"stopped","clean":true/);
  // The last connection closed checkpoints the WAL into the main file and removes it.
  expect(existsSync(`${file}-wal`)).toBe(false);

  // Nothing the server answered was an error, and everything it acknowledged is on disk.
  expect(serverErrors(answered.tally)).toBe(0);
  const acknowledged = [...slow.map((r) => r.answer), ...answered.acknowledged];
  const found = inspect(file, acknowledged, new Set(created.map((c) => c.id)), created);
  expect(found.integrity).toBe("ok");
  expect(found.answersLost).toEqual([]);
  expect(found.rollupResponses).toBe(found.responsesTotal);
  console.table([
    {
      "acked before + after SIGTERM": answered.acknowledged.length,
      posted: answered.posted,
      "broken (not accepted)": answered.tally.broken,
      "slow uploads finished": slowStatuses.filter((x) => x === 303).length,
      "acked found": `${found.answersFound}/${acknowledged.length}`,
      "stored, not acked": found.unacknowledgedStored,
      "SIGTERM to exit (ms)": Math.round(stoppedMs),
    },
  ]);
});
