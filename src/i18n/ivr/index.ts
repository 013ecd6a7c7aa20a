import type { Language } from "../../domain/languages";
import { ar } from "./ar";
import { cy } from "./cy";
import { en } from "./en";
import { pl } from "./pl";
import { pt } from "./pt";
import type { IvrPhrases } from "./types";

export type { IvrPhrases, Option } from "./types";

const PHRASES: Record<Language, IvrPhrases> = { en, cy, pl, pt, ar };

export function ivrPhrases(lang: Language): IvrPhrases {
  return PHRASES[lang];
}
