import { describe, expect, test, vi } from "vitest";
import { ApiError } from "../../web/src/api";
import { formModel } from "../../web/src/models/forms";

const Review = formModel<{ date: string; category: number | null; evidence: string }>();
const names = ["date", "category", "evidence"];
const check = (v: { category: number | null; evidence: string }) => ({
  ...(v.category === null ? { category: "Choose the assessment." } : {}),
  ...(v.evidence.trim() ? {} : { evidence: "Write the evidence of progress." }),
});

describe("form model: refusals before sending, and the line above the form", () => {
  test("what check refuses is not sent: each error under its field, focus on the first in the form's order", async () => {
    const f = new Review({ date: "2026-03-02", category: null, evidence: " " }, names, { check });
    const send = vi.fn(() => Promise.resolve());
    expect(await f.submit(send)).toEqual({ sent: false, first: "category" });
    expect(send).not.toHaveBeenCalled();
    expect(f.errors.value).toEqual({ category: "Choose the assessment.", evidence: "Write the evidence of progress." });
    expect(f.formError.value).toBe("Please correct the fields marked below.");
    expect(f.busy.value).toBe(false);

    f.set("category", 2);
    f.set("evidence", "Done.");
    expect(await f.submit(send)).toEqual({ sent: true });
    expect(send).toHaveBeenCalledWith({ date: "2026-03-02", category: 2, evidence: "Done." });
    expect(f.errors.value).toEqual({});
    expect(f.formError.value).toBeNull();
  });

  test.each([
    ["correct", "Please correct the fields marked below."],
    ["server", "The review date is in the future."],
  ] as const)("aboveFields %s: a refusal of fields only reads %j above the form", async (aboveFields, line) => {
    const f = new Review({ date: "2026-04-01", category: 1, evidence: "Done." }, names, { check, aboveFields });
    const refusal = new ApiError(400, "The review date is in the future.", [{ path: "date", message: "must not be after today (2026-03-02)" }]);
    expect(await f.submit(() => Promise.reject(refusal))).toEqual({ sent: false, first: "date" });
    expect(f.errors.value).toEqual({ date: "Must not be after today (2026-03-02)" });
    expect(f.formError.value).toBe(line);
  });

  test("the server's sentence is kept whatever aboveFields says when no field takes the refusal", async () => {
    const f = new Review({ date: "2026-03-02", category: 1, evidence: "Done." }, names, { aboveFields: "server" });
    await f.submit(() => Promise.reject(new ApiError(409, "Someone else recorded this review.", [{ path: "(body)", message: "Reload the page." }])));
    expect(f.formError.value).toBe("Someone else recorded this review. Reload the page.");
    expect(f.errors.value).toEqual({});
  });

  test("aliases put a server path under the field that takes it", async () => {
    const Target = formModel<{ scope: string; value: string }>();
    const f = new Target({ scope: "department:CLS", value: "80" }, ["scope", "value"], { aliases: { department: "scope", team: "scope" } });
    const r = await f.submit(() =>
      Promise.reject(new ApiError(400, "Check the form.", [{ path: "team", message: "a target is for a department or a team, not both" }])),
    );
    expect(r).toEqual({ sent: false, first: "scope" });
    expect(f.errors.value).toEqual({ scope: "A target is for a department or a team, not both" });
  });
});
