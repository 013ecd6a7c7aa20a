/**
 * Words only the phone survey speaks. The questions and their answer labels are not here: they
 * come from the survey page's catalogue (src/i18n), so a caller and a reader are asked the
 * same thing. Texts that carry a value are functions, so word order can differ per language.
 */
export type Option = { digit: number; label: string };

export type IvrPhrases = {
  /** Said once when the call reaches the survey; explains "*" and "#". */
  intro: (questionCount: number) => string;
  /** A scale read by its two ends: "Press 1 for …, up to 7 for …". */
  range: (low: Option, high: Option) => string;
  /** Every choice read out: "Press 1 for yes, 2 for partly, 3 for no." */
  choices: (options: Option[]) => string;
  invalid: string;
  /** Before the beep of the recorded comment. */
  commentHowTo: string;
  thanks: string;
  /** The call cannot be surveyed (unknown team, say); said before hanging up. */
  unavailable: string;
};
