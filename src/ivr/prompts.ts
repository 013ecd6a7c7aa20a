/**
 * What the survey says, per prompt and language: the question and its labels from the survey
 * page's catalogue, the keypad instructions from src/i18n/ivr. An organisation may replace any
 * prompt with its own recording (DATA_DIR/prompts/<lang>/<prompt>.mp3), which is then played
 * instead of the synthetic voice.
 */
import type { Language } from "../domain/languages";
import { isQuestionKey, questionOf } from "../domain/measure-registry";
import { messages, questionText } from "../i18n/index";
import { ivrPhrases } from "../i18n/ivr/index";
import { maxDigit, minDigit, QUESTIONS, type Question } from "./flow";
import { play, say, type TwimlNode } from "./twiml";

export const PROMPTS = ["intro", ...QUESTIONS, "invalid", "comment", "thanks", "unavailable"] as const;
export type PromptName = (typeof PROMPTS)[number];

export function isPromptName(v: string): v is PromptName {
  return (PROMPTS as readonly string[]).includes(v);
}

/**
 * Twilio's <Say> voices (Amazon Polly) and language codes per survey language. Twilio names
 * Modern Standard Arabic "arb"; Welsh has one Polly voice, Gwyneth.
 * https://www.twilio.com/docs/voice/twiml/say/text-speech#available-voices-and-languages
 */
export const VOICES: Record<Language, { voice: string; language: string }> = {
  en: { voice: "Polly.Amy", language: "en-GB" },
  cy: { voice: "Polly.Gwyneth", language: "cy-GB" },
  pl: { voice: "Polly.Ewa", language: "pl-PL" },
  pt: { voice: "Polly.Ines", language: "pt-PT" },
  ar: { voice: "Polly.Zeina", language: "arb" },
};

/** How a question's choices are read: a scale by its ends, choices (FCR) one by one. */
function optionsText(lang: Language, question: Question): string {
  const labels: Record<string | number, string> = messages(lang).questions[question].labels;
  const phrases = ivrPhrases(lang);
  const q = questionOf(question);
  if (q.kind === "yesNo") return phrases.choices(q.choices.map((v, i) => ({ digit: i + 1, label: labels[v]! })));
  const [low, high] = [minDigit(question), maxDigit(question)];
  return phrases.range({ digit: low, label: labels[low]! }, { digit: high, label: labels[high]! });
}

/** The words of a prompt, as the synthetic voice says them. */
export function promptText(lang: Language, prompt: PromptName, org: string): string {
  const m = messages(lang);
  const phrases = ivrPhrases(lang);
  if (isQuestionKey(prompt)) return `${questionText(lang, prompt, org)} ${optionsText(lang, prompt)}`;
  switch (prompt) {
    case "intro":
      return phrases.intro(QUESTIONS.length);
    case "invalid":
      return phrases.invalid;
    case "comment":
      return `${m.questions.comment.text} ${m.questions.comment.hint} ${phrases.commentHowTo}`;
    case "thanks":
      return phrases.thanks;
    case "unavailable":
      return phrases.unavailable;
  }
}

/** Where a recorded prompt is, when the organisation has uploaded one; I/O stays with the caller. */
export type RecordedPrompts = (lang: Language, prompt: PromptName) => string | null;

export const noRecordings: RecordedPrompts = () => null;

/** One prompt as a verb: the organisation's recording when there is one, else the voice. */
export function speak(lang: Language, prompt: PromptName, org: string, recorded: RecordedPrompts): TwimlNode {
  const url = recorded(lang, prompt);
  return url === null ? say(promptText(lang, prompt, org), VOICES[lang]) : play(url);
}
