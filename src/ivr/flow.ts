/**
 * The phone survey as a state machine of pure functions. The state of a call travels in the
 * action URL of each <Gather> (turn number, question, failures so far), so a retried webhook
 * sees exactly the state it was made for and gets the same answer back; the database only
 * records which turns were handled (once each) and the answers.
 */
import { QUESTION_KEYS, questionOf, type AnswerValue, type QuestionKey } from "../domain/measure-registry";

/** The registry's questions, asked in its order. */
export const QUESTIONS = QUESTION_KEYS;
export type Question = QuestionKey;

/** Failed tries (a digit off the scale, or silence) after which a question is skipped. */
export const MAX_FAILURES = 2;
/** A caller who keeps pressing "*" is not kept on the line for ever. */
export const MAX_TURNS = 40;

/** Where a call stands when a webhook arrives: what the caller was just asked. */
export type Turn = { seq: number; question: Question; failures: number };

export type Answer = { [K in QuestionKey]: { question: K; value: AnswerValue<K> } }[QuestionKey];

export type Next =
  | { kind: "ask"; question: Question; failures: number; notice: "invalid" | null }
  | { kind: "comment"; notice: "invalid" | null }
  | { kind: "goodbye" };

export type Outcome = { answer: Answer | null; next: Next };

/** The lowest digit a question accepts: its scale's, or 1 for the first of its choices. */
export function minDigit(question: Question): number {
  const q = questionOf(question);
  return q.kind === "yesNo" ? 1 : q.scale.min;
}

/** The highest digit a question accepts: its scale's, or the number of its choices (FCR: 1 yes, 2 partly, 3 no). */
export function maxDigit(question: Question): number {
  const q = questionOf(question);
  return q.kind === "yesNo" ? q.choices.length : q.scale.max;
}

/** A keypad digit as an answer to the question, or null when it is not one of the choices. */
export function answerFromDigit(question: Question, digits: string): Answer | null {
  if (!/^[0-9]$/.test(digits)) return null;
  const n = Number(digits);
  if (n < minDigit(question) || n > maxDigit(question)) return null;
  const q = questionOf(question);
  const value = q.kind === "yesNo" ? q.choices[n - 1]! : n;
  return { question, value } as Answer;
}

/** The question after this one, or the comment once the questions are done. */
function after(question: Question, notice: "invalid" | null): Next {
  const next = QUESTIONS[QUESTIONS.indexOf(question) + 1];
  return next === undefined ? { kind: "comment", notice } : { kind: "ask", question: next, failures: 0, notice };
}

/**
 * What the caller's keypress (or silence, "") on a turn leads to. "*" repeats the question
 * and "#" skips it; a digit off the scale says sorry and asks again; silence asks again; the
 * second failure moves on to the next question.
 */
export function advance(turn: Turn, digits: string): Outcome {
  if (turn.seq >= MAX_TURNS) return { answer: null, next: { kind: "goodbye" } };
  const { question, failures } = turn;
  if (digits === "*") return { answer: null, next: { kind: "ask", question, failures, notice: null } };
  if (digits === "#") return { answer: null, next: after(question, null) };
  const answer = digits === "" ? null : answerFromDigit(question, digits);
  if (answer) return { answer, next: after(question, null) };
  const notice = digits === "" ? null : "invalid";
  if (failures + 1 >= MAX_FAILURES) return { answer: null, next: after(question, notice) };
  return { answer: null, next: { kind: "ask", question, failures: failures + 1, notice } };
}

/** The step name stored for a call (ivr_calls.step) once a turn has been handled. */
export function stepName(next: Next): string {
  return next.kind === "ask" ? next.question : next.kind === "comment" ? "comment" : "done";
}
