import { maskPersonalData } from "../../domain/pii";
import { commentSentiment } from "../../domain/sentiment";
import type { ThemeMatcher } from "../../domain/themes";

/*
 * A comment as recordResponse stores it: masked for personal data, then scored and tagged on
 * the masked text. (Control characters are already dropped and the text trimmed by the
 * validator, as recordResponse does before masking.)
 */

export type StoredComment = {
  text: string;
  sentiment: number | null;
  themeIds: number[];
  /** JSON arrays of the matched words, one per theme id, as response_themes.matched holds them. */
  matched: string[];
};

export function storedComment(raw: string, language: string, matcher: ThemeMatcher): StoredComment {
  const text = maskPersonalData(raw);
  const tags = matcher.match(text, language);
  return {
    text,
    sentiment: commentSentiment(text, language),
    themeIds: tags.map((t) => t.themeId),
    matched: tags.map((t) => JSON.stringify(t.matched)),
  };
}

/**
 * Remembers the result per language and text: historic files repeat short comments ("Very
 * helpful", "Thank you") often, and masking, scoring and tagging cost 20 us a comment.
 */
export function cachedStoredComment(matcher: ThemeMatcher, limit = 50_000): (raw: string, language: string) => StoredComment {
  const cache = new Map<string, StoredComment>();
  return (raw, language) => {
    const key = `${language}\u0000${raw}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = storedComment(raw, language, matcher);
      if (cache.size < limit) cache.set(key, hit);
    }
    return hit;
  };
}
