/**
 * The sentiment of a comment, c in [-1, 1], which stands in for a skipped CSI answer in the CSI
 * index as (c + 1) × 50 (PRODUCT.md, "The measures").
 *
 * English only, for now: AFINN-165 (the `sentiment` package) is an English word list, and a
 * guess in Welsh, Polish, Portuguese or Arabic would move the index with noise. Other languages
 * return null, so their responses count in the CSI index only through an answered CSI question.
 */
import { createRequire } from "node:module";
import Sentiment from "sentiment";

// The package's English word list. Loaded with require: tsx turns an imported JSON file into
// one variable per key, and AFINN's "await" is not a legal variable name in a module.
const afinn = createRequire(import.meta.url)("sentiment/languages/en/labels.json") as Record<string, number>;

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
  "not", "no", "never", "non", "nothing", "nobody", "none", "neither", "nor", "without", "hardly",
  "cant", "can't", "cannot", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "wont", "won't",
  "isnt", "isn't", "wasnt", "wasn't", "arent", "aren't", "werent", "weren't", "couldnt", "couldn't",
  "wouldnt", "wouldn't", "shouldnt", "shouldn't", "havent", "haven't", "hasnt", "hasn't", "hadnt", "hadn't",
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

/**
 * c in [-1, 1], or null when the language is not English or no word in the comment carries
 * sentiment (an empty comment, or "called on Monday about my bin"): no evidence is not neutral.
 */
export function commentSentiment(text: string, language: string): number | null {
  if (language.trim().toLowerCase().split(/[-_]/)[0] !== "en") return null;
  // The package's tokenizer drops punctuation, which would let "No. Very helpful" negate
  // "helpful"; scoring clause by clause keeps negation inside its clause. Curly apostrophes
  // from phones are straightened so "didn’t" is the negator "didn't".
  const clauses = text.replace(/[\u2018\u2019\u02BC]/g, "'").split(/[.!?;:,\n()]+|\s[-–—]\s/);
  let score = 0;
  let words = 0;
  for (const clause of clauses) {
    if (clause.trim() === "") continue;
    const result = analyser.analyze(clause, { language: LANGUAGE });
    score += result.score;
    words += result.words.length;
  }
  return words === 0 ? null : sentimentFromScore(score);
}
