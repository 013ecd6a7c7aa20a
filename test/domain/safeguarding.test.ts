import { describe, expect, test } from "vitest";
import {
  type ExtraPhrase,
  normalisePhrase,
  SAFEGUARDING_CATEGORIES,
  SAFEGUARDING_LANGUAGES,
  type SafeguardingCategory,
  type SafeguardingLanguage,
  safeguardingMatcher,
} from "../../src/domain/safeguarding";

const match = safeguardingMatcher();
const categories = (text: string) => match(text).map((m) => m.category);

type Row = [language: SafeguardingLanguage, expected: SafeguardingCategory | "none", comment: string];

// One line per comment. "none": must not match (negation, idioms, near misses).
const COMMENTS: Row[] = [
  // English: suicide and self-harm
  ["en", "suicide_self_harm", "I want to end it all"],
  ["en", "suicide_self_harm", "I can't cope anymore and I have thought about ending my life"],
  ["en", "suicide_self_harm", "I'm not coping and want to kill myself"],
  ["en", "suicide_self_harm", "I'm not suicidal but I want to end it all"],
  ["en", "suicide_self_harm", "Honestly I feel suicidal after that call"],
  ["en", "suicide_self_harm", "I have been self-harming since the eviction notice"],
  ["en", "suicide_self_harm", "I don't want to be alive anymore"],
  ["en", "suicide_self_harm", "Everyone would be better off without me"],
  ["en", "suicide_self_harm", "I keep thinking about ending it"],
  ["en", "suicide_self_harm", "I don't know why I want to die"],
  ["en", "suicide_self_harm", "I don't want to live in this world any more"],
  // English: abuse and domestic violence
  ["en", "abuse", "My husband hits me when he's drunk"],
  ["en", "abuse", "I am a victim of domestic abuse and need rehousing"],
  ["en", "abuse", "My partner threatened to kill me last night"],
  ["en", "abuse", "I'm scared to go home because of my partner"],
  ["en", "abuse", "He raped me and the police did nothing"],
  ["en", "abuse", "I'm being abused by my carer"],
  // English: threats to staff or third parties
  ["en", "threat", "I will kill him if he calls me again"],
  ["en", "threat", "I'll burn the office down"],
  ["en", "threat", "Next time I'm going to bring a knife"],
  ["en", "threat", "Tell him I know where he lives"],
  ["en", "threat", "I'm gonna stab someone at that counter"],
  ["en", "threat", "Tell your advisor I'll smash his face in"],
  // English: a child or vulnerable adult at risk
  ["en", "at_risk", "My neighbour's children are left alone all night"],
  ["en", "at_risk", "My elderly mother is being neglected in the care home"],
  ["en", "at_risk", "The kids next door haven't eaten for two days"],
  ["en", "at_risk", "I'm worried the baby upstairs is in danger"],
  ["en", "at_risk", "They leave the baby on its own for hours"],
  ["en", "at_risk", "My disabled neighbour is being exploited by her carer"],
  // English: must not match
  ["en", "none", "This bill is killing me"],
  ["en", "none", "The queue was murder"],
  ["en", "none", "I could have killed for a coffee"],
  ["en", "none", "My back is killing me after standing in that queue"],
  ["en", "none", "I'm dying to know when my bin will be collected"],
  ["en", "none", "The website is abusing my patience"],
  ["en", "none", "A child could use this form"],
  ["en", "none", "I am not suicidal, just frustrated"],
  ["en", "none", "No one hurt me, the staff were lovely"],
  ["en", "none", "I would never hurt myself"],
  ["en", "none", "I would never harm myself"],
  ["en", "none", "I have never self-harmed"],
  ["en", "none", "I have no intention of killing myself"],
  ["en", "none", "I'm not going to hurt anyone, I just want my money back"],
  ["en", "none", "The skill of the advisor was impressive"],
  ["en", "none", "I nearly killed myself tripping on the broken pavement"],
  ["en", "none", "I hurt myself when I fell on the broken kerb"],
  ["en", "none", "I was left alone on hold for an hour"],
  ["en", "none", "I'll kill two birds with one stone and ask about council tax too"],
  ["en", "none", "They hit me with a £90 fine for a late payment"],
  ["en", "none", "I could have died of embarrassment when I had to spell it out"],
  ["en", "none", "I'm a carer for my elderly mother and the service was excellent"],
  ["en", "none", "I don't want to live in this damp flat any more"],
  ["en", "none", "My son is at risk of exclusion from school"],

  // Welsh
  ["cy", "suicide_self_harm", "Dw i wedi meddwl am ladd fy hun"],
  ["cy", "suicide_self_harm", "Dw i eisiau marw, does dim pwynt byw rhagor"],
  ["cy", "suicide_self_harm", "Rwy'n teimlo'n hunanladdol ers misoedd"],
  ["cy", "abuse", "Mae fy ngŵr yn fy nharo i bob wythnos"],
  ["cy", "abuse", "Dw i'n dioddef cam-drin domestig"],
  ["cy", "threat", "Wna i ei ladd e os gwelaf i e eto"],
  ["cy", "threat", "Bydda i'n llosgi'r swyddfa i'r llawr"],
  ["cy", "threat", "Dw i'n mynd i ddod â chyllell y tro nesa"],
  ["cy", "at_risk", "Mae plant fy nghymydog yn cael eu gadael ar eu pennau eu hunain"],
  ["cy", "at_risk", "Mae fy mam oedrannus yn cael ei hesgeuluso"],
  ["cy", "none", "Nid wyf am ladd fy hun"],
  ["cy", "none", "Dydw i ddim eisiau marw"],
  ["cy", "none", "Dw i ddim yn meddwl am hunanladdiad"],
  ["cy", "none", "Does neb yn fy nharo i"],
  ["cy", "none", "Dw i'n marw eisiau gwybod beth ddigwyddodd"],
  ["cy", "none", "Mae'r aros yn fy lladd i"],
  ["cy", "none", "Gallai plentyn lenwi'r ffurflen hon"],
  ["cy", "none", "Dw i ddim eisiau byw yn y fflat yma rhagor"],

  // Polish
  ["pl", "suicide_self_harm", "Nie daję już rady i chcę się zabić"],
  ["pl", "suicide_self_harm", "Myślałam o samobójstwie"],
  ["pl", "suicide_self_harm", "Nie chcę już żyć"],
  ["pl", "abuse", "Mąż mnie bije i grozi mi śmiercią"],
  ["pl", "abuse", "Jestem ofiarą przemocy domowej"],
  ["pl", "threat", "Zabiję go, jak go zobaczę"],
  ["pl", "threat", "Przyjdę z nożem do waszego biura"],
  ["pl", "threat", "Spalę wasze biuro"],
  ["pl", "at_risk", "Dzieci sąsiadów są zostawiane same w domu"],
  ["pl", "at_risk", "Moja starsza mama jest zaniedbana"],
  ["pl", "none", "Nie chcę się zabić"],
  ["pl", "none", "Nikt mnie nie bije"],
  ["pl", "none", "Nigdy nie myślałem o samobójstwie"],
  ["pl", "none", "Ten rachunek mnie zabija"],
  ["pl", "none", "Umieram z ciekawości, kiedy przyjdzie odpowiedź"],
  ["pl", "none", "Nawet dziecko wypełniłoby ten formularz"],
  ["pl", "none", "Zabierzcie się wreszcie za moją sprawę"],

  // Portuguese (Portugal and Brazil)
  ["pt", "suicide_self_harm", "Estou pensando em me matar"],
  ["pt", "suicide_self_harm", "Já pensei em suicídio"],
  ["pt", "suicide_self_harm", "Quero acabar com a minha vida"],
  ["pt", "suicide_self_harm", "Pensei no suicídio ontem à noite"], // "no" is "in the", not a negator
  ["pt", "abuse", "O meu marido bate-me"],
  ["pt", "abuse", "Meu marido me bate quando bebe"],
  ["pt", "abuse", "Sou vítima de violência doméstica"],
  ["pt", "threat", "Se não resolverem, vou pôr fogo no escritório"],
  ["pt", "threat", "Vou trazer uma faca amanhã"],
  ["pt", "threat", "Vou-te matar"],
  ["pt", "at_risk", "As crianças da vizinha ficam sozinhas em casa"],
  ["pt", "at_risk", "A minha mãe idosa está a ser negligenciada"],
  ["pt", "none", "Não quero me matar"],
  ["pt", "none", "Ninguém me bate"],
  ["pt", "none", "Nunca pensei em suicídio"],
  ["pt", "none", "Esta conta está me matando"],
  ["pt", "none", "Estou morrendo de vontade de saber"],
  ["pt", "none", "Até uma criança conseguia preencher este formulário"],
  ["pt", "none", "Vão me cortar a luz se eu não pagar"],
  ["pt", "none", "Não quero viver nesta casa com bolor"],

  // Arabic
  ["ar", "suicide_self_harm", "أفكر في الانتحار كل يوم"],
  ["ar", "suicide_self_harm", "أريد أن أموت"],
  ["ar", "suicide_self_harm", "لا أريد أن أعيش بعد الآن"],
  ["ar", "abuse", "زوجي يضربني كل يوم"],
  ["ar", "abuse", "أنا ضحية عنف أسري"],
  ["ar", "threat", "سأقتلك إذا رأيتك"],
  ["ar", "threat", "سأحرق المكتب"],
  ["ar", "threat", "سأحضر سكيناً في المرة القادمة"],
  ["ar", "at_risk", "الأطفال وحدهم في البيت طوال اليوم"],
  ["ar", "at_risk", "أمي المسنة مهملة"],
  ["ar", "none", "لا أفكر في الانتحار"],
  ["ar", "none", "لا أحد يضربني"],
  ["ar", "none", "هذه الفاتورة تقتلني"],
  ["ar", "none", "أموت من الضحك"],
  ["ar", "none", "حتى طفل يستطيع استخدام هذا النموذج"],
  ["ar", "none", "سأطعن في القرار"],
  ["ar", "none", "انتحال الشخصية مشكلة كبيرة"],
];

