import { describe, expect, test } from "vitest";
import { commentSentiment, sentimentFromScore } from "../../src/domain/sentiment";

describe("sentimentFromScore: c = s / (|s| + 4)", () => {
  test.each([
    { score: 0, c: 0 },
    { score: 2, c: 1 / 3 },
    { score: -2, c: -1 / 3 },
    { score: 3, c: 3 / 7 },
    { score: 4, c: 0.5 },
    { score: -12, c: -0.75 },
    { score: 1000, c: 1000 / 1004 },
  ])("$score -> $c", ({ score, c }) => {
    expect(sentimentFromScore(score)).toBeCloseTo(c, 10);
  });

  test("stays strictly inside (-1, 1)", () => {
    expect(Math.abs(sentimentFromScore(1e6))).toBeLessThan(1);
  });
});

// AFINN scores: helpful +2, help +2, great +3, excellent +3, thank +2, rude -2, no -1, problem -2, bad -3.
describe("commentSentiment (English)", () => {
  test.each([
    { text: "very helpful", c: 2 / 6 },
    { text: "great", c: 3 / 7 },
    { text: "Excellent service, thank you", c: 5 / 9 },
    { text: "The staff were rude", c: -2 / 6 },
    { text: "Terrible, terrible, terrible, awful, useless, rude", c: -16 / 20 },
    // negation, including the forms the package alone scores as praise
    { text: "not helpful", c: -2 / 6 },
    { text: "Not helpful at all", c: -2 / 6 },
    { text: "wasn't helpful", c: -2 / 6 },
    { text: "wasn’t helpful", c: -2 / 6 }, // curly apostrophe from a phone keyboard
    { text: "didn't help", c: -2 / 6 },
    { text: "not very helpful", c: -2 / 6 },
    { text: "never helpful", c: -2 / 6 },
    { text: "not bad", c: 3 / 7 },
    { text: "no problem at all", c: 1 / 5 }, // no −1, problem −2 flipped to +2
    // negation stays inside its clause
    { text: "No. Very helpful", c: 1 / 5 },
    { text: "Wasn't expecting much, but very helpful", c: 2 / 6 },
    // contact-centre words AFINN lacks or reads otherwise
    { text: "The service is a joke", c: -2 / 6 },
    { text: "Sorted quickly", c: 3 / 7 },
    { text: "unhelpful", c: -2 / 6 },
    // mixed
    { text: "good but slow", c: 2 / 6 },
    { text: "helpful but rude", c: 0 }, // words found, balanced: neutral, not null
  ])("$text -> $c", ({ text, c }) => {
    expect(commentSentiment(text, "en")).toBeCloseTo(c, 10);
  });

  test.each(["", "   ", "Called on Monday about my bin", "3 days", "Ref 12345"])("no sentiment words in %j: null, not neutral", (text) => {
    expect(commentSentiment(text, "en")).toBeNull();
  });

  test("regional English tags are English", () => {
    expect(commentSentiment("great", "en-GB")).toBeCloseTo(3 / 7, 10);
    expect(commentSentiment("great", "EN")).toBeCloseTo(3 / 7, 10);
  });
});

describe("commentSentiment (other languages)", () => {
  test.each([
    ["Roedd y staff yn wych", "cy"],
    ["Obsługa była świetna", "pl"],
    ["O atendimento foi ótimo", "pt"],
    ["الخدمة ممتازة", "ar"],
    ["great", "cy"], // English words in a Welsh comment are not scored either: null until a lexicon exists
  ])("%j (%s) -> null", (text, language) => {
    expect(commentSentiment(text, language)).toBeNull();
  });
});

test("the package's own English is left as it was (our rules are registered under a private code)", async () => {
  const { default: Sentiment } = await import("sentiment");
  expect(new Sentiment().analyze("wasn't helpful").score).toBe(2);
});
