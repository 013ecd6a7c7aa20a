import type { IvrPhrases } from "./types";

export const cy: IvrPhrases = {
  intro: (n) =>
    `Diolch am aros ar y lein. Hoffem ofyn ${n} cwestiwn byr i chi am eich galwad. Atebwch gan ddefnyddio bysellbad eich ffôn. Pwyswch seren i glywed cwestiwn eto, neu hash i'w hepgor.`,
  range: (low, high) => `Pwyswch ${low.digit} ar gyfer ${low.label}, hyd at ${high.digit} ar gyfer ${high.label}.`,
  choices: (options) => `Pwyswch ${options.map((o) => `${o.digit} ar gyfer ${o.label}`).join(", ")}.`,
  invalid: "Mae'n ddrwg gennym, nid yw hwnnw'n un o'r dewisiadau.",
  commentHowTo:
    "Ar ôl y dôn, dywedwch wrthym yn eich geiriau eich hun, yna pwyswch hash. Os nad oes gennych unrhyw beth i'w ychwanegu, gallwch roi'r ffôn i lawr nawr.",
  thanks: "Diolch am eich amser. Hwyl fawr.",
  unavailable: "Mae'n ddrwg gennym, nid yw'r arolwg ar gael ar hyn o bryd. Hwyl fawr.",
};