describe("safeguardingMatcher: real comments", () => {
  test.each(COMMENTS)("%s, %s: %s", (_language, expected, comment) => {
    expect(categories(comment)).toEqual(expected === "none" ? [] : [expected]);
  });

  test("the table covers every language and category, and near misses in every language", () => {
    for (const language of SAFEGUARDING_LANGUAGES) {
      const rows = COMMENTS.filter(([l]) => l === language);
      for (const category of SAFEGUARDING_CATEGORIES)
        expect(
          rows.some(([, c]) => c === category),
          `${language} ${category}`,
        ).toBe(true);
      expect(rows.filter(([, c]) => c === "none").length, language).toBeGreaterThanOrEqual(6);
      expect(rows.filter(([, c]) => c !== "none").length, language).toBeGreaterThanOrEqual(6);
    }
  });
});

describe("safeguardingMatcher: what a match says", () => {
  test.each<[string, { category: SafeguardingCategory; words: string[] }[]]>([
    // the words as the customer wrote them, for the reviewer
    ["I can't cope anymore and I have thought about ending my life", [{ category: "suicide_self_harm", words: ["ending my life"] }]],
    ["I HAVE THOUGHT ABOUT Ending My Life", [{ category: "suicide_self_harm", words: ["Ending My Life"] }]],
    ["I’ll kill him", [{ category: "threat", words: ["I’ll kill him"] }]], // curly apostrophe from a phone
    ["Meu marido me BATE", [{ category: "abuse", words: ["me BATE"] }]],
    // several categories, in the order of SAFEGUARDING_CATEGORIES
    [
      "I'll burn the office down. My husband hits me and I want to end it all",
      [
        { category: "suicide_self_harm", words: ["end it all"] },
        { category: "abuse", words: ["husband hits me"] },
        { category: "threat", words: ["burn the office down"] },
      ],
    ],
    // two phrases of one category; the same phrase twice is listed once
    ["I'm suicidal. I want to die. I want to die.", [{ category: "suicide_self_harm", words: ["suicidal", "want to die"] }]],
    ["", []],
    ["   ...   ", []],
  ])("%s", (comment, expected) => {
    expect(match(comment)).toEqual(expected);
  });

  test.each<[string, string]>([
    // accents and letters customers leave out or type differently
    ["sou vitima de violencia domestica", "abuse"],
    ["chce sie zabic", "suicide_self_harm"],
    ["CHCĘ SIĘ ZABIĆ", "suicide_self_harm"],
    ["Estou farto, vou-me matar", "suicide_self_harm"], // Portugal's "vou-me" is Brazil's "vou me"
    ["Fy ngwr yn fy nharo", "abuse"], // ŵ typed as w
    ["Sou vi\u0301tima de viole\u0302ncia dome\u0301stica", "abuse"], // decomposed accents (NFD)
    // Arabic with harakat, tatweel and alef forms typed either way
    ["أُرِيدُ أَنْ أَمُوتَ", "suicide_self_harm"],
    ["افكر في الانتـــحار", "suicide_self_harm"],
    ["اريد ان اموت", "suicide_self_harm"],
  ])("%s", (comment, category) => {
    expect(categories(comment)).toEqual([category]);
  });
});

