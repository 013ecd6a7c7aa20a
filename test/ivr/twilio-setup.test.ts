import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index";
import { ivrPhrases } from "../../src/i18n/ivr/index";
import { interactions } from "../../src/db/schema";
import { SimulatedCaller } from "./caller";
import { interactionOf, phoneSurveyApp, responseOf, rowCount, VOICE } from "./setup";
import { walk } from "./xml";

describe("where the Twilio survey runs and what it speaks", () => {
  it("works behind a proxy: verifies against PUBLIC_BASE_URL and hands out public action URLs", async () => {
    const publicBase = "https://survey.council.example/feedback";
    const t = await phoneSurveyApp({ PUBLIC_BASE_URL: publicBase });
    // Twilio calls the public address; the proxy strips the prefix and forwards over plain HTTP.
    const toServer = (url: string) => url.replace(publicBase, "http://10.1.2.3:3000");
    const caller = new SimulatedCaller(t.app, { toServer });

    await caller.dial(`${publicBase}/ivr/twilio/voice?team=WASTE`);
    const action = caller.doc!.children.find((e) => e.name === "Gather")!.attrs.action!;
    expect(action.startsWith(`${publicBase}/ivr/twilio/answer?`)).toBe(true);
    await caller.press("5");
    await caller.press("7");
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 5, ces: 7 });
    expect(await interactionOf(t.db.read, caller.callSid)).toMatchObject({ teamId: t.org.waste.id, staffId: null, serviceId: null, language: "en" });
  });

  it("surveys a call registered earlier through the API, in that interaction's language", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    const registered = await t.api("POST", "/interactions", {
      channel: "phone",
      team: "BENEFITS",
      service: "council-tax",
      occurredAt: "2026-03-02T08:55:00Z",
      externalRef: caller.callSid,
      language: "cy",
    });
    expect(registered.status).toBe(201);

    await caller.dial(VOICE);
    const cy = messages("cy");
    expect(caller.said()[0]).toBe(ivrPhrases("cy").intro(4));
    expect(caller.said()[1]).toContain(cy.questions.csat.text);
    const says = [...walk(caller.doc!)].filter((e) => e.name === "Say");
    for (const s of says) expect(s.attrs).toEqual({ voice: "Polly.Gwyneth", language: "cy-GB" });
    await caller.press("3");
    await caller.press("#");
    await caller.press("#");
    await caller.press("3");
    // Twilio cannot transcribe Welsh: the comment is recorded, but no transcription is asked for.
    const record = caller.doc!.children.find((e) => e.name === "Record")!;
    expect(record.attrs.transcribe).toBeUndefined();
    expect(record.attrs.transcribeCallback).toBeUndefined();

    expect(await rowCount(t.db.read, interactions)).toBe(1);
    expect(await responseOf(t.db.read, caller.callSid)).toMatchObject({ csat: 3, fcr: "no", language: "cy" });
    expect(await interactionOf(t.db.read, caller.callSid)).toMatchObject({ teamId: t.org.benefits.id, source: "api" });
  });

  it("speaks Arabic with Twilio's 'arb' voice and the catalogue's words", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(`${VOICE}?team=CONTACT&lang=ar`);
    const question = [...walk(caller.doc!)].find((e) => e.name === "Say" && e.text.includes(messages("ar").questions.csat.text));
    expect(question?.attrs).toEqual({ voice: "Polly.Zeina", language: "arb" });
    expect(question?.text).toContain(messages("ar").questions.csat.labels[5]);
  });

  it("apologises and hangs up when the webhook names an unknown team, storing nothing", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    await caller.dial(`${VOICE}?team=NOPE&lang=pl`);
    expect(caller.verbs()).toEqual(["Say", "Hangup"]);
    expect(caller.said()).toEqual([ivrPhrases("pl").unavailable]);
    expect(await interactionOf(t.db.read, caller.callSid)).toBeUndefined();

    // Neither a team nor an earlier registration: the same apology.
    const other = new SimulatedCaller(t.app);
    await other.dial(VOICE);
    expect(other.said()).toEqual([ivrPhrases("en").unavailable]);
  });

  it("refuses a malformed webhook query with 400 naming the field", async () => {
    const t = await phoneSurveyApp();
    const caller = new SimulatedCaller(t.app);
    const res = await caller.send(`${VOICE}?team=CONTACT&lang=fr`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path)).toEqual(["lang"]);
  });

  describe("with the organisation's own recordings", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ivr-prompts-"));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
    mkdirSync(join(dataDir, "prompts", "en"), { recursive: true });
    const audio = Buffer.from("ID3\u0004fake-mp3-bytes");
    writeFileSync(join(dataDir, "prompts", "en", "csat.mp3"), audio);

    it("plays the recording instead of the voice, and serves it", async () => {
      const t = await phoneSurveyApp({ DATA_DIR: dataDir });
      const caller = new SimulatedCaller(t.app);
      await caller.dial(`${VOICE}?team=CONTACT`);
      const gather = caller.doc!.children.find((e) => e.name === "Gather")!;
      expect(gather.children.map((e) => e.name)).toEqual(["Play"]);
      const url = gather.children[0]!.text;
      expect(url).toBe("http://localhost:3000/ivr/prompts/en/csat.mp3");

      const res = await t.app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/mpeg");
      expect(Buffer.from(await res.arrayBuffer())).toEqual(audio);

      // Prompts without a recording are still spoken.
      await caller.press("4");
      expect(caller.doc!.children.find((e) => e.name === "Gather")!.children.map((e) => e.name)).toEqual(["Say"]);
    });

    it("serves only known prompt names", async () => {
      const t = await phoneSurveyApp({ DATA_DIR: dataDir });
      expect((await t.app.request("/ivr/prompts/en/ces.mp3")).status).toBe(404);
      expect((await t.app.request("/ivr/prompts/en/..%2F..%2Fsession.secret")).status).toBe(400);
      expect((await t.app.request("/ivr/prompts/xx/csat.mp3")).status).toBe(400);
    });
  });
});
