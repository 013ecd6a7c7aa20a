import { createServer, request, Agent, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import type { Logger } from "../src/deps";
import { gracefulShutdown } from "../src/shutdown";

/** A server whose /slow requests wait until the test lets them go. */
function slowServer() {
  const waiting: (() => void)[] = [];
  let arrived: () => void = () => {};
  const server = createServer((req, res) => {
    if (req.url === "/slow") {
      waiting.push(() => res.end("done"));
      arrived();
    } else res.end("fast");
  });
  const listening = new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
  /** Resolves once a /slow request reached the handler. */
  const nextArrival = () => new Promise<void>((resolve) => (arrived = resolve));
  const release = () => waiting.splice(0).forEach((go) => go());
  return { server, listening, nextArrival, release };
}

function get(port: number, path: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res: IncomingMessage) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function recordingLog() {
  const errors: string[] = [];
  const log: Logger = { info() {}, error: (msg) => errors.push(msg) };
  return { log, errors };
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

describe("gracefulShutdown", () => {
  test("refuses new connections, lets the request in flight finish, then runs the closers in order", async () => {
    const s = slowServer();
    servers.push(s.server);
    const port = await s.listening;
    const arrival = s.nextArrival();
    const inFlight = get(port, "/slow");
    await arrival;

    const order: string[] = [];
    const { log, errors } = recordingLog();
    // "shutting down" is said only once the listener is closed: readers of the log rely on it.
    let listeningWhenSaid: boolean | undefined;
    log.info = (msg) => {
      if (msg === "shutting down") listeningWhenSaid = s.server.listening;
    };
    const done = gracefulShutdown(
      s.server,
      [
        { name: "outbox", close: async () => void order.push("outbox") },
        { name: "database", close: () => void order.push("database") },
      ],
      { timeoutMs: 30_000, log, reason: "SIGTERM" },
    );
    expect(listeningWhenSaid).toBe(false);
    // The listening socket is closed at once: a new connection is refused.
    await expect(get(port, "/fast")).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(order).toEqual([]);

    s.release();
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    const result = await done;
    expect(result).toMatchObject({ clean: true, forced: false, failed: [] });
    expect(order).toEqual(["outbox", "database"]);
    expect(errors).toEqual([]);
  });

  test("keep-alive connections do not hold the shutdown open, idle or busy at the time", async () => {
    const s = slowServer();
    servers.push(s.server);
    // Longer than the test's own timeout: waiting for it would fail the test.
    s.server.keepAliveTimeout = 120_000;
    const port = await s.listening;
    const idle = new Agent({ keepAlive: true });
    const busy = new Agent({ keepAlive: true });
    expect((await get(port, "/fast", idle)).status).toBe(200);
    const arrival = s.nextArrival();
    const inFlight = get(port, "/slow", busy);
    await arrival;

    // node:http closes idle connections when close() is called, but a connection whose
    // request finishes afterwards stays open until its keep-alive timeout unless swept.
    const done = gracefulShutdown(s.server, [], { timeoutMs: 60_000, log: recordingLog().log });
    s.release();
    expect((await inFlight).status).toBe(200);
    expect(await done).toMatchObject({ clean: true, forced: false });
    idle.destroy();
    busy.destroy();
  });

  test("a request still running at the timeout is cut, and the closers still run", async () => {
    const s = slowServer();
    servers.push(s.server);
    const port = await s.listening;
    const arrival = s.nextArrival();
    const stuck = get(port, "/slow");
    await arrival;

    const closed: string[] = [];
    const { log, errors } = recordingLog();
    const result = await gracefulShutdown(s.server, [{ name: "database", close: () => void closed.push("database") }], { timeoutMs: 200, log });
    expect(result).toMatchObject({ clean: false, forced: true, failed: [] });
    expect(closed).toEqual(["database"]);
    await expect(stuck).rejects.toMatchObject({ code: "ECONNRESET" });
    expect(errors.join("\n")).toMatch(/still running/);
  });

  test("a closer that throws or hangs is reported and the ones after it still run", async () => {
    const s = slowServer();
    servers.push(s.server);
    await s.listening;
    const closed: string[] = [];
    const { log, errors } = recordingLog();
    const result = await gracefulShutdown(
      s.server,
      [
        { name: "outbox", close: () => new Promise<void>(() => {}) },
        { name: "readers", close: () => Promise.reject(new Error("worker gone")) },
        { name: "database", close: () => void closed.push("database") },
      ],
      { timeoutMs: 1_000, closerTimeoutMs: 100, log },
    );
    expect(result).toMatchObject({ clean: false, forced: false, failed: ["outbox", "readers"] });
    expect(closed).toEqual(["database"]);
    expect(errors).toEqual(["shutdown: outbox failed", "shutdown: readers failed"]);
  });
});
