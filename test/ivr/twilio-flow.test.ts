import { describe, expect, it } from "vitest";
import { MINUTE } from "../../src/clock";
import { messages } from "../../src/i18n/index";
import { ivrPhrases } from "../../src/i18n/ivr/index";
import { eq } from "drizzle-orm";
import { followUpCases, interactions, ivrCalls, ivrEvents } from "../../src/db/schema";
import { SimulatedCaller } from "./caller";
import { callOf, eventsOf, interactionOf, phoneSurveyApp, responseOf, rollupTotals, rowCount, VOICE } from "./setup";

const en = messages("en");
const sorry = ivrPhrases("en").invalid;
const ENTRY = `${VOICE}?team=CONTACT&staff=alice&service=council-tax&lang=en`;

/** Which question the caller is being asked now, by the action URL Twilio would call. */
function askedNow(caller: SimulatedCaller): { q: string | null; f: string | null } {
  const gather = caller.doc?.children.find((e) => e.name === "Gather");
  if (!gather) return { q: null, f: null };
  const url = new URL(gather.attrs.action!);
  return { q: url.searchParams.get("q"), f: url.searchParams.get("f") };
}

describe("a caller walking the Twilio survey", () => {
  it("answers every question, leaves a comment, and the transcription becomes the comment", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);

    await caller.dial(ENTRY);
    expect(caller.said()[0]).toBe(ivrPhrases("en").intro(4));
    expect(caller.said()[1]).toContain(en.questions.csat.text);
    expect(caller.said()[1]).toContain("Press 1 for Very dissatisfied, up to 5 for Very satisfied.");
    const gather = caller.doc!.children.find((e) => e.name === "Gather")!;
    expect(gather.attrs).toMatchObject({ input: "dtmf", numDigits: "1", timeout: "5", finishOnKey: "" });
    expect(gather.children[0]!.attrs).toEqual({ voice: "Polly.Amy", language: "en-GB" });

    await caller.press("4");
    expect(askedNow(caller).q).toBe("ces");
    expect(caller.said()[0]).toContain(en.questions.ces.text(t.config.ORG_NAME));
    await caller.press("6");
    expect(caller.said()[0]).toContain(en.questions.csi.text);
    await caller.press("5");
    expect(caller.said()[0]).toBe(`${en.questions.fcr.text} Press 1 for Yes, 2 for Partly, 3 for No.`);
    await caller.press("1");

    expect(caller.verbs()).toEqual(["Say", "Record", "Say", "Hangup"]);
    const record = caller.doc!.children.find((e) => e.name === "Record")!;
    expect(record.attrs).toMatchObject({ maxLength: "60", transcribe: "true", finishOnKey: "#" });
    const transcriptionUrl = caller.transcriptionUrl();

    await caller.leaveComment();
    expect(caller.verbs()).toEqual(["Say", "Hangup"]);
    expect(caller.said()).toEqual([ivrPhrases("en").thanks]);

    const res = await caller.transcribe(transcriptionUrl, "The adviser was really helpful. Call me on 07700 900123 or jo.bloggs@example.com");
    expect(res.status).toBe(200);

    const r = (await responseOf(t.db.read, caller.callSid))!;
    expect(r).toMatchObject({ csat: 4, ces: 6, csi: 5, fcr: "yes", channel: "phone", confirmedVia: "ivr", language: "en" });
    expect(r.comment).toContain("The adviser was really helpful.");
    expect(r.comment).not.toContain("07700");
    expect(r.comment).not.toContain("jo.bloggs");
    const i = (await interactionOf(t.db.read, caller.callSid))!;
    expect(i).toMatchObject({ channel: "phone", source: "ivr", teamId: t.org.contact.id, staffId: t.org.alice.id, serviceId: t.org.tax.id });
    expect(await callOf(t.db.read, caller.callSid)).toMatchObject({ step: "done", recordingUrl: expect.stringContaining("/Recordings/") });
    // Four merges and a comment: the report counters still hold one response and one token.
    const totals = await rollupTotals(t.db.read);
    expect(totals.length).toBeGreaterThan(0);
    for (const row of totals) expect(row).toMatchObject({ issued: 1, responses: 1, csatN: 1, csatPos: 1, cesN: 1, cesSum: 6, csiN: 1, fcrN: 1, fcrYes: 1 });
  });

  it("says sorry for a digit off the scale, asks again, and skips after two failures", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);

    await caller.press("9");
    expect(caller.said()[0]).toBe(sorry);
    expect(caller.said()[1]).toContain(en.questions.csat.text);
    expect(askedNow(caller)).toEqual({ q: "csat", f: "1" });

    await caller.press("0");
    expect(caller.said()[0]).toBe(sorry);
    expect(askedNow(caller)).toEqual({ q: "ces", f: "0" });

    await caller.press("8"); // CES runs to 7
    expect(askedNow(caller)).toEqual({ q: "ces", f: "1" });
    await caller.press("7");
    expect(askedNow(caller).q).toBe("csi");
    await caller.press("6");
    await caller.press("3");
    expect(askedNow(caller).q).toBe("fcr");
    await caller.press("4"); // FCR is 1, 2 or 3
    expect(caller.said()[0]).toBe(sorry);
    await caller.press("2");
    expect(caller.verbs()).toContain("Record");

    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: null, ces: 7, csi: 3, fcr: "partly" });
  });

  it("asks once more after silence, then moves on", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);

    await caller.silence();
    expect(caller.said()).toHaveLength(1);
    expect(caller.said()[0]).toContain(en.questions.csat.text);
    expect(askedNow(caller)).toEqual({ q: "csat", f: "1" });
    await caller.silence();
    expect(askedNow(caller)).toEqual({ q: "ces", f: "0" });
    expect(caller.said()[0]).not.toBe(sorry);
    expect(await responseOf(t.db.read, caller.callSid)).toBeUndefined();

    await caller.press("3");
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: null, ces: 3 });
  });

  it("repeats the question on * without counting a failure, and skips it on #", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);

    for (let n = 0; n < 3; n++) {
      await caller.press("*");
      expect(askedNow(caller)).toEqual({ q: "csat", f: "0" });
      expect(caller.said()).toHaveLength(1);
    }
    await caller.press("9");
    await caller.press("*");
    expect(askedNow(caller)).toEqual({ q: "csat", f: "1" });
    await caller.press("5");
    expect(askedNow(caller).q).toBe("ces");

    await caller.press("#");
    expect(askedNow(caller)).toEqual({ q: "csi", f: "0" });
    await caller.press("#");
    await caller.press("#");
    expect(caller.verbs()).toContain("Record");
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 5, ces: null, csi: null, fcr: null });
  });

  it("keeps the answers of a caller who hangs up halfway", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);
    await caller.press("2");
    await caller.press("3");
    // The caller hangs up while CSI is being asked: no more webhooks.
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 2, ces: 3, csi: null, fcr: null, comment: null });
    expect(await callOf(t.db.read, caller.callSid)).toMatchObject({ step: "csi", failures: 0 });
  });

  it("stores a webhook delivered twice only once, and answers the retry with the same TwiML", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);
    const entryAgain = await (await caller.redeliver()).text();
    await caller.press("4");
    const first = (await responseOf(t.db.read, caller.callSid))!;
    const firstXml = caller.doc;

    t.clock.advance(5 * MINUTE);
    const retry = await caller.redeliver();
    expect(await caller.expectTwiml(retry)).toEqual(firstXml);
    expect((await responseOf(t.db.read, caller.callSid))!.updatedAt).toBe(first.updatedAt);
    expect(entryAgain).toContain("<Gather");

    await caller.press("5");
    expect((await eventsOf(t.db.read, caller.callSid)).map((e) => [e.turn, e.step])).toEqual([
      ["1", "ces"],
      ["2", "csi"],
    ]);
    expect(await rowCount(t.db.read, interactions)).toBe(1);
    for (const row of await rollupTotals(t.db.read)) expect(row).toMatchObject({ issued: 1, responses: 1, csatN: 1, cesN: 1 });

    // The transcription callback delivered twice: the comment is stored once.
    await caller.press("#");
    await caller.press("#");
    const url = caller.transcriptionUrl();
    await caller.transcribe(url, "Quick and friendly.");
    const withComment = (await responseOf(t.db.read, caller.callSid))!;
    t.clock.advance(MINUTE);
    await caller.redeliver();
    expect((await responseOf(t.db.read, caller.callSid))!.updatedAt).toBe(withComment.updatedAt);
  });

  it("refuses a bad signature with 403 and stores nothing", async () => {
    const t = await phoneSurveyApp();
    const count = (table: Parameters<typeof rowCount>[1]) => rowCount(t.db.read, table);

    const forged = new SimulatedCaller(t.app, { authToken: "not-the-account-token" });
    expect((await forged.send(ENTRY)).status).toBe(403);
    expect((await forged.send(ENTRY, {}, "")).status).toBe(403);
    expect(await count(interactions)).toBe(0);
    expect(await count(ivrEvents)).toBe(0);

    // A real call in progress; then a keypress whose Digits were changed after signing.
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);
    const action = caller.doc!.children.find((e) => e.name === "Gather")!.attrs.action!;
    const signedForOne = await caller.send(action, { Digits: "1" });
    await signedForOne.text();
    const res = await t.app.request(action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": caller.lastSignature },
      body: new URLSearchParams({ CallSid: caller.callSid, Digits: "5" }).toString(),
    });
    expect(res.status).toBe(403);
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 1 });

    // The same signed request sent to another step's URL is refused too.
    const other = action.replace("q=csat", "q=csi");
    expect((await caller.send(other, { Digits: "1" }, caller.lastSignature)).status).toBe(403);
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 1, csi: null });
    expect(await count(interactions)).toBe(1);
    expect(await count(ivrCalls)).toBe(1);
  });

  it("switches the webhooks off (503) when no Twilio auth token is configured", async () => {
    const t = await phoneSurveyApp({ TWILIO_AUTH_TOKEN: undefined });
    const caller = new SimulatedCaller(t.app);
    const res = await caller.send(ENTRY);
    expect(res.status).toBe(503);
    expect(await interactionOf(t.db.read, caller.callSid)).toBeUndefined();
  });
});

describe("a phone comment that raises a safeguarding concern", () => {
  it("opens an urgent case when the transcription arrives, with the words it matched", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(ENTRY);
    for (const digit of ["4", "6", "5", "1"]) await caller.press(digit);
    const url = caller.transcriptionUrl();
    await caller.leaveComment();
    const r = (await responseOf(t.db.read, caller.callSid))!;
    expect(await t.db.read.select().from(followUpCases).where(eq(followUpCases.responseId, r.id))).toEqual([]);
    await caller.transcribe(url, "Thanks. To be honest my partner hits me and I am scared to go home");
    const [opened] = await t.db.read.select().from(followUpCases).where(eq(followUpCases.responseId, r.id));
    expect(opened).toMatchObject({ priority: "urgent", status: "open" });
    expect(opened!.reasons).toEqual([{ rule: "safeguarding", words: expect.arrayContaining(["partner hits me"]) }]);
  });
});
