import { prepareComment } from "../../domain/comment";
import type { ThemeMatcher } from "../../domain/themes";

/*
 * A comment exactly as recordResponse stores it (prepareComment, the one pipeline), in the
 * shape the import's bulk inserts want.
 */

export type StoredComment = {
  text: string;
  sentiment: number | null;
  themeIds: number[];
  /** The matched words, one list per theme id (response_themes.matched). */
  matched: string[][];
};

/** Only non-empty comments reach here: the validator sends nothing else. */
export function storedComment(raw: string, language: string, matcher: ThemeMatcher): StoredComment {
  const c = prepareComment(raw, language, matcher);
  if (!c) throw new Error("an empty comment reached the import's comment step");
  return { text: c.text, sentiment: c.sentiment, themeIds: c.tags.map((t) => t.themeId), matched: c.tags.map((t) => t.matched) };
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
