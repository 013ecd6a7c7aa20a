import { describe, expect, test } from "vitest";
import { amberMargins, applicableTarget, judgeFigure, targetStatus } from "../../src/domain/targets";

describe("targetStatus", () => {
  test.each([
    [85, 85, "csat", "green"],
    [90, 85, "csat", "green"],
    [84.9, 85, "csat", "amber"],
    [80, 85, "csat", "amber"],
    [79.9, 85, "csat", "red"],
    [0, 60, "fcr", "red"],
    [5.5, 5.7, "ces_mean", "amber"],
    [5.3, 5.7, "ces_mean", "red"],
    [null, 85, "csat", null],
    [90, null, "csat", null],
  ] as const)("%s against %s (%s) is %s", (value, target, measure, expected) => {
    expect(targetStatus(value, target, amberMargins(0.3)[measure])).toBe(expected);
  });

  test("the CES mean's margin is the configured one, in its own unit", () => {
    // 5.43 against 5.5 is 0.07 below: amber with the default 0.3, red with a margin of 0.05.
    expect(targetStatus(5.43, 5.5, amberMargins(0.3).ces_mean)).toBe("amber");
    expect(targetStatus(5.43, 5.5, amberMargins(0.05).ces_mean)).toBe("red");
    expect(amberMargins(0.3)).toMatchObject({ csat: 5, ces_mean: 0.3, response_rate: 5 });
  });
});

describe("judgeFigure", () => {
  const targets = {
    rows: [
      { measure: "csat", departmentId: null, teamId: null, value: 85 },
      { measure: "csat", departmentId: 2, teamId: null, value: 75 },
    ],
    margins: amberMargins(0.3),
  };
  test("a team without its own target is judged by its department's, not the organisation's", () => {
    // The Council Tax team of Revenues (department 2): 70.2% against 75 is amber, not red against 85.
    expect(judgeFigure(targets, "csat", { teamId: 9, departmentId: 2 }, 70.2)).toEqual({ target: 75, status: "amber", margin: 5 });
    expect(judgeFigure(targets, "csat", {}, 70.2)).toEqual({ target: 85, status: "red", margin: 5 });
  });
});

describe("applicableTarget", () => {
  const targets = [
    { measure: "csat", departmentId: null, teamId: null, value: 80 },
    { measure: "csat", departmentId: 1, teamId: null, value: 85 },
    { measure: "csat", departmentId: null, teamId: 7, value: 90 },
    { measure: "fcr", departmentId: null, teamId: null, value: 60 },
  ];
  test.each([
    [{}, 80],
    [{ departmentId: 1 }, 85],
    [{ departmentId: 2 }, 80],
    [{ departmentId: 1, teamId: 7 }, 90],
    [{ departmentId: 1, teamId: 8 }, 85],
  ])("csat for %o is %s", (scope, expected) => {
    expect(applicableTarget(targets, "csat", scope)).toBe(expected);
  });
  test("no target for a measure is null", () => {
    expect(applicableTarget(targets, "ces_mean", { teamId: 7 })).toBeNull();
  });
});
