import type { ScreeningMatch } from "../types";

function escapeForRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Every case-insensitive occurrence of every word. A regular expression rather than
 * `toLowerCase` + `indexOf`, because lower-casing can change a string's length and would
 * shift the reported offsets.
 */
export function findSensitiveWords(text: string, sensitiveWords: string[]): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  const words = new Set(sensitiveWords.map((word) => word.trim()).filter((word) => word.length > 0));
  for (const word of words) {
    for (const occurrence of text.matchAll(new RegExp(escapeForRegExp(word), "giu"))) {
      const start = occurrence.index;
      const end = start + occurrence[0].length;
      matches.push({ kind: "sensitive_word", match: occurrence[0], start, end });
    }
  }
  return matches;
}
