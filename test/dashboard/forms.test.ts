import { describe, expect, test } from "vitest";
import { numberField, placeFieldErrors, plainMessage, rulesFromForm, rulesToForm, targetScope } from "../../web/src/models/forms";
import { previewHtml } from "../../web/src/lib/signature";

describe("settings forms", () => {
  test("theme rules: one per line, blanks dropped, empty languages left out, and back again", () => {
    const rules = rulesFromForm({ "rules.en": " wait*\n\non hold \r\n", "rules.cy": "  \n", "rules.ar": "انتظار" });
    expect(rules).toEqual({ en: ["wait*", "on hold"], ar: ["انتظار"] });
    expect(rulesToForm(rules)).toEqual({ "rules.en": "wait*\non hold", "rules.cy": "", "rules.pl": "", "rules.pt": "", "rules.ar": "انتظار" });
    expect(rulesFromForm({})).toEqual({});
  });

  test.each([
    // [server path, field it lands under, message shown]
    ["name", "name", "Fill this in."],
    ["rules.en.2", "rules.en", "line 3: A rule needs at least one letter or digit"],
    ["team", "scope", "A target is for a department or a team, not both"],
  ])("a server error on %s goes under %s", (path, field, message) => {
    const raw =
      path === "name"
        ? "Too small: expected string to have >=1 characters"
        : path === "team"
          ? "a target is for a department or a team, not both"
          : "a rule needs at least one letter or digit";
    const placed = placeFieldErrors([{ path, message: raw }], ["code", "name", "rules.en", "rules.cy", "scope"], { team: "scope", department: "scope" });
    expect(placed).toEqual({ byField: { [field]: message }, rest: [] });
  });

  test("an empty field says only that it is required; unknown paths are kept apart", () => {
    const placed = placeFieldErrors(
      [
        { path: "code", message: "letters, digits, '_', '.', '-' only" },
        { path: "code", message: "Too small: expected string to have >=1 characters" },
        { path: "(body)", message: "give at least one field to change" },
        { path: "other", message: "odd" },
      ],
      ["code"],
    );
    expect(placed).toEqual({ byField: { code: "Fill this in." }, rest: ["give at least one field to change", "other: odd"] });
  });

  test.each([
    ['Invalid option: expected one of "a"|"b"', "Choose one of the options."],
    ["Invalid input: expected number, received null", "Enter a number."],
    ["Too big: expected string to have <=200 characters", "At most 200 characters."],
    ["Invalid email address", "Enter an email address, like name@example.org."],
    ["a manager needs a team", "A manager needs a team"],
  ])("plainMessage(%s)", (raw, plain) => {
    expect(plainMessage(raw)).toBe(plain);
  });

  test("a target's scope and value", () => {
    expect(targetScope("")).toEqual({});
    expect(targetScope("team:WASTE")).toEqual({ team: "WASTE" });
    expect(targetScope("department:CLS")).toEqual({ department: "CLS" });
    expect(numberField("85")).toBe(85);
    expect(numberField("4,5")).toBe(4.5);
    // Empty is not zero: NaN travels as null and the server names the field.
    expect(JSON.stringify({ v: numberField("") })).toBe('{"v":null}');
  });

  test("the signature preview loads faces from this server, and nothing else changes", () => {
    const html = '<a href="https://rate.example/r/alice/1"><img src="https://rate.example/faces/1.png" alt="Very dissatisfied"></a>';
    expect(previewHtml(html)).toBe('<a href="https://rate.example/r/alice/1"><img src="/faces/1.png" alt="Very dissatisfied"></a>');
  });
});
