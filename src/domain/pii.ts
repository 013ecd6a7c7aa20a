/**
 * Masks personal data customers type into comments, before the comment is stored: a comment is
 * read by staff and exported, and must not carry what identifies a person. It errs towards masking what looks like an email, UK phone number,
 * postcode or National Insurance number, and leaves the numbers comments are full of alone:
 * "3 days", "£45.50", "ref 12345", dates and times.
 *
 * It also masks payment card numbers (Luhn-checked), NHS numbers (modulus 11), bank details
 * and dates of birth where the comment says what they are, and the name after "my name is" or
 * "I am".
 *
 * Order matters: emails first (their local part may hold digits), then card numbers (the
 * longest runs of digits), bank details and dates of birth (by their cue words), then NI
 * numbers and postcodes (letters and digits), then phone numbers, NHS numbers and names; the
 * placeholders hold no digits, so a later pass never re-reads an earlier mask.
 */

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// Letters and digits around a match mean it is part of a longer token (a reference, a URL).
const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}])`;
const NOT_BEFORE_WORD = String.raw`(?![\p{L}\p{N}])`;

/**
 * National Insurance number: two letters, six digits (often in pairs), and a suffix A–D.
 * HMRC's own examples use the prefix "QQ", which real numbers never have, so with a suffix any
 * two letters count. People often leave the suffix off, but two letters and six digits run
 * together is also the shape of many references ("CT123456"), so without a suffix only the
 * NI way of writing it ("JG 10 37 59") is masked, and only with a prefix HMRC could issue:
 * neither letter D, F, I, Q, U or V, the second not O, and not BG, GB, KN, NK, NT, TN or ZZ.
 */
const NI = new RegExp(`${NOT_AFTER_WORD}([A-Z]{2})([ -]?)\\d{2}[ -]?\\d{2}[ -]?\\d{2}(?:[ -]?([A-D]))?${NOT_BEFORE_WORD}`, "giu");
const NI_PREFIX = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/i;
const IN_PAIRS = /\d{2}[ -]\d{2}[ -]\d{2}/;

function maskNi(text: string): string {
  return text.replace(NI, (match: string, prefix: string, gap: string, suffix: string | undefined) => {
    // "is 123456 a…": a lower-case word before a number is prose, not a prefix.
    if (gap !== "" && prefix !== prefix.toUpperCase()) return match;
    return suffix !== undefined || (NI_PREFIX.test(prefix) && IN_PAIRS.test(match)) ? "[NI number]" : match;
  });
}

/**
 * UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA, whose letters
 * are never C, I, K, M, O or V), with or without the space, in any case ("m1 1ae"). Plus the
 * special "GIR 0AA".
 *
 * "block B2 3rd floor" has the shape of a postcode; a lower-case inward code that reads as an
 * ordinal (1st, 2nd, 3rd, 4th…) is taken as one, an upper-case one is masked.
 */
const POSTCODE = new RegExp(`${NOT_AFTER_WORD}(?:GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?(\\d[ABD-HJLNP-UW-Z]{2}))${NOT_BEFORE_WORD}`, "giu");
const ORDINAL = /^(?:1st|2nd|3rd|\dth)$/;

function maskPostcodes(text: string): string {
  return text.replace(POSTCODE, (match, inward: string | undefined) => (inward !== undefined && ORDINAL.test(inward) ? match : "[postcode]"));
}

/**
 * UK phone numbers: 01/02/03/05/07/08/09 numbers of 10 or 11 digits, or +44 / 0044 with an
 * optional "(0)", in groups separated by spaces, dashes, dots or brackets ("07700 900 123",
 * "(020) 7946-0018", "+44 (0)1534 447320").
 *
 * A run of digit groups is found first, then every start group is tried, taking groups until
 * the digits make a valid number. So "07700 900123 2 weeks" masks the number and keeps
 * "2 weeks", and "ref 12345 07700900123" keeps the reference.
 */
const DIGIT_RUN = new RegExp(`${NOT_AFTER_WORD}[+(]?\\d+(?:[ \\t\\-.()]{1,3}\\d+)*`, "gu");

function nationalNumber(digits: string, international: boolean): string | null {
  let rest = digits;
  if (international || rest.startsWith("0044")) {
    rest = rest.replace(/^(?:00)?44/, "");
    if (rest === digits) return null;
    if (rest.startsWith("0")) rest = rest.slice(1); // the "(0)" written after +44
    rest = `0${rest}`;
  }
  if (rest.length === 11 && /^0[1235789]/.test(rest)) return rest;
  // A few numbers are one digit shorter: some 01 areas and 0800 numbers.
  if (rest.length === 10 && /^0(?:1|800)/.test(rest)) return rest;
  return null;
}

function maskPhonesInRun(run: string): string {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
  let out = "";
  let copied = 0;
  let i = 0;
  while (i < groups.length) {
    const before = run[groups[i].start - 1];
    const international = before === "+";
    let digits = "";
    let found = -1;
    for (let j = i; j < groups.length && digits.length < 14; j++) {
      digits += groups[j].digits;
      if (nationalNumber(digits, international)) found = j;
    }
    if (found < 0) {
      i++;
      continue;
    }
    const start = before === "+" || before === "(" ? groups[i].start - 1 : groups[i].start;
    out += `${run.slice(copied, start)}[phone]`;
    copied = groups[found].end;
    i = found + 1;
  }
  return out + run.slice(copied);
}

function maskPhones(text: string): string {
  return text.replace(DIGIT_RUN, maskPhonesInRun);
}

/**
 * The groups of a run of digits written with single spaces or dashes between them, each with
 * its place in the run: card, NHS and phone numbers are all written in such groups.
 */
function groupsOf(run: string) {
  return [...run.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
}

/**
 * Replaces, in each run of digit groups, the longest stretch of whole groups that `accepts`
 * (given its digits), trying every start group: so "ref 1234 4111 1111 1111 1111" keeps the
 * reference and masks the card.
 */
function maskGroupsInRuns(text: string, run: RegExp, maxDigits: number, accepts: (digits: string) => boolean, mask: string): string {
  return text.replace(run, (match: string) => {
    const groups = groupsOf(match);
    let out = "";
    let copied = 0;
    let i = 0;
    while (i < groups.length) {
      let digits = "";
      let found = -1;
      for (let j = i; j < groups.length && digits.length < maxDigits; j++) {
        digits += groups[j].digits;
        if (accepts(digits)) found = j;
      }
      if (found < 0) {
        i++;
        continue;
      }
      out += match.slice(copied, groups[i].start) + mask;
      copied = groups[found].end;
      i = found + 1;
    }
    return out + match.slice(copied);
  });
}

/** Digits in groups separated by one space or dash, not part of a longer word. */
const SPACED_DIGITS = new RegExp(`${NOT_AFTER_WORD}\\d+(?:[ -]\\d+)*${NOT_BEFORE_WORD}`, "gu");

/** The Luhn checksum every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Payment card numbers: 13 to 19 digits, run together or in groups ("4111 1111 1111 1111",
 * "3782-822463-10005"), starting as the card schemes do (2–6) and passing the Luhn check.
 * The check keeps most long reference numbers apart; "ref 1234 5678" is far too short.
 */
const isCardNumber = (digits: string) => digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits);

/**
 * NHS number: ten digits (usually 3-3-4), the tenth a modulus 11 check of the first nine.
 * None starts with 0, so a phone number is never taken for one.
 */
export function nhsNumberValid(digits: string): boolean {
  if (!/^[1-9]\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Bank details are only masked where the comment says what they are: six digits alone are as
 * often a date ("12-03-25") or a case number, eight digits a reference. A sort code written
 * before an eight-digit number ("12-34-56 12345678") is the way bank details are given.
 */
const SORT_CODE_DIGITS = String.raw`\d{2}[ -]?\d{2}[ -]?\d{2}`;
const SORT_CODE = new RegExp(`(\\bsort[ -]?code\\b|\\bs/c\\b)([^\\p{L}\\p{N}]{0,3}(?:is |was )?)${SORT_CODE_DIGITS}${NOT_BEFORE_WORD}`, "giu");
const ACCOUNT_NUMBER = new RegExp(
  `(\\b(?:(?:bank )?account (?:number|no\\b\\.?)|acc(?:t|ount)?\\.? ?no\\b\\.?|a/c(?: no\\b\\.?)?))([^\\p{L}\\p{N}]{0,3}(?:is |was )?)\\d{4} ?\\d{4}${NOT_BEFORE_WORD}`,
  "giu",
);
const SORT_CODE_AND_ACCOUNT = new RegExp(`${NOT_AFTER_WORD}\\d{2}-\\d{2}-\\d{2}([ ,/]{1,3})\\d{8}${NOT_BEFORE_WORD}`, "gu");

/**
 * Whether the text holds one of the words a pattern starts with. The cue patterns are
 * case-insensitive Unicode alternations, costly to try at every position of a long comment;
 * most comments have none of their words, and are spared them.
 */
function mentions(lower: string, words: readonly string[]): boolean {
  return words.some((w) => lower.includes(w));
}

function maskBankDetails(text: string, lower: string): string {
  let out = text;
  if (lower.includes("-")) out = out.replace(SORT_CODE_AND_ACCOUNT, (_m, gap: string) => `[sort code]${gap}[account number]`);
  if (mentions(lower, ["sort", "s/c"])) out = out.replace(SORT_CODE, (_m, cue: string, gap: string) => `${cue}${gap}[sort code]`);
  if (mentions(lower, ["acc", "a/c"])) out = out.replace(ACCOUNT_NUMBER, (_m, cue: string, gap: string) => `${cue}${gap}[account number]`);
  return out;
}

/**
 * Dates of birth: a date after words that say it is one ("DOB", "date of birth", "born on",
 * and the same in Welsh, Polish, Portuguese and Arabic). A date on its own ("on 12/03/2025")
 * is when something happened and stays.
 */
const DOB_CUE = [
  String.raw`\bd\.?o\.?b\b\.?`,
  String.raw`\bdate of birth\b`,
  String.raw`\bborn(?: on)?\b`,
  String.raw`\bbirthday(?: is)?\b`,
  String.raw`\bdyddiad geni\b`,
  String.raw`\bganwyd(?: fi)?(?: ar)?\b`,
  String.raw`\bdata urodzenia\b`,
  String.raw`\burodzi(?:łem|łam) się`,
  String.raw`\burodzon[ya]\b`,
  String.raw`\bdata de nascimento\b`,
  String.raw`\bnasci(?:d[oa])?(?: em| a)?\b`,
  "تاريخ (?:الميلاد|ميلادي)",
  "مواليد",
  "ولدت في",
].join("|");
const DATE = [
  String.raw`\d{4}-\d{1,2}-\d{1,2}`,
  String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}`,
  // 3 March 1950, 3rd of March 1950, 3 de março de 1950, 3 marca 1950r.
  String.raw`\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}(?:\s?r\.)?`,
  // March 3, 1950
  String.raw`\p{L}{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}`,
].join("|");
const DATE_OF_BIRTH = new RegExp(`(${DOB_CUE})([^\\p{L}\\p{N}]{0,3}(?:(?:is|was|on|yw|ar|to|em|é|في)\\s+)?)(?:${DATE})${NOT_BEFORE_WORD}`, "giu");

