import { describe, expect, it, test } from "vitest";
import { advance, answerFromDigit, MAX_TURNS, stepName, type Outcome, type Turn } from "../../src/ivr/flow";

const turn = (question: Turn["question"], failures = 0, seq = 3): Turn => ({ seq, question, failures });
const ask = (question: Turn["question"], failures: number, notice: "invalid" | null = null): Outcome["next"] => ({ kind: "ask", question, failures, notice });

describe("answerFromDigit", () => {
  test.each([
    ["csat", "1", 1],
    ["csat", "5", 5],
    ["csat", "6", null],
    ["csat", "0", null],
    ["ces", "7", 7],
    ["ces", "8", null],
    ["csi", "5", 5],
    ["csi", "9", null],
    ["fcr", "1", "yes"],
    ["fcr", "2", "partly"],
    ["fcr", "3", "no"],
    ["fcr", "4", null],
    ["csat", "*", null],
    ["csat", "#", null],
    ["csat", "", null],
    ["csat", "12", null],
    ["csat", "a", null],
  ] as const)("%s %j -> %j", (question, digits, value) => {
    const answer = answerFromDigit(question, digits);
    expect(answer === null ? null : answer.value).toBe(value);
  });
});

describe("advance", () => {
  test.each<[string, Turn, string, Outcome]>([
    ["a valid digit stores and moves on", turn("csat"), "4", { answer: { question: "csat", value: 4 }, next: ask("ces", 0) }],
    ["a valid digit after a failure resets failures", turn("ces", 1), "2", { answer: { question: "ces", value: 2 }, next: ask("csi", 0) }],
    ["the last question leads to the comment", turn("fcr"), "1", { answer: { question: "fcr", value: "yes" }, next: { kind: "comment", notice: null } }],
    ["an invalid digit says sorry and asks again", turn("csat"), "9", { answer: null, next: ask("csat", 1, "invalid") }],
    ["a second invalid digit skips the question", turn("csat", 1), "0", { answer: null, next: ask("ces", 0, "invalid") }],
    ["silence asks once more", turn("csi"), "", { answer: null, next: ask("csi", 1) }],
    ["silence twice skips", turn("csi", 1), "", { answer: null, next: ask("fcr", 0) }],
    ["silence twice on the last question goes to the comment", turn("fcr", 1), "", { answer: null, next: { kind: "comment", notice: null } }],
    ["an invalid last answer twice goes to the comment with sorry", turn("fcr", 1), "7", { answer: null, next: { kind: "comment", notice: "invalid" } }],
    ["* repeats without a failure", turn("ces", 1), "*", { answer: null, next: ask("ces", 1) }],
    ["# skips", turn("ces"), "#", { answer: null, next: ask("csi", 0) }],
    ["# on the last question goes to the comment", turn("fcr"), "#", { answer: null, next: { kind: "comment", notice: null } }],
    ["too many turns end the call", turn("csat", 0, MAX_TURNS), "*", { answer: null, next: { kind: "goodbye" } }],
  ])("%s", (_name, t, digits, outcome) => {
    expect(advance(t, digits)).toEqual(outcome);
  });

  it("never keeps a caller beyond MAX_TURNS, whatever they press", () => {
    let t: Turn = turn("csat", 0, 1);
    let turns = 0;
    for (;;) {
      const { next } = advance(t, "*");
      turns++;
      if (next.kind !== "ask") break;
      t = { seq: t.seq + 1, question: next.question, failures: next.failures };
    }
    expect(turns).toBe(MAX_TURNS);
  });

  test.each([
    [ask("ces", 0), "ces"],
    [{ kind: "comment", notice: null } as const, "comment"],
    [{ kind: "goodbye" } as const, "done"],
  ])("stepName(%j) = %s", (next, name) => {
    expect(stepName(next)).toBe(name);
  });
});
