/**
 * Masks personal data customers type into comments, before the comment is stored (PRODUCT.md,
 * "Privacy and trust"). It errs towards masking what looks like an email, UK phone number,
 * postcode or National Insurance number, and leaves the numbers comments are full of alone:
 * "3 days", "£45.50", "ref 12345", dates and times.
 *
 * Order matters: emails first (their local part may hold digits), then NI numbers and
 * postcodes (letters and digits), then phone numbers; the placeholders hold no digits, so a
 * later pass never re-reads an earlier mask.
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
const NI = new RegExp(
  `${NOT_AFTER_WORD}([A-Z]{2})([ -]?)\\d{2}[ -]?\\d{2}[ -]?\\d{2}(?:[ -]?([A-D]))?${NOT_BEFORE_WORD}`,
  "giu",
);
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
const POSTCODE = new RegExp(
  `${NOT_AFTER_WORD}(?:GIR ?0AA|[A-Z]{1,2}\\d[A-Z\\d]? ?(\\d[ABD-HJLNP-UW-Z]{2}))${NOT_BEFORE_WORD}`,
  "giu",
);
const ORDINAL = /^(?:1st|2nd|3rd|\dth)$/;

function maskPostcodes(text: string): string {
  return text.replace(POSTCODE, (match, inward: string | undefined) =>
    inward !== undefined && ORDINAL.test(inward) ? match : "[postcode]",
  );
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
    out += run.slice(copied, start) + "[phone]";
    copied = groups[found].end;
    i = found + 1;
  }
  return out + run.slice(copied);
}

function maskPhones(text: string): string {
  return text.replace(DIGIT_RUN, maskPhonesInRun);
}

export function maskPersonalData(text: string): string {
  return maskPhones(maskPostcodes(maskNi(text.replace(EMAIL, "[email]"))));
}
