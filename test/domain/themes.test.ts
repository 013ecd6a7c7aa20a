import { describe, expect, test } from "vitest";
import { DEFAULT_THEMES } from "../../src/domain/default-themes";
import { compileThemes, matchThemes, type ThemeDefinition } from "../../src/domain/themes";

const theme = (id: number, code: string, rules: Record<string, string[]>): ThemeDefinition => ({ id, code, rules });

const THEMES: ThemeDefinition[] = [
  theme(1, "waiting", { en: ["wait*", "on hold", "waiting time"], cy: ["aros"], pl: ["czeka*"], ar: ["*انتظار"] }),
  theme(2, "attitude", { en: ["rude", "helpful", "follow up"], cy: ["cwrtais"], pl: ["niegrzeczn*"] }),
  theme(3, "complaints", { en: ["complain*"], cy: ["cwyn", "gŵyn"], "pt-BR": ["reclama*"] }),
  theme(4, "empty", { en: ["*", "  "] }), // rules with no letters never match
];

describe("matchThemes", () => {
  test.each<{ comment: string; language: string; expected: [string, string[]][] }>([
    { comment: "I was waiting for ages", language: "en", expected: [["waiting", ["waiting"]]] },
    { comment: "Waited, WAITED and waits", language: "en", expected: [["waiting", ["waited", "waits"]]] },
    // whole words only: no "wait" inside "await", no "rude" inside "prudent" or "rudeness"
    { comment: "We await a prudent reply; rudeness aside", language: "en", expected: [] },
    { comment: "kept on   hold", language: "en", expected: [["waiting", ["on hold"]]] },
    { comment: "The waiting time was long", language: "en", expected: [["waiting", ["waiting time"]]] }, // longest rule wins
    { comment: "no follow-up at all", language: "en", expected: [["attitude", ["follow-up"]]] }, // hyphen matches space
    { comment: "Rude. Helpful? rude!", language: "en", expected: [["attitude", ["rude", "helpful"]]] },
    {
      comment: "She was helpful but I had to complain about the wait",
      language: "en",
      expected: [
        ["waiting", ["wait"]],
        ["attitude", ["helpful"]],
        ["complaints", ["complain"]],
      ],
    },
    // a comment's language rules plus English
    {
      comment: "Roedd rhaid aros, but staff were helpful",
      language: "cy",
      expected: [
        ["waiting", ["aros"]],
        ["attitude", ["helpful"]],
      ],
    },
    { comment: "Fe wnes i gŵyn", language: "cy", expected: [["complaints", ["gŵyn"]]] },
    // ŵ is a letter: "gŵynion" is a different word, and \b would have split "gŵyn" at the ŵ
    { comment: "gŵynion", language: "cy", expected: [] },
    {
      comment: "Długo czekałem, pani była NIEGRZECZNA",
      language: "pl",
      expected: [
        ["waiting", ["czekałem"]],
        ["attitude", ["niegrzeczna"]],
      ],
    },
    { comment: "Fiz uma reclamação", language: "pt", expected: [["complaints", ["reclamação"]]] }, // rules stored under "pt-BR"
    { comment: "Fiz uma reclamação", language: "pt-PT", expected: [["complaints", ["reclamação"]]] },
    { comment: "Roedd rhaid aros", language: "en", expected: [] }, // Welsh rules are not used for English comments
    { comment: "طال الانتظار كثيرا", language: "ar", expected: [["waiting", ["الانتظار"]]] }, // leading star: attached article
    { comment: "", language: "en", expected: [] },
  ])("$language: $comment", ({ comment, language, expected }) => {
    const got = matchThemes(comment, language, THEMES).map((m) => [m.code, m.matched]);
    expect(got).toEqual(expected);
  });

  test("returns ids and codes", () => {
    expect(matchThemes("so rude", "en", THEMES)).toEqual([{ themeId: 2, code: "attitude", matched: ["rude"] }]);
  });

  test("curly apostrophes typed on phones match straight ones in rules, and the customer's word is kept", () => {
    const themes = [theme(9, "through", { en: ["couldn't get through"] })];
    expect(matchThemes("I couldn’t get through", "en", themes)[0]?.matched).toEqual(["couldn’t get through"]);
  });

  test("decomposed accents (NFD) match composed rules", () => {
    expect(matchThemes("Fiz uma reclamac\u0327a\u0303o", "pt", THEMES)[0]?.matched).toEqual(["reclamação"]);
  });

  test("Arabic alef and taa marbuta variants are matched either way", () => {
    const themes = [theme(5, "delay", { ar: ["*تأخير"] }), theme(6, "quality", { ar: ["*جودة"] })];
    expect(matchThemes("هناك تاخير و الجوده سيئة", "ar", themes).map((m) => m.matched)).toEqual([["تاخير"], ["الجوده"]]);
  });

  test("regex characters in rules are literal", () => {
    const themes = [theme(7, "ae", { en: ["a&e", "c++", "(ref)"] })];
    expect(matchThemes("went to A&E, then c++ and (ref)", "en", themes)[0]?.matched).toEqual(["a&e", "c++", "(ref)"]);
    expect(matchThemes("aXe", "en", themes)).toEqual([]);
  });

  test("a compiled matcher can be reused across comments and languages", () => {
    const matcher = compileThemes(THEMES);
    expect(matcher.match("czekałem", "pl").map((m) => m.code)).toEqual(["waiting"]);
    expect(matcher.match("czekałem", "en")).toEqual([]);
    expect(matcher.match("rude", "pl").map((m) => m.code)).toEqual(["attitude"]);
  });
});

