import type { IvrPhrases } from "./types";

// Polish numerals change the noun's case with the number, so the intro does not say the count.
export const pl: IvrPhrases = {
  intro: () =>
    "Dziękujemy za pozostanie na linii. Chcielibyśmy zadać Państwu kilka krótkich pytań o tę rozmowę. Prosimy odpowiadać za pomocą klawiatury telefonu. Gwiazdka powtarza pytanie, a krzyżyk je pomija.",
  range: (low, high) => `Proszę nacisnąć od ${low.digit}, ${low.label}, do ${high.digit}, ${high.label}.`,
  choices: (options) => `Proszę nacisnąć ${options.map((o) => `${o.digit}, ${o.label}`).join("; ")}.`,
  invalid: "Przepraszamy, to nie jest jedna z dostępnych opcji.",
  commentHowTo:
    "Po sygnale prosimy powiedzieć nam o tym własnymi słowami, a następnie nacisnąć krzyżyk. Jeśli nie mają Państwo nic do dodania, można się teraz rozłączyć.",
  thanks: "Dziękujemy za poświęcony czas. Do widzenia.",
  unavailable: "Przepraszamy, ankieta jest obecnie niedostępna. Do widzenia.",
};
