/**
 * A small TwiML writer: typed constructors for the verbs the survey uses, rendered to XML with
 * every text and attribute escaped. Only verbs and attributes from Twilio's TwiML reference
 * appear here; test/ivr/twiml-allowlist.ts checks every document against that list.
 */

export type TwimlNode = { name: string; attrs: Record<string, string>; children: TwimlNode[]; text?: string };

type AttrValue = string | number | boolean | undefined;

function node(name: string, attrs: Record<string, AttrValue>, children: TwimlNode[] = [], text?: string): TwimlNode {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = String(v);
  return text === undefined ? { name, attrs: clean, children } : { name, attrs: clean, children, text };
}

export const say = (text: string, opts: { voice?: string; language?: string } = {}) => node("Say", { voice: opts.voice, language: opts.language }, [], text);

export const play = (url: string) => node("Play", {}, [], url);

export const pause = (seconds: number) => node("Pause", { length: seconds });

/**
 * One keypad digit. finishOnKey is empty so that "#" arrives as a digit (by default it would end
 * the input and arrive as nothing), and actionOnEmptyResult makes silence call the action too.
 */
export const gatherDigit = (action: string, prompts: TwimlNode[], timeoutSeconds = 5) =>
  node("Gather", { input: "dtmf", numDigits: 1, timeout: timeoutSeconds, finishOnKey: "", actionOnEmptyResult: "true", action, method: "POST" }, prompts);

/** transcribeCallback null: no transcription (Twilio transcribes English recordings only). */
export const record = (opts: { action: string; transcribeCallback: string | null; maxLength: number; timeout: number }) =>
  node("Record", {
    action: opts.action,
    method: "POST",
    maxLength: opts.maxLength,
    timeout: opts.timeout,
    finishOnKey: "#",
    playBeep: "true",
    trim: "trim-silence",
    transcribe: opts.transcribeCallback === null ? undefined : "true",
    transcribeCallback: opts.transcribeCallback ?? undefined,
  });

export const redirect = (url: string) => node("Redirect", { method: "POST" }, [], url);

export const hangup = () => node("Hangup", {});

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text and attribute values, and drops characters XML 1.0 cannot carry at all. */
export function escapeXml(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

function renderNode(n: TwimlNode): string {
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
  const inner = (n.text === undefined ? "" : escapeXml(n.text)) + n.children.map(renderNode).join("");
  return inner === "" ? `<${n.name}${attrs}/>` : `<${n.name}${attrs}>${inner}</${n.name}>`;
}

export function renderTwiml(verbs: TwimlNode[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map(renderNode).join("")}</Response>`;
}
