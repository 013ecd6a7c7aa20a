import { describe, expect, test } from "vitest";
import {
  addTallies,
  csiIndexValue,
  emptyTally,
  negateTally,
  scoreTally,
  TALLY_FIELDS,
  tallyOfResponse,
  type Answers,
  type Fcr,
  type Tally,
} from "../../src/domain/measures";

const none: Answers = { csat: null, ces: null, csi: null, fcr: null, commentSentiment: null };
const tally = (partial: Partial<Tally>): Tally => ({ ...emptyTally(), ...partial });
const sumOf = (answers: Partial<Answers>[], extra: Partial<Tally> = {}): Tally =>
  answers.map((a) => tallyOfResponse({ ...none, ...a })).reduce(addTallies, tally(extra));

describe("tallyOfResponse", () => {
  test.each<{ answers: Partial<Answers>; expected: Partial<Tally> }>([
    { answers: {}, expected: {} },
    { answers: { csat: 1 }, expected: { csatN: 1 } },
    { answers: { csat: 3 }, expected: { csatN: 1 } },
    { answers: { csat: 4 }, expected: { csatN: 1, csatPos: 1 } },
    { answers: { csat: 5 }, expected: { csatN: 1, csatPos: 1 } },
    { answers: { ces: 1 }, expected: { cesN: 1, cesSum: 1, cesSumSq: 1 } },
    { answers: { ces: 4 }, expected: { cesN: 1, cesSum: 4, cesSumSq: 16 } },
    { answers: { ces: 5 }, expected: { cesN: 1, cesSum: 5, cesSumSq: 25, cesEasy: 1 } },
    { answers: { ces: 7 }, expected: { cesN: 1, cesSum: 7, cesSumSq: 49, cesEasy: 1 } },
    { answers: { csi: 1 }, expected: { csiN: 1, csiNeg: 1, idxN: 1, idxSum: 0, idxSumSq: 0 } },
    { answers: { csi: 2 }, expected: { csiN: 1, csiNeg: 1, idxN: 1, idxSum: 25, idxSumSq: 625 } },
    { answers: { csi: 3 }, expected: { csiN: 1, idxN: 1, idxSum: 50, idxSumSq: 2500 } },
    { answers: { csi: 4 }, expected: { csiN: 1, csiPos: 1, idxN: 1, idxSum: 75, idxSumSq: 5625 } },
    { answers: { csi: 5 }, expected: { csiN: 1, csiPos: 1, idxN: 1, idxSum: 100, idxSumSq: 10000 } },
    // the comment stands in for CSI only when CSI was skipped, and never counts in net sentiment
    // Comment sentiment is its own figure: never in the CSI index.
    { answers: { commentSentiment: 0.5 }, expected: { sentimentN: 1, sentimentPos: 1 } },
    { answers: { commentSentiment: -1 }, expected: { sentimentN: 1, sentimentNeg: 1 } },
    { answers: { commentSentiment: 0 }, expected: { sentimentN: 1 } },
    { answers: { csi: 2, commentSentiment: 1 }, expected: { csiN: 1, csiNeg: 1, idxN: 1, idxSum: 25, idxSumSq: 625, sentimentN: 1, sentimentPos: 1 } },
    // An answer to a survey token is the response rate's numerator.
    { answers: { csat: 3, tokened: true }, expected: { csatN: 1, answered: 1 } },
    { answers: { fcr: "yes" }, expected: { fcrN: 1, fcrYes: 1 } },
    { answers: { fcr: "partly" }, expected: { fcrN: 1 } },
    { answers: { fcr: "no" }, expected: { fcrN: 1 } },
    // a comment counts once towards the themes' share of comments, whatever its tone
    { answers: { commented: true }, expected: { commented: 1 } },
    { answers: { commented: true, commentSentiment: 0.5 }, expected: { commented: 1, sentimentN: 1, sentimentPos: 1 } },
    { answers: { commented: false }, expected: {} },
    {
      answers: { csat: 5, ces: 6, csi: 4, fcr: "yes", commentSentiment: -0.8 },
      expected: {
        csatN: 1,
        csatPos: 1,
        cesN: 1,
        cesSum: 6,
        cesSumSq: 36,
        cesEasy: 1,
        csiN: 1,
        csiPos: 1,
        idxN: 1,
        idxSum: 75,
        idxSumSq: 5625,
        fcrN: 1,
        fcrYes: 1,
        sentimentN: 1,
        sentimentNeg: 1,
      },
    },
  ])("$answers", ({ answers, expected }) => {
    expect(tallyOfResponse({ ...none, ...answers })).toEqual(tally({ responses: 1, ...expected }));
  });

  test.each<Partial<Answers>>([
    { csat: 0 },
    { csat: 6 },
    { csat: 4.5 },
    { ces: 8 },
    { ces: 0 },
    { csi: 0 },
    { csi: 6 },
    { csat: NaN },
    { fcr: "maybe" as Fcr },
    { commentSentiment: 1.5 },
    { commentSentiment: NaN },
  ])("rejects %o", (answers) => {
    expect(() => tallyOfResponse({ ...none, ...answers })).toThrow(RangeError);
  });
});