const DOB_WORDS = ["dob", "d.o.b", "birth", "born", "geni", "ganwyd", "urodz", "nasc", "ميلاد", "مواليد", "ولدت"];

function maskDatesOfBirth(text: string, lower: string): string {
  if (!mentions(lower, DOB_WORDS)) return text;
  return text.replace(DATE_OF_BIRTH, (_m, cue: string, gap: string) => `${cue}${gap}[date of birth]`);
}

/**
 * Names people give when they introduce themselves: "my name is", "I am" / "I'm" and the same
 * in Welsh, Polish, Portuguese and Arabic, followed by one to three capitalised words. A word
 * in lower case ("I am very unhappy") or one of the capitalised words that follow "I am" without
 * being a name ("I am British", "I am Disabled") ends it. Arabic has no capital letters to tell
 * a name from an adjective, so there only "my name is" / "I am called" count: "أنا غاضب" is
 * "I am angry". The regular expressions are case-sensitive on purpose: with the `i` flag,
 * \p{Lu} would match any letter.
 */
const NAME_CUES_STRICT = [
  String.raw`\b[Mm]y name(?:'s| is)`,
  String.raw`\b[Ff]y enw(?: i)? (?:yw|ydy)`,
  String.raw`\b[Nn]azywam się`,
  String.raw`\b[Mm]am na imię`,
  String.raw`\b(?:[Oo] )?[Mm]eu nome é`,
  String.raw`\b[Cc]hamo-me`,
  String.raw`\b[Mm]e chamo`,
].join("|");
const NAME_CUES_LOOSE = [
  String.raw`\bI am`,
  String.raw`\bI['’]m`,
  String.raw`\b[Ff]i (?:yw|ydy)`,
  String.raw`\b[Jj]estem`,
  String.raw`\b(?:[Ee]u )?[Ss]ou(?: o| a)?`,
].join("|");
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
const NAMES = new RegExp(`(${NAME_CUES_STRICT})(\\s+|:\\s*)(${NAME_WORD}(?: ${NAME_WORD}){0,2})`, "gu");
const NAMES_LOOSE = new RegExp(`(${NAME_CUES_LOOSE})(\\s+)(${NAME_WORD}(?: ${NAME_WORD}){0,2})`, "gu");
const ARABIC_NAME = /(اسمي|إسمي|أدعى|ادعى)(\s+)[\p{Script=Arabic}]+(?:\s+(?!و|من|في|على|عن)[\p{Script=Arabic}]+)?/gu;

