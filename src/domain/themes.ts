/**
 * Tags comments with feedback themes by word rules, per language.
 *
 * Rule syntax (one string per rule, matched case-insensitively against whole words):
 *   "rude"               the word "rude", not "rudeness" or "prude"
 *   "wait*"              a word starting with "wait": "waiting", "waited"
 *   "*انتظار"            a word ending with it, for languages that attach prefixes to words
 *                        (Arabic "الانتظار", "بالانتظار"); a star may end or start any word
 *   "on hold"            a phrase; spaces and hyphens in a rule match any run of spaces or
 *                        hyphens, so "follow up" also matches "follow-up"
 * A rule that is only stars is ignored: it would tag every comment.
 *
 * Word boundaries are letters, digits and combining marks (\p{L}\p{N}\p{M}) rather than \b,
 * which only knows ASCII: with \b, "ŵyn" or "czekałem" or any Arabic word would be cut apart.
 */

export type ThemeRules = Record<string, string[]>;
export type ThemeDefinition = { id: number; code: string; rules: ThemeRules };
export type ThemeMatch = { themeId: number; code: string; matched: string[] };
export type ThemeMatcher = { match(comment: string, language: string): ThemeMatch[] };

const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
const SEPARATOR = String.raw`[\s\-\u2010\u2011\u2013]+`;
const SEPARATOR_IN_RULE = /[\s\-\u2010\u2011\u2013]+/u;

/**
 * Folds spelling variants that customers type interchangeably onto one form: curly apostrophes
 * ("didn’t" from phones) and the Arabic alef, alef maqsura and taa marbuta variants. Each fold
 * replaces one UTF-16 unit by one, so positions in the folded text are positions in the original
 * and the words reported are the customer's own.
 */
const FOLDS: Record<string, string> = {
  "\u2019": "'", // ’
  "\u2018": "'", // ‘
  "\u02BC": "'", // ʼ
  "\u0623": "\u0627", // أ -> ا
  "\u0625": "\u0627", // إ -> ا
  "\u0622": "\u0627", // آ -> ا
  "\u0671": "\u0627", // ٱ -> ا
  "\u0649": "\u064A", // ى -> ي
  "\u0629": "\u0647", // ة -> ه
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join("")}]`, "gu");
const fold = (s: string) => s.replace(FOLDABLE, (c) => FOLDS[c] ?? c);

/** "en-GB" and "EN" are both English: rules and comments meet on the primary subtag. */
const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The regex source for one rule, or null when the rule has no letters to match. */
function ruleSource(rule: string): string | null {
  const words = fold(rule.normalize("NFC")).trim().split(SEPARATOR_IN_RULE).filter(Boolean);
  const pieces: string[] = [];
  for (const word of words) {
    const core = word.replace(/^\*+|\*+$/g, "");
    if (core === "") return null;
    const before = word.startsWith("*") ? `${WORD}*` : "";
    const after = word.endsWith("*") ? `${WORD}*` : "";
    pieces.push(before + escapeRegExp(core) + after);
  }
  return pieces.length === 0 ? null : pieces.join(SEPARATOR);
}

function compileRules(rules: readonly string[]): RegExp | null {
  // Longest rule first, so at one position "waiting time" wins over "wait*".
  const sources = [...new Set(rules)]
    .sort((a, b) => b.length - a.length)
    .map(ruleSource)
    .filter((s): s is string => s !== null);
  if (sources.length === 0) return null;
  return new RegExp(`(?<!${WORD})(?:${sources.join("|")})(?!${WORD})`, "giu");
}

/**
 * Compiles the rules once; the returned matcher builds and caches one regex per theme and
 * comment language on first use. A comment is matched with its language's rules plus the
 * English ones, because comments in community languages often mix in English words.
 */
export function compileThemes(themes: readonly ThemeDefinition[]): ThemeMatcher {
  const byLanguage = themes.map((theme) => {
    const rules = new Map<string, string[]>();
    for (const [tag, list] of Object.entries(theme.rules)) {
      const lang = primaryLanguage(tag);
      rules.set(lang, [...(rules.get(lang) ?? []), ...list]);
    }
    return { theme, rules };
  });
  const cache = new Map<string, { theme: ThemeDefinition; regex: RegExp | null }[]>();

  function compiledFor(language: string) {
    const lang = primaryLanguage(language);
    let compiled = cache.get(lang);
    if (!compiled) {
      compiled = byLanguage.map(({ theme, rules }) => ({
        theme,
        regex: compileRules([...(rules.get(lang) ?? []), ...(lang === "en" ? [] : (rules.get("en") ?? []))]),
      }));
      cache.set(lang, compiled);
    }
    return compiled;
  }

  return {
    match(comment, language) {
      const original = comment.normalize("NFC");
      const folded = fold(original);
      const result: ThemeMatch[] = [];
      for (const { theme, regex } of compiledFor(language)) {
        if (!regex) continue;
        const matched = new Set<string>();
        // exec() over the shared regex, not matchAll(): matchAll copies the regex on every call,
        // and copying ten large Unicode patterns cost more than matching a whole comment.
        regex.lastIndex = 0;
        for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
          const word = original.slice(m.index, m.index + m[0].length);
          matched.add(word.toLowerCase().replace(/\s+/gu, " "));
          if (m[0] === "") regex.lastIndex++; // cannot happen (no rule is empty), never loops
        }
        if (matched.size > 0) result.push({ themeId: theme.id, code: theme.code, matched: [...matched] });
      }
      return result;
    },
  };
}

/**
 * The themes a comment is about, in the order of `themes`, each with the distinct words or
 * phrases (lower-cased, in order of appearance) that matched. Compiles the rules on every call;
 * to tag many comments, call compileThemes once and reuse its matcher.
 */
export function matchThemes(comment: string, language: string, themes: readonly ThemeDefinition[]): ThemeMatch[] {
  return compileThemes(themes).match(comment, language);
}
