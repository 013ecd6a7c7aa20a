import { maskPersonalData } from "./pii";
import { commentSentiment } from "./sentiment";
import type { ThemeMatch, ThemeMatcher } from "./themes";

/** Control characters (C0 but tab and line breaks, DEL, C1): never wanted in stored text. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export type PreparedComment = { text: string; sentiment: number | null; tags: ThemeMatch[] };

/**
 * A comment as it is stored, on every channel and in the import alike: control characters
 * dropped, trimmed, personal data masked, then scored and tagged on the masked text (so a
 * masked phone number can never make a tag). Null when nothing is left.
 */
export function prepareComment(raw: string | null | undefined, language: string, matcher: ThemeMatcher): PreparedComment | null {
  const cleaned = raw?.replace(CONTROL_CHARACTERS, "").trim();
  if (!cleaned) return null;
  const text = maskPersonalData(cleaned);
  return { text, sentiment: commentSentiment(text, language), tags: matcher.match(text, language) };
}
