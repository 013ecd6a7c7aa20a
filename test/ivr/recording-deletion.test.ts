import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { asc } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { DAY, MINUTE } from "../../src/clock";
import type { Database } from "../../src/db/database";
import { ivrCalls, recordingDeletions } from "../../src/db/schema";
import { createOutboxWorker } from "../../src/workers/outbox-worker";
import { erasePerson } from "../../src/services/privacy/erase";
import { applyRetention } from "../../src/services/privacy/retention";
import { AUTH_TOKEN, SimulatedCaller } from "./caller";
import { callOf, phoneSurveyApp, responseOf, VOICE } from "./setup";

const ACCOUNT_SID = `AC${"a1".repeat(16)}`;
const RECORDING_SID = `RE${"b2".repeat(16)}`;
const TRANSCRIPTION_SID = `TR${"c3".repeat(16)}`;
const ENTRY = `${VOICE}?team=CONTACT&staff=alice&lang=en`;

type Seen = { method: string; url: string; authorization: string | undefined };

/**
 * Twilio's REST API as far as deleting goes, on loopback: "down" drops the connection without
 * a reply, "busy" answers 503, "up" deletes (204) and then answers 404 for the same resource.
 */
async function fakeTwilio() {
  const seen: Seen[] = [];
  const deleted = new Set<string>();
  let mode: "down" | "busy" | "up" = "up";
  const server: Server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    if (mode === "down") return void req.socket.destroy();
    if (mode === "busy") return void res.writeHead(503, { "Content-Type": "application/json" }).end('{"message":"Service Unavailable"}');
    const url = req.url ?? "";
    if (req.method !== "DELETE" || deleted.has(url)) return void res.writeHead(404).end();
    deleted.add(url);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    deleted,
    set: (m: typeof mode) => void (mode = m),
  };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A caller from +44 7700 900123 answers, leaves a comment, and Twilio transcribes it. */
async function surveyedCall(t: Awaited<ReturnType<typeof phoneSurveyApp>>) {
  const caller = new SimulatedCaller(t.app);
  await caller.dial(ENTRY);
  for (const key of ["4", "6", "5", "1"]) await caller.press(key);
  const transcriptionUrl = caller.transcriptionUrl();
  await caller.leaveComment(RECORDING_SID);
  const res = await caller.send(transcriptionUrl, {
    TranscriptionStatus: "completed",
    TranscriptionText: "The adviser, Zebulon, sorted my bins out",
    TranscriptionSid: TRANSCRIPTION_SID,
    RecordingSid: RECORDING_SID,
  });
  expect(res.status).toBe(200);
  return caller;
}

const queue = (t: { db: Database }) =>
  t.db.read
    .select({ resource: recordingDeletions.resource, status: recordingDeletions.status, attempts: recordingDeletions.attempts })
    .from(recordingDeletions)
    .orderBy(asc(recordingDeletions.resource));

describe("recordings and transcriptions are deleted at Twilio", () => {
  test("erase --phone finds a webhook caller by the hash of From, and the deletions survive an outage", async () => {
    const twilio = await fakeTwilio();
    const t = await phoneSurveyApp({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_API_BASE_URL: twilio.url });
    const caller = await surveyedCall(t);
    expect((await callOf(t.db.read, caller.callSid))!).toMatchObject({ transcriptionSid: TRANSCRIPTION_SID });

    // The caller's number was never stored, but the erasure finds their call by it.
    const erased = await erasePerson(t.ctx, { phone: "07700 900123" });
    expect(erased).toMatchObject({ interactions: 1, comments: 1, recordings: 2 });
    expect((await responseOf(t.db.read, caller.callSid))!).toMatchObject({ csat: 4, comment: null });
    expect((await callOf(t.db.read, caller.callSid))!).toMatchObject({ recordingUrl: null, transcriptionSid: null });
    expect(await queue(t)).toEqual([
      { resource: `Recordings/${RECORDING_SID}`, status: "pending", attempts: 0 },
      { resource: `Transcriptions/${TRANSCRIPTION_SID}`, status: "pending", attempts: 0 },
    ]);

    // Twilio unreachable, then overloaded: nothing is lost, each try waits longer.
    const worker = createOutboxWorker(t.ctx, { send: () => Promise.reject(new Error("no mail in this test")) });
    twilio.set("down");
    await worker.processDue();
    expect((await queue(t)).map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 1],
      ["pending", 1],
    ]);
    await worker.processDue(); // not due yet: the first retry waits a minute
    expect(twilio.seen).toHaveLength(2);
    twilio.set("busy");
    t.clock.advance(MINUTE);
    await worker.processDue();
    expect((await queue(t)).map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 2],
      ["pending", 2],
    ]);

    twilio.set("up");
    t.clock.advance(2 * MINUTE);
    await worker.processDue();
    expect((await queue(t)).map((r) => [r.status, r.attempts])).toEqual([
      ["done", 3],
      ["done", 3],
    ]);
    const base = `/2010-04-01/Accounts/${ACCOUNT_SID}`;
    expect([...twilio.deleted].sort()).toEqual([`${base}/Recordings/${RECORDING_SID}.json`, `${base}/Transcriptions/${TRANSCRIPTION_SID}.json`]);
    const basic = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;
    expect(twilio.seen.every((s) => s.method === "DELETE" && s.authorization === basic)).toBe(true);

    // Done is done: later passes ask nothing more.
    t.clock.advance(DAY);
    await worker.processDue();
    expect(twilio.seen).toHaveLength(6);
  });

  test("retention deletes old recordings at Twilio; one already deleted by hand (404) counts as done", async () => {
    const twilio = await fakeTwilio();
    const t = await phoneSurveyApp({ TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_API_BASE_URL: twilio.url, RETENTION_DAYS: 30 });
    const caller = await surveyedCall(t);
    twilio.deleted.add(`/2010-04-01/Accounts/${ACCOUNT_SID}/Transcriptions/${TRANSCRIPTION_SID}.json`);
    t.clock.advance(31 * DAY);

    expect(await applyRetention(t.ctx)).toMatchObject({ recordings: 1 });
    expect((await callOf(t.db.read, caller.callSid))!).toMatchObject({ recordingUrl: null, transcriptionSid: null });
    const worker = createOutboxWorker(t.ctx, { send: () => Promise.reject(new Error("no mail in this test")) });
    await worker.processDue();
    expect((await queue(t)).map((r) => r.status)).toEqual(["done", "done"]);
    expect(twilio.seen).toHaveLength(2);
  });

  test("without TWILIO_ACCOUNT_SID the deletions wait in the queue", async () => {
    const t = await phoneSurveyApp();
    await surveyedCall(t);
    t.clock.advance(400 * DAY);
    await applyRetention(t.ctx);
    await createOutboxWorker(t.ctx, { send: () => Promise.reject(new Error("no mail in this test")) }).processDue();
    expect((await queue(t)).map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    expect(await t.db.read.select({ url: ivrCalls.recordingUrl }).from(ivrCalls)).toEqual([{ url: null }]);
  });

  test("a withheld number is not hashed; erase by another number finds nothing", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.expectTwiml(await caller.send(ENTRY, { From: "anonymous" }));
    expect(await erasePerson(t.ctx, { phone: "07700 900123" })).toMatchObject({ interactions: 0 });
  });
});
