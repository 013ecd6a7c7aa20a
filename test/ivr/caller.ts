import { randomBytes } from "node:crypto";
import twilio from "twilio";
import { expect } from "vitest";
import { twimlProblems } from "./twiml-allowlist";
import { parseXml, walk, type XmlElement } from "./xml";

export const AUTH_TOKEN = "twilio-test-auth-token-0123456789abcdef";

type App = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export function newCallSid(): string {
  return `CA${randomBytes(16).toString("hex")}`;
}

type Sent = { url: string; params: Record<string, string>; signature: string };

/**
 * A caller on a Twilio number, as the app sees it: every request is signed with the twilio
 * package's own function, every answer must be well-formed TwiML within the allow-list, and the
 * next request goes to the action URL the last document named, as Twilio would.
 */
export class SimulatedCaller {
  readonly callSid = newCallSid();
  doc: XmlElement | null = null;
  private sent: Sent | null = null;

  constructor(
    private readonly app: App,
    private readonly opts: { authToken?: string; toServer?: (publicUrl: string) => string } = {},
  ) {}

  private callParams(): Record<string, string> {
    return {
      AccountSid: "AC00000000000000000000000000000000",
      ApiVersion: "2010-04-01",
      CallSid: this.callSid,
      CallStatus: "in-progress",
      Direction: "inbound",
      From: "+447700900123",
      To: "+441632960000",
    };
  }

  /** Sends a signed webhook as Twilio would; returns the raw response. */
  async send(url: string, extra: Record<string, string> = {}, signature?: string): Promise<Response> {
    const params = { ...this.callParams(), ...extra };
    const sig = signature ?? twilio.getExpectedTwilioSignature(this.opts.authToken ?? AUTH_TOKEN, url, params);
    this.sent = { url, params, signature: sig };
    return this.app.request(this.opts.toServer ? this.opts.toServer(url) : url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": sig },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** Checks the answer is TwiML we may send to Twilio, and keeps it as the current document. */
  async expectTwiml(res: Response): Promise<XmlElement> {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    const doc = parseXml(await res.text());
    expect(twimlProblems(doc)).toEqual([]);
    this.doc = doc;
    return doc;
  }

  async dial(url: string): Promise<XmlElement> {
    return this.expectTwiml(await this.send(url));
  }

  private current(verb: string): XmlElement {
    const el = this.doc && [...walk(this.doc)].find((e) => e.name === verb);
    if (!el) throw new Error(`the caller was not offered a <${verb}>: ${JSON.stringify(this.said())}`);
    return el;
  }

  /** A key on the keypad ("" is silence until the Gather times out). */
  async press(digits: string): Promise<XmlElement> {
    const gather = this.current("Gather");
    return this.expectTwiml(await this.send(gather.attrs.action!, { Digits: digits }));
  }

  async silence(): Promise<XmlElement> {
    return this.press("");
  }

  /** Speaks a comment and presses "#": Twilio posts the recording to the <Record> action. */
  async leaveComment(recordingSid = "RE0123456789abcdef0123456789abcdef"): Promise<XmlElement> {
    const rec = this.current("Record");
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/${recordingSid}`;
    return this.expectTwiml(
      await this.send(rec.attrs.action!, { RecordingUrl: recordingUrl, RecordingDuration: "12", RecordingSid: recordingSid, Digits: "#" }),
    );
  }

  /** The transcription callback named by the <Record>, as Twilio sends it after the call. */
  transcriptionUrl(): string {
    return this.current("Record").attrs.transcribeCallback!;
  }

  async transcribe(url: string, text: string): Promise<Response> {
    return this.send(url, { TranscriptionStatus: "completed", TranscriptionText: text, TranscriptionSid: "TR0", RecordingSid: "RE0" });
  }

  /** The X-Twilio-Signature of the last request, to replay it against something else. */
  get lastSignature(): string {
    return this.sent!.signature;
  }

  /** Twilio retrying the last webhook, byte for byte. */
  async redeliver(): Promise<Response> {
    const s = this.sent!;
    return this.app.request(this.opts.toServer ? this.opts.toServer(s.url) : s.url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": s.signature },
      body: new URLSearchParams(s.params).toString(),
    });
  }

  /** Everything the current document says, in order. */
  said(): string[] {
    return this.doc ? [...walk(this.doc)].filter((e) => e.name === "Say").map((e) => e.text) : [];
  }

  verbs(): string[] {
    return this.doc ? this.doc.children.map((e) => e.name) : [];
  }
}