/** Capitalised words that follow "I am" and are not names. */
const NOT_NAMES = new Set([
  "not",
  "very",
  "so",
  "really",
  "still",
  "also",
  "just",
  "now",
  "the",
  "a",
  "an",
  "sorry",
  "happy",
  "unhappy",
  "angry",
  "disappointed",
  "grateful",
  "pleased",
  "satisfied",
  "dissatisfied",
  "furious",
  "writing",
  "calling",
  "ringing",
  "disabled",
  "deaf",
  "blind",
  "british",
  "english",
  "welsh",
  "scottish",
  "irish",
  "polish",
  "portuguese",
  "muslim",
  "christian",
  "jewish",
  "hindu",
  "sikh",
  "catholic",
  "ok",
  "okay",
  "fine",
  "here",
  "in",
  "on",
  "at",
  "from",
  "with",
  "no",
  "yes",
  "i",
  "it",
  "in",
  "nie",
  "bardzo",
  "polakiem",
  "polką",
  "anglikiem",
  "angielką",
  "brytyjczykiem",
  "brytyjką",
  "muito",
  "não",
]);

function nameMask(words: string, loose: boolean): { name: string; rest: string } {
  const parts = words.split(" ");
  let n = 0;
  while (n < parts.length) {
    const w = parts[n]!;
    // After "I am", a word in capitals is shouting ("I AM VERY UNHAPPY"), not a name.
    if (loose && (NOT_NAMES.has(w.toLowerCase()) || (w.length > 1 && w === w.toUpperCase()))) break;
    n++;
  }
  return { name: parts.slice(0, n).join(" "), rest: parts.slice(n).join(" ") };
}

function maskNames(text: string): string {
  const replace = (loose: boolean) => (match: string, cue: string, gap: string, words: string) => {
    const { name, rest } = nameMask(words, loose);
    if (name === "") return match;
    return `${cue}${gap}[name]${rest === "" ? "" : ` ${rest}`}`;
  };
  return text
    .replace(NAMES, replace(false))
    .replace(NAMES_LOOSE, replace(true))
    .replace(ARABIC_NAME, (_m, cue: string, gap: string) => `${cue}${gap}[name]`);
}

export function maskPersonalData(text: string): string {
  let out = text.replace(EMAIL, "[email]");
  out = maskGroupsInRuns(out, SPACED_DIGITS, 19, isCardNumber, "[card number]");
  const lower = out.toLowerCase();
  out = maskBankDetails(out, lower);
  out = maskDatesOfBirth(out, lower);
  out = maskPhones(maskPostcodes(maskNi(out)));
  // After the phones: the digits after "+44" can pass the NHS check by chance.
  out = maskGroupsInRuns(out, SPACED_DIGITS, 10, nhsNumberValid, "[NHS number]");
  return maskNames(out);
}