describe("safeguardingMatcher: negation", () => {
  test.each<[string, boolean]>([
    ["I am not suicidal", false],
    ["I'm not sure what to do. I want to die", true], // not across a sentence boundary
    ["I'm not okay and I want to end it all", true], // "and" starts a new clause
    ["Nobody has ever hurt me", false],
    ["My husband has never hit me", false], // a filler word is never a negator
    ["He didn't hit me", false],
    ["If nothing changes I'll kill him", true], // a subject starts a new clause
    ["If nobody helps me I will kill myself", true],
    ["I can't stop thinking about killing myself", true], // "can't" is too far from the phrase
  ])("%s", (comment, matches) => {
    expect(match(comment).length > 0).toBe(matches);
  });
});

/** A row as the database returns it: its category is whatever was stored. */
const storedRow = (json: string): ExtraPhrase => JSON.parse(json);

describe("safeguardingMatcher: administrators' phrases", () => {
  const withExtra = safeguardingMatcher([
    { category: "threat", language: "en", phrase: "sort them out for good" },
    { category: "abuse", language: "pl", phrase: "Szarpie mnie za włosy" },
    { category: "threat", language: "en-GB", phrase: "murder" },
    { category: "suicide_self_harm", language: "ar", phrase: "أنهي كل شيء" },
    { category: "at_risk", language: "cy", phrase: "heb wres" },
    { category: "threat", language: "fr", phrase: "je vais le tuer" },
    { category: "abuse", language: "en", phrase: "  " }, // no words: skipped
    storedRow('{ "category": "complaint", "language": "en", "phrase": "queue" }'), // not a category: skipped
  ]);
  const categoriesWithExtra = (text: string) => withExtra(text).map((m) => m.category);

  test.each<[string, SafeguardingCategory[]]>([
    ["If nothing changes I'll sort them out for good.", ["threat"]],
    ["I won't sort them out for good, I promise", []], // negated like a built-in rule
    ["Resort them out for goodness sake", []], // whole words only
    ["szarpie mnie za wlosy", ["abuse"]], // case and diacritics
    ["SZARPIE MNIE ZA WŁOSY codziennie", ["abuse"]],
    ["Nikt nie szarpie mnie za włosy", []],
    ["He talked about murder", ["threat"]],
    ["The queue was murder", []], // an idiom stays an idiom
    ["Murderous queues", []],
    ["أُنْهِي كُلَّ شَيْءٍ", ["suicide_self_harm"]],
    ["Mae'r plant heb wres ers wythnos", ["at_risk"]],
    ["Je vais le tuer", ["threat"]], // a language without rules still matches
    ["The queue was long", []], // "queue" came with an unknown category
  ])("%s", (comment, expected) => {
    expect(categoriesWithExtra(comment)).toEqual(expected);
  });

  test("do not change the built-in matcher", () => {
    expect(categories("He talked about murder")).toEqual([]);
  });
});

