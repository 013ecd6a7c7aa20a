import { describe, expect, test } from "vitest";
import { formatDate, LANGUAGES, messages, questionText, textDirection, type Language } from "../../src/i18n/index";

/** Every string in a catalogue, with functions called on a marker value. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") return [[`${path}()`, String((value as (arg: string) => string)("«X»"))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const others = LANGUAGES.filter((l) => l !== "en");

describe("message catalogue", () => {
  test.each(LANGUAGES)("%s: every string is filled in and every placeholder is used", (lang: Language) => {
    const all = leaves(messages(lang));
    expect(all.length).toBe(leaves(messages("en")).length);
    for (const [path, text] of all) {
      expect(text.trim(), path).not.toBe("");
      if (path.endsWith("()")) expect(text, path).toContain("«X»");
    }
  });

  test.each(others)("%s is translated, not copied from English", (lang: Language) => {
    const en = new Map(leaves(messages("en")));
    const same = leaves(messages(lang)).filter(([path, text]) => path !== "locale" && en.get(path) === text);
    expect(same).toEqual([]);
  });

  test.each(LANGUAGES)("%s: the answers on each scale are all different", (lang: Language) => {
    const q = messages(lang).questions;
    for (const labels of [q.csat.labels, q.ces.labels, q.csi.labels, q.fcr.labels]) {
      const words = Object.values(labels);
      expect(new Set(words).size).toBe(words.length);
    }
  });

  test("English wording is exactly the product's", () => {
    expect(questionText("en", "csat", "Anyshire Council")).toBe("Overall, how satisfied were you with the help we gave you?");
    expect(questionText("en", "ces", "Anyshire Council")).toBe("Anyshire Council made it easy for me to get the help I needed.");
    expect(questionText("en", "csi", "Anyshire Council")).toBe("How did dealing with us make you feel?");
    expect(questionText("en", "fcr", "Anyshire Council")).toBe("Was your enquiry fully resolved?");
    const q = messages("en").questions;
    expect([q.csat.labels[1], q.csat.labels[5]]).toEqual(["Very dissatisfied", "Very satisfied"]);
    expect([q.ces.labels[1], q.ces.labels[7]]).toEqual(["Strongly disagree", "Strongly agree"]);
    expect([q.csi.labels[1], q.csi.labels[5]]).toEqual(["Very unhappy", "Very happy"]);
    expect(q.fcr.labels).toEqual({ yes: "Yes", partly: "Partly", no: "No" });
  });

  test("only Arabic is right to left; dates are written in each language", () => {
    expect(LANGUAGES.filter((l) => textDirection(l) === "rtl")).toEqual(["ar"]);
    const at = Date.UTC(2026, 2, 9, 12);
    expect(formatDate("en", at, "Europe/London")).toBe("9 March 2026");
    expect(formatDate("cy", at, "Europe/London")).toBe("9 Mawrth 2026");
    expect(formatDate("pl", at, "Europe/London")).toBe("9 marca 2026");
  });
});
