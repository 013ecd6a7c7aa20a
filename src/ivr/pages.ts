/**
 * The TwiML document answering each webhook, as pure functions of where the call goes next.
 * URLs are built by the route from the address Twilio signed, so they point wherever Twilio
 * already reaches this server (behind a proxy, under a path prefix).
 */
import type { Language } from "../domain/languages";
import type { Next, Question, Turn } from "./flow";
import { speak, type RecordedPrompts } from "./prompts";
import { gatherDigit, hangup, record, redirect, renderTwiml, type TwimlNode } from "./twiml";

/** Longest recorded comment, in seconds. */
export const COMMENT_MAX_SECONDS = 60;

export type Links = {
  /** The action for a keypress on this turn. */
  answer(turn: Turn): string;
  /** Where Twilio reports a finished recording. */
  recorded(seq: number): string;
  transcription(): string;
};

export type Voice = { lang: Language; org: string; recorded: RecordedPrompts; links: Links };

/**
 * Asks one question and waits for one digit. Silence calls the action with no digits
 * (actionOnEmptyResult); the <Redirect> after it does the same for a platform that ignores
 * that attribute, so a silent caller is never dropped off the end of the document.
 */
function ask(v: Voice, turn: Turn, before: TwimlNode[]): TwimlNode[] {
  const action = v.links.answer(turn);
  return [...before, gatherDigit(action, [speak(v.lang, turn.question, v.org, v.recorded)]), redirect(action)];
}

/** Thanks and hang up: also what follows a comment left empty (Twilio then skips the action). */
function goodbye(v: Voice): TwimlNode[] {
  return [speak(v.lang, "thanks", v.org, v.recorded), hangup()];
}

function comment(v: Voice, seq: number, before: TwimlNode[]): TwimlNode[] {
  return [
    ...before,
    speak(v.lang, "comment", v.org, v.recorded),
    record({
      action: v.links.recorded(seq),
      // Twilio's transcription understands English only; other languages keep the recording.
      transcribeCallback: v.lang === "en" ? v.links.transcription() : null,
      maxLength: COMMENT_MAX_SECONDS,
      timeout: 5,
    }),
    ...goodbye(v),
  ];
}

/** The first document of a call: the introduction and the first question. */
export function welcomePage(v: Voice, first: Question): string {
  return renderTwiml(ask(v, { seq: 1, question: first, failures: 0 }, [speak(v.lang, "intro", v.org, v.recorded)]));
}

/** The document after turn `seq` was handled. */
export function nextPage(v: Voice, seq: number, next: Next): string {
  if (next.kind === "goodbye") return renderTwiml(goodbye(v));
  const before = next.notice === "invalid" ? [speak(v.lang, "invalid", v.org, v.recorded)] : [];
  if (next.kind === "comment") return renderTwiml(comment(v, seq + 1, before));
  return renderTwiml(ask(v, { seq: seq + 1, question: next.question, failures: next.failures }, before));
}

export function goodbyePage(v: Voice): string {
  return renderTwiml(goodbye(v));
}

/** When the call cannot be surveyed at all; said in the language asked for, or English. */
export function unavailablePage(v: Omit<Voice, "links">): string {
  return renderTwiml([speak(v.lang, "unavailable", v.org, v.recorded), hangup()]);
}