describe("safeguardingMatcher: long comments", () => {
  test("a 2,000-character comment is matched in full", () => {
    const filler = "The waiting time was long and nobody called me back about my council tax. ";
    const comment = `${filler.repeat(14)}I want to end it all. ${filler.repeat(14)}سأحرق المكتب`;
    expect(comment.length).toBeGreaterThan(2000);
    expect(match(comment)).toEqual([
      { category: "suicide_self_harm", words: ["end it all"] },
      { category: "threat", words: ["سأحرق المكتب"] },
    ]);
  });

  test("repeated rule words and fillers do not make it backtrack", () => {
    // every word starts a rule and every gap could stretch: the work per word stays bounded
    expect(match("my husband he she they ".repeat(400))).toEqual([]);
    expect(match(`${"children are are are ".repeat(300)}left alone`)).toEqual([{ category: "at_risk", words: ["children are are are left alone"] }]);
  });
});

describe("normalisePhrase", () => {
  test.each<[string, string]>([
    ["kill him", "kill him"],
    ["  Going  To\tHURT   ", "going to hurt"],
    ["I’ll sort them", "i'll sort them"],
    ["Szarpie mnie za WŁOSY", "szarpie mnie za włosy"],
    ["ab", "ab"],
    ["x".repeat(120), "x".repeat(120)],
  ])("%s -> %s", (phrase, expected) => {
    expect(normalisePhrase(phrase)).toEqual({ ok: true, phrase: expected });
  });

  test.each<[string, string]>([
    ["", "Enter a phrase."],
    ["  \n ", "Enter a phrase."],
    ["a", "A phrase must be at least 2 characters long."],
    [" é ", "A phrase must be at least 2 characters long."],
    ["x".repeat(121), "A phrase must be at most 120 characters long."],
    ["12 34", "A phrase must contain at least one letter."],
    ["!!", "A phrase must contain at least one letter."],
  ])("%j is refused", (phrase, message) => {
    expect(normalisePhrase(phrase)).toEqual({ ok: false, message });
  });
});
