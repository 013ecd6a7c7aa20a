import { describe, expect, test } from "vitest";
import { applicableTarget, targetStatus } from "../../src/domain/targets";

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
    expect(targetStatus(value, target, measure)).toBe(expected);
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
