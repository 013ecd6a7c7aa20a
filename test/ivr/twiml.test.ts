import { describe, expect, it, test } from "vitest";
import { LANGUAGES } from "../../src/domain/languages";
import { QUESTIONS } from "../../src/ivr/flow";
import { goodbyePage, nextPage, unavailablePage, welcomePage, type Voice } from "../../src/ivr/pages";
import { noRecordings, PROMPTS, promptText } from "../../src/ivr/prompts";
import { escapeXml, hangup, renderTwiml, say } from "../../src/ivr/twiml";
import { twimlProblems } from "./twiml-allowlist";
import { parseXml, XmlError } from "./xml";

const voice = (lang: (typeof LANGUAGES)[number], org = 'Cyngor <Sir> & "Co"\'s'): Voice => ({
  lang,
  org,
  recorded: noRecordings,
  links: {
    answer: (t) => `https://x.example/ivr/twilio/answer?seq=${t.seq}&q=${t.question}&f=${t.failures}`,
    recorded: (seq) => `https://x.example/ivr/twilio/recorded?seq=${seq}`,
    transcription: () => "https://x.example/ivr/twilio/transcription",
  },
});

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0000\u0007`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;");
  });

  it("round-trips through a strict parser", () => {
    const text = `Fish & chips <b>"quoted"</b> 'single' — ☎ 😀 \u0001`;
    const doc = parseXml(renderTwiml([say(text, { voice: "Polly.Amy", language: "en-GB" }), hangup()]));
    expect(doc.children[0]!.text).toBe(text.replace("\u0001", ""));
  });
});

describe("every document the survey can send", () => {
  const pages = LANGUAGES.flatMap((lang) => {
    const v = voice(lang);
    return [
      [`${lang} welcome`, welcomePage(v, "csat")],
      ...QUESTIONS.flatMap((q) => [
        [`${lang} ${q}`, nextPage(v, 2, { kind: "ask", question: q, failures: 0, notice: null })],
        [`${lang} ${q} after sorry`, nextPage(v, 2, { kind: "ask", question: q, failures: 1, notice: "invalid" })],
      ]),
      [`${lang} comment`, nextPage(v, 5, { kind: "comment", notice: null })],
      [`${lang} goodbye`, goodbyePage(v)],
      [`${lang} unavailable`, unavailablePage(v)],
    ] as [string, string][];
  });

  test.each(pages)("%s is well-formed TwiML within the allow-list", (_name, xml) => {
    expect(twimlProblems(parseXml(xml))).toEqual([]);
  });

  test.each(LANGUAGES.flatMap((lang) => PROMPTS.map((p) => [lang, p] as const)))("%s %s has words", (lang, prompt) => {
    expect(promptText(lang, prompt, "Our Council").trim().length).toBeGreaterThan(5);
  });
});

describe("the checks themselves catch mistakes", () => {
  test.each([
    ["unclosed element", "<Response><Say>hi</Response>"],
    ["bare ampersand", "<Response><Say>fish & chips</Say></Response>"],
    ["unknown entity", "<Response><Say>&nbsp;</Say></Response>"],
    ["duplicate attribute", '<Response><Say voice="a" voice="b">x</Say></Response>'],
    ["unquoted attribute", "<Response><Pause length=2/></Response>"],
    ["two roots", "<Response/><Response/>"],
    ["markup in an attribute", '<Response><Redirect method="<POST">x</Redirect></Response>'],
  ])("the parser rejects %s", (_name, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  test.each([
    ["an unknown verb", "<Response><Dial>+44</Dial></Response>", "<Dial> is not an allowed verb"],
    ["an unknown attribute", '<Response><Say rate="fast">x</Say></Response>', "<Say rate> is not an allowed attribute"],
    ["a verb nested where it may not be", "<Response><Gather><Record/></Gather></Response>", "<Record> may not be nested in <Gather>"],
    ["text in an empty verb", "<Response><Hangup>now</Hangup></Response>", "<Hangup> may not hold text"],
    ["the wrong root", "<Gather/>", "root is <Gather>, not <Response>"],
  ])("the allow-list flags %s", (_name, xml, problem) => {
    expect(twimlProblems(parseXml(xml))).toContain(problem);
  });
});
