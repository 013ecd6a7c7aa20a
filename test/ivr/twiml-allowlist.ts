import { walk, type XmlElement } from "./xml";

/**
 * The TwiML voice verbs and attributes the survey may use, written from Twilio's reference
 * (https://www.twilio.com/docs/voice/twiml and its pages for each verb), with the verbs each
 * may nest. Anything else in a document is a mistake Twilio would reject or silently ignore.
 */
export const TWIML_ALLOWED: Record<string, { attrs: readonly string[]; children: readonly string[]; text: boolean }> = {
  Response: { attrs: [], children: ["Say", "Play", "Gather", "Record", "Redirect", "Hangup", "Pause"], text: false },
  Say: { attrs: ["voice", "language", "loop"], children: [], text: true },
  Play: { attrs: ["loop", "digits"], children: [], text: true },
  Gather: {
    attrs: ["input", "action", "method", "timeout", "numDigits", "finishOnKey", "actionOnEmptyResult", "language", "hints", "speechTimeout"],
    children: ["Say", "Play", "Pause"],
    text: false,
  },
  Record: {
    attrs: ["action", "method", "timeout", "finishOnKey", "maxLength", "playBeep", "trim", "recordingStatusCallback", "transcribe", "transcribeCallback"],
    children: [],
    text: false,
  },
  Redirect: { attrs: ["method"], children: [], text: true },
  Hangup: { attrs: [], children: [], text: false },
  Pause: { attrs: ["length"], children: [], text: false },
};

/** Every problem with a document, empty when it keeps to the list. */
export function twimlProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== "Response") problems.push(`root is <${root.name}>, not <Response>`);
  for (const el of walk(root)) {
    const rule = TWIML_ALLOWED[el.name];
    if (!rule) {
      problems.push(`<${el.name}> is not an allowed verb`);
      continue;
    }
    for (const a of Object.keys(el.attrs)) if (!rule.attrs.includes(a)) problems.push(`<${el.name} ${a}> is not an allowed attribute`);
    for (const c of el.children) if (!rule.children.includes(c.name)) problems.push(`<${c.name}> may not be nested in <${el.name}>`);
    if (!rule.text && el.text.trim() !== "") problems.push(`<${el.name}> may not hold text`);
    if (rule.text && el.text.trim() === "") problems.push(`<${el.name}> needs text`);
  }
  return problems;
}
