import type { ScreeningMatch } from "../types";
import { normalizeFullWidthDigits } from "./normalize-digits";

// 1[3-9] plus nine digits, optionally after +86 and written 3-4-4 with spaces or hyphens,
// and never a slice of a longer digit run (order numbers, IDs, card numbers).
const mobilePattern = /(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;

export function findMobileNumbers(text: string): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  for (const candidate of normalizeFullWidthDigits(text).matchAll(mobilePattern)) {
    const start = candidate.index;
    const end = start + candidate[0].length;
    matches.push({ kind: "mobile_number", match: text.slice(start, end), start, end });
  }
  return matches;
}