describe("csiIndexValue", () => {
  test.each<{ answers: Partial<Answers>; value: number | null }>([
    { answers: {}, value: null },
    { answers: { csi: 1 }, value: 0 },
    { answers: { csi: 3 }, value: 50 },
    { answers: { csi: 5 }, value: 100 },
    { answers: { commentSentiment: -1 }, value: null },
    { answers: { commentSentiment: 0.2 }, value: null },
    { answers: { commentSentiment: 1 }, value: null },
    { answers: { csi: 4, commentSentiment: -1 }, value: 75 },
    { answers: { csat: 5 }, value: null },
  ])("$answers -> $value", ({ answers, value }) => {
    const got = csiIndexValue({ ...none, ...answers });
    if (value === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(value, 10);
  });
});

describe("tally arithmetic", () => {
  test("TALLY_FIELDS lists every counter once, in the agreed order", () => {
    expect(TALLY_FIELDS).toEqual([
      "issued",
      "responses",
      "csatN",
      "csatPos",
      "cesN",
      "cesSum",
      "cesSumSq",
      "cesEasy",
      "csiN",
      "csiPos",
      "csiNeg",
      "idxN",
      "idxSum",
      "idxSumSq",
      "fcrN",
      "fcrYes",
      "commented",
      "knownContacts",
      "knownRepeated",
      "knownRequests",
      "answered",
      "sentimentN",
      "sentimentPos",
      "sentimentNeg",
    ]);
    expect(Object.keys(emptyTally()).sort()).toEqual([...TALLY_FIELDS].sort());
  });

  test("adding then negating a response returns to an empty tally with no -0", () => {
    const t = sumOf([{ csat: 4, ces: 2, csi: 1, fcr: "no" }], { issued: 3 });
    const back = addTallies(t, negateTally(t));
    for (const f of TALLY_FIELDS) expect(Object.is(back[f], 0)).toBe(true);
    for (const f of TALLY_FIELDS) expect(Object.is(negateTally(emptyTally())[f], 0)).toBe(true);
  });

  test("adding is field by field", () => {
    expect(addTallies(tally({ issued: 2, csatN: 1 }), tally({ issued: 3, cesSum: 7 }))).toEqual(tally({ issued: 5, csatN: 1, cesSum: 7 }));
  });
});

const hidden = (n: number, tooFew: boolean) => ({ n, value: null, low: null, high: null, tooFew, status: tooFew ? "tooFew" : "notApplicable" });

// Interval bounds are the Wilson / normal values worked by hand (see intervals.test.ts),
// as percentages rounded to 1 decimal (CES mean: 2 decimals).
describe("scoreTally: proportions", () => {
  const csatOf = (scores: number[], minCount: number) => scoreTally(sumOf(scores.map((csat) => ({ csat }))), { minCount }).csat;

  test.each([
    {
      name: "8 of 10 satisfied",
      scores: [5, 5, 4, 4, 5, 4, 5, 4, 2, 3],
      minCount: 10,
      out: { n: 10, value: 80, low: 49, high: 94.3, tooFew: false, status: "ok" },
    },
    {
      name: "all satisfied: never a bare 100% without its interval",
      scores: Array(10).fill(5),
      minCount: 10,
      out: { n: 10, value: 100, low: 72.2, high: 100, tooFew: false, status: "ok" },
    },
    { name: "none satisfied", scores: Array(10).fill(1), minCount: 10, out: { n: 10, value: 0, low: 0, high: 27.8, tooFew: false, status: "ok" } },
    { name: "2 of 3 rounds to 66.7", scores: [4, 5, 1], minCount: 3, out: { n: 3, value: 66.7, low: 20.8, high: 93.9, tooFew: false, status: "ok" } },
    {
      name: "1 of 16 = 6.25 rounds half up to 6.3",
      scores: [5, ...Array(15).fill(3)],
      minCount: 1,
      out: { n: 16, value: 6.3, low: 1.1, high: 28.3, tooFew: false, status: "ok" },
    },
    { name: "one answer with minimum 1", scores: [4], minCount: 1, out: { n: 1, value: 100, low: 20.7, high: 100, tooFew: false, status: "ok" } },
    { name: "below the minimum keeps n, hides the value", scores: Array(9).fill(5), minCount: 10, out: hidden(9, true) },
    { name: "one answer below the default minimum", scores: [1], minCount: 10, out: hidden(1, true) },
    { name: "no answers", scores: [], minCount: 10, out: hidden(0, true) },
    { name: "no answers and no minimum: still no value", scores: [], minCount: 0, out: hidden(0, false) },
  ])("$name", ({ scores, minCount, out }) => {
    expect(csatOf(scores, minCount)).toEqual(out);
  });

  test("FCR counts only yes as resolved; partly is not resolved", () => {
    const s = scoreTally(sumOf([{ fcr: "yes" }, { fcr: "yes" }, { fcr: "partly" }, { fcr: "no" }, { csat: 5 }]), { minCount: 4 });
    expect(s.fcr).toEqual({ n: 4, value: 50, low: 15, high: 85, tooFew: false, status: "ok" });
  });

  test("CES % easy counts 5–7 among CES answers only", () => {
    const s = scoreTally(sumOf([{ ces: 1 }, { ces: 2 }, { ces: 3 }, { ces: 4 }, { ces: 5 }, { csat: 2 }]), { minCount: 5 });
    expect(s.cesEasy).toEqual({ n: 5, value: 20, low: 3.6, high: 62.4, tooFew: false, status: "ok" });
  });

  test.each([
    {
      name: "5 of 20 tokens answered",
      issued: 20,
      responses: 5,
      answered: 5,
      minCount: 10,
      out: { n: 20, value: 25, low: 11.2, high: 46.9, tooFew: false, status: "ok" },
    },
    {
      name: "answers without a token are not in the rate",
      issued: 20,
      responses: 9,
      answered: 5,
      minCount: 10,
      out: { n: 20, value: 25, low: 11.2, high: 46.9, tooFew: false, status: "ok" },
    },
    { name: "few tokens issued", issued: 5, responses: 2, answered: 2, minCount: 10, out: hidden(5, true) },
    { name: "no tokens issued (imported history)", issued: 0, responses: 4, answered: 0, minCount: 10, out: hidden(0, true) },
    {
      name: "more answers than tokens is not a rate",
      issued: 12,
      responses: 13,
      answered: 13,
      minCount: 10,
      out: { ...hidden(0, false), status: "notApplicable" },
    },
    {
      name: "minimum applies to issued, not to responses",
      issued: 10,
      responses: 1,
      answered: 1,
      minCount: 10,
      out: { n: 10, value: 10, low: 1.8, high: 40.4, tooFew: false, status: "ok" },
    },
  ])("response rate: $name", ({ issued, responses, answered, minCount, out }) => {
    const s = scoreTally(tally({ issued, responses, answered }), { minCount });
    expect(s.responseRate).toEqual(out);
    expect([s.issued, s.responses, s.answered, s.withoutToken]).toEqual([issued, responses, answered, responses - answered]);
  });

  test("per theme, the response rate and the repeat-contact figures are not applicable", () => {
    const s = scoreTally(tally({ responses: 12, answered: 12, csatN: 12, csatPos: 6, knownContacts: 12 }), { minCount: 10, perTheme: true });
    expect(s.responseRate.status).toBe("notApplicable");
    expect(s.fcrObserved.status).toBe("notApplicable");
    expect(s.contactsPerRequest.status).toBe("notApplicable");
    expect(s.csat).toMatchObject({ value: 50, status: "ok" });
  });
});

describe("scoreTally: means", () => {
  const cesOf = (scores: number[], minCount: number) => scoreTally(sumOf(scores.map((ces) => ({ ces }))), { minCount }).cesMean;

  test.each([
    // Student t on the answers padded with a 1 and a 7 (intervals.test.ts works the method):
    // [1..5] + 1, 7: centre 23/7, s² = (105 − 23²/7)/6 = 4.904762, half = t(4) · √(s²/7) =
    // 2.776445 · 0.837066 = 2.324056 -> [0.96, 5.61], the low end cut to the scale.
    { name: "1..5", scores: [1, 2, 3, 4, 5], minCount: 5, out: { n: 5, value: 3, low: 1, high: 5.61, tooFew: false, status: "ok" } },
    // [5, 6, 6] + 1, 7: centre 5, s² = 5.5, half = t(2) · √(5.5/5) = 4.51: the whole scale.
    { name: "two decimals", scores: [5, 6, 6], minCount: 3, out: { n: 3, value: 5.67, low: 1, high: 7, tooFew: false, status: "ok" } },
    { name: "interval clamped to 1–7", scores: [1, 7], minCount: 2, out: { n: 2, value: 4, low: 1, high: 7, tooFew: false, status: "ok" } },
    // Three agreeing answers still leave the mean uncertain: centre 5.8, half = 4.302653 · 1.2.
    { name: "all the same", scores: [7, 7, 7], minCount: 3, out: { n: 3, value: 7, low: 1, high: 7, tooFew: false, status: "ok" } },
    // One answer says nothing about the spread: the whole scale, never a point.
    { name: "one answer", scores: [2], minCount: 1, out: { n: 1, value: 2, low: 1, high: 7, tooFew: false, status: "ok" } },
    { name: "too few", scores: [2, 3], minCount: 10, out: hidden(2, true) },
    { name: "none", scores: [], minCount: 0, out: hidden(0, false) },
  ])("CES mean: $name", ({ scores, minCount, out }) => {
    expect(cesOf(scores, minCount)).toEqual(out);
  });

  test("CSI index: 0 and 100 give 50 with the interval clamped to 0–100", () => {
    expect(scoreTally(sumOf([{ csi: 1 }, { csi: 5 }]), { minCount: 2 }).csiIndex).toEqual({ n: 2, value: 50, low: 0, high: 100, tooFew: false, status: "ok" });
  });

  test("CSI index: answered CSI only; comment sentiment is its own figure", () => {
    const t = sumOf([{ csi: 4 }, { commentSentiment: 0.5 }, { commentSentiment: -0.5 }, { commentSentiment: 0.25 }, { csat: 3 }]);
    const s = scoreTally(t, { minCount: 1 });
    expect(s.csiIndex).toMatchObject({ n: 1, value: 75 });
    // 3 comments scored: 2 positive (66.7%), 1 negative (33.3%), net 33.3 points.
    expect(s.sentimentPositive).toMatchObject({ n: 3, value: 66.7, status: "ok" });
    expect(s.sentimentNegative).toMatchObject({ n: 3, value: 33.3, status: "ok" });
    expect(s.sentimentNet).toMatchObject({ n: 3, value: 33.3, status: "ok" });
  });
});

describe("scoreTally: net sentiment", () => {
  const netOf = (scores: number[], minCount: number) => scoreTally(sumOf(scores.map((csi) => ({ csi }))), { minCount }).csiNet;

  test.each([
    // p⁺ = .5, p⁻ = .4, d = .1, Var = (.9 − .01)/10 = .089, half = 1.96·√.089 = .5847
    { name: "mixed", scores: [5, 5, 4, 3, 2, 1, 1, 1, 4, 5], minCount: 10, out: { n: 10, value: 10, low: -48.5, high: 68.5, tooFew: false, status: "ok" } },
    // p⁺ = .9, Var = (.9 − .81)/10 = .009, half = .1859: upper bound clamped to 100
    { name: "clamped at 100", scores: [...Array(9).fill(5), 3], minCount: 10, out: { n: 10, value: 90, low: 71.4, high: 100, tooFew: false, status: "ok" } },
    { name: "all happy", scores: Array(10).fill(5), minCount: 10, out: { n: 10, value: 100, low: 100, high: 100, tooFew: false, status: "ok" } },
    { name: "all unhappy", scores: Array(10).fill(1), minCount: 10, out: { n: 10, value: -100, low: -100, high: -100, tooFew: false, status: "ok" } },
    { name: "all neutral", scores: Array(10).fill(3), minCount: 10, out: { n: 10, value: 0, low: 0, high: 0, tooFew: false, status: "ok" } },
    { name: "one answer", scores: [2], minCount: 1, out: { n: 1, value: -100, low: -100, high: -100, tooFew: false, status: "ok" } },
    { name: "too few", scores: [5, 5], minCount: 10, out: hidden(2, true) },
  ])("$name", ({ scores, minCount, out }) => {
    expect(netOf(scores, minCount)).toEqual(out);
  });

  test("comment sentiment never counts in net sentiment", () => {
    expect(scoreTally(sumOf([{ commentSentiment: 1 }]), { minCount: 0 }).csiNet).toEqual(hidden(0, false));
  });
});

test("each measure counts only its own answers", () => {
  const s = scoreTally(sumOf([{ csat: 5 }, { ces: 7 }, { fcr: "no" }, {}], { issued: 40 }), { minCount: 1 });
  expect([s.responses, s.issued, s.csat.n, s.cesMean.n, s.cesEasy.n, s.csiIndex.n, s.csiNet.n, s.fcr.n, s.responseRate.n]).toEqual([
    4, 40, 1, 1, 1, 0, 0, 1, 40,
  ]);
});
