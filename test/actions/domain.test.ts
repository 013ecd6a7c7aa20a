import { describe, expect, test } from "vitest";
import {
  categoryChange,
  categoryLabels,
  categoryText,
  compareRefs,
  countByCategory,
  DEFAULT_CATEGORY_LABELS,
  inReviewOrder,
  isOverdue,
  latestAssessment,
  type ActionCategory,
  type Assessment,
} from "../../src/domain/actions";

/** Reviews as [id, date, category]: the id is the order they were entered in. */
const reviews = (...rows: [number, string, ActionCategory][]): Assessment[] => rows.map(([id, date, category]) => ({ id, date, category }));

// Stockton's recommendation 5: on track in May, slipped by October.
const CF5 = reviews([1, "2010-05-17", 2], [2, "2010-10-04", 3]);

describe("the assessment that stands", () => {
  test.each([
    ["no reviews", [], undefined, null],
    ["one review", reviews([1, "2010-05-17", 2]), undefined, 1],
    ["the latest date", CF5, undefined, 2],
    ["the latest date, whatever order they were entered in", reviews([5, "2010-10-04", 1], [6, "2010-05-17", 2]), undefined, 5],
    ["of two for one date, the one entered last (a correction)", reviews([1, "2010-10-04", 3], [2, "2010-10-04", 2]), undefined, 2],
    ["as of a date between reviews", CF5, "2010-09-30", 1],
    ["as of the day of a review, that review", CF5, "2010-10-04", 2],
    ["as of a date before any review", CF5, "2010-01-01", null],
  ] as const)("%s", (_, entries, asOf, id) => {
    expect(latestAssessment(entries, asOf)?.id ?? null).toBe(id);
  });

  test("reviews run oldest first, entries of one date in the order made", () => {
    expect(inReviewOrder(reviews([3, "2010-10-04", 1], [1, "2010-05-17", 2], [2, "2010-10-04", 3])).map((r) => r.id)).toEqual([1, 2, 3]);
  });
});

describe("changed category since the end of the last quarter", () => {
  test.each([
    ["slipped since", CF5, "2010-09-30", "2010-12-31", { from: 2, to: 3 }],
    ["the same category at both ends", CF5, "2010-06-30", "2010-09-30", null],
    ["first assessed in the quarter", CF5, "2010-03-31", "2010-06-30", { from: null, to: 2 }],
    ["never assessed", [], "2010-09-30", "2010-12-31", null],
    ["not assessed by the end of the quarter", CF5, "2009-12-31", "2010-03-31", null],
    [
      "went and came back within the quarter: where it stood at both ends counts",
      reviews([1, "2010-05-17", 2], [2, "2010-08-01", 3], [3, "2010-09-01", 2]),
      "2010-06-30",
      "2010-09-30",
      null,
    ],
    [
      "a review on the last day of the previous quarter belongs to it",
      reviews([1, "2010-06-30", 2], [2, "2010-07-01", 1]),
      "2010-06-30",
      "2010-09-30",
      { from: 2, to: 1 },
    ],
  ] as const)("%s", (_, entries, before, asOf, change) => {
    expect(categoryChange(entries, before, asOf)).toEqual(change);
  });
});

describe("counts, labels and what is overdue", () => {
  test.each([
    [[], { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 }],
    [[null], { 1: 0, 2: 0, 3: 0, 4: 0, none: 1 }],
    [[1, 2, 2, 3, 4, null, 1], { 1: 2, 2: 2, 3: 1, 4: 1, none: 1 }],
  ] as const)("counts of %j", (latest, counts) => {
    expect(countByCategory(latest)).toEqual(counts);
  });

  test("the organisation's labels over the defaults; other numbers are ignored", () => {
    expect(categoryLabels([])).toEqual(DEFAULT_CATEGORY_LABELS);
    expect(
      categoryLabels([
        { category: 1, label: "Achieved Fully" },
        { category: 9, label: "Nonsense" },
      ]),
    ).toEqual({ ...DEFAULT_CATEGORY_LABELS, 1: "Achieved Fully" });
    expect(categoryText(2, DEFAULT_CATEGORY_LABELS)).toBe("2 – On track");
  });

  test.each([
    [null, null, "2010-10-20", false],
    ["2010-12-31", 3, "2010-10-20", false],
    ["2010-10-20", 3, "2010-10-20", false],
    ["2010-10-19", 3, "2010-10-20", true],
    ["2010-10-19", null, "2010-10-20", true],
    ["2010-10-19", 1, "2010-10-20", false],
  ] as const)("due %s, latest %s, on %s: overdue %s", (due, latest, today, overdue) => {
    expect(isOverdue(due, latest, today)).toBe(overdue);
  });

  test("references sort as people count them", () => {
    expect(["CF-10", "cf-2", "CF-1", "7", "10", "SCR-2009.3"].sort(compareRefs)).toEqual(["7", "10", "CF-1", "cf-2", "CF-10", "SCR-2009.3"]);
  });
});