describe("DEFAULT_THEMES", () => {
  const themes = DEFAULT_THEMES.map((t, i) => ({ id: i + 1, code: t.code, rules: t.rules }));
  const codes = (comment: string, language: string) => matchThemes(comment, language, themes).map((m) => m.code);

  test("has the three themes from the source document and the usual contact-centre ones, with unique codes", () => {
    const all = DEFAULT_THEMES.map((t) => t.code);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(
      expect.arrayContaining([
        "consistency_of_information",
        "customer_feeling",
        "quality_of_service",
        "waiting_time",
        "staff_attitude",
        "accessibility",
        "online_services",
        "complaint_handling",
        "timeliness",
      ]),
    );
    for (const t of DEFAULT_THEMES) {
      for (const lang of ["en", "cy", "pl", "pt", "ar"]) expect(t.rules[lang]?.length, `${t.code}/${lang}`).toBeGreaterThan(0);
    }
  });

  test.each<{ comment: string; language: string; expected: string[] }>([
    { comment: "I was on hold for 40 minutes and the person I spoke to was rude", language: "en", expected: ["waiting_time", "staff_attitude"] },
    { comment: "Every time I call I get told something different", language: "en", expected: ["consistency_of_information"] },
    { comment: "The website kept crashing when I tried to log in", language: "en", expected: ["online_services"] },
    {
      comment: "Made a formal complaint 6 weeks ago and still waiting for a reply",
      language: "en",
      expected: ["waiting_time", "complaint_handling", "timeliness"],
    },
    { comment: "I felt listened to and reassured", language: "en", expected: ["customer_feeling"] },
    { comment: "Excellent service, sorted in one call", language: "en", expected: ["quality_of_service"] },
    { comment: "No interpreter was offered and I am deaf", language: "en", expected: ["accessibility"] },
    { comment: "Roedd y staff yn gwrtais iawn ond roedd rhaid aros", language: "cy", expected: ["waiting_time"] },
    { comment: "Roedd y staff yn gyfeillgar iawn", language: "cy", expected: ["staff_attitude"] },
    { comment: "Czekałem godzinę, a pani była niegrzeczna", language: "pl", expected: ["waiting_time", "staff_attitude"] },
    { comment: "Złożyłem skargę i nikt nie odpowiedział", language: "pl", expected: ["complaint_handling"] },
    { comment: "Esperei muito tempo na fila e ninguém me ajudou", language: "pt", expected: ["waiting_time"] },
    { comment: "O site não funciona e a senha não é aceita", language: "pt", expected: ["online_services"] },
    { comment: "الموظف كان لطيفا لكن الانتظار طويل", language: "ar", expected: ["waiting_time", "staff_attitude"] },
    { comment: "قدمت شكوى ولم يرد أحد", language: "ar", expected: ["complaint_handling", "timeliness"] },
    { comment: "Thank you", language: "en", expected: [] },
  ])("$language: $comment", ({ comment, language, expected }) => {
    expect(codes(comment, language)).toEqual(expected);
  });
});
