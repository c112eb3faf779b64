import type { ScreeningMatch, WordingError } from "../types";

/**
 * Every occurrence of a listed wrong form (严重表述错误), exactly as listed: names and titles are
 * matched character for character. The match reads "wrong → correct", so the reviewer sees the fix.
 */
export function findWordingErrors(text: string, wordingErrors: WordingError[]): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  for (const { wrong, correct } of wordingErrors) {
    if (!wrong) continue;
    for (let start = text.indexOf(wrong); start !== -1; start = text.indexOf(wrong, start + wrong.length)) {
      matches.push({ kind: "wording_error", match: `${wrong} → ${correct}`, start, end: start + wrong.length });
    }
  }
  return matches;
}
