import type { IvrPhrases } from "./types";

export const en: IvrPhrases = {
  intro: (n) =>
    `Thank you for staying on the line. We would like to ask you ${n} short questions about your call. Please answer using your telephone keypad. Press star to hear a question again, or hash to skip it.`,
  range: (low, high) => `Press ${low.digit} for ${low.label}, up to ${high.digit} for ${high.label}.`,
  choices: (options) => `Press ${options.map((o) => `${o.digit} for ${o.label}`).join(", ")}.`,
  invalid: "Sorry, that is not one of the choices.",
  commentHowTo: "After the tone, tell us in your own words, then press hash. If you have nothing to add, you can hang up now.",
  thanks: "Thank you for your time. Goodbye.",
  unavailable: "Sorry, the survey is not available at the moment. Goodbye.",
};
