import { isValidMainlandIdNumber } from "../../identifiers/mainland-id-number";
import type { ScreeningMatch } from "../types";
import { normalizeFullWidthDigits } from "./normalize-digits";

// Not part of a longer digit run: an 18-digit window inside a 20-digit number is not an ID.
const candidatePattern = /(?<!\d)\d{17}[\dXx](?!\d)/g;

/** Only numbers with a valid birth date and check character: a wrong checksum is not an ID. */
export function findIdNumbers(text: string): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  for (const candidate of normalizeFullWidthDigits(text).matchAll(candidatePattern)) {
    // People write the check character in lower case too; it is still someone's ID.
    if (!isValidMainlandIdNumber(candidate[0].toUpperCase())) continue;
    const start = candidate.index;
    const end = start + candidate[0].length;
    matches.push({ kind: "id_number", match: text.slice(start, end), start, end });
  }
  return matches;
}
