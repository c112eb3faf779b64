import type { ScreeningMatch } from "../types";
import { normalizeFullWidthDigits } from "./normalize-digits";

// Either one unbroken run of 16–19 digits, or groups of four joined by the same single space
// or hyphen (6222 0212 3456 7890 123), as cards are usually printed.
const candidatePattern = /(?<!\d)(?:\d{16,19}|\d{4}([ -])\d{4}(?:\1\d{4}){1,2}(?:\1\d{1,4})?)(?!\d)/g;

export function passesLuhnCheck(digits: string): boolean {
  let sum = 0;
  for (let offsetFromRight = 0; offsetFromRight < digits.length; offsetFromRight++) {
    let digit = Number(digits[digits.length - 1 - offsetFromRight]);
    if (offsetFromRight % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Candidates that pass Luhn; an ID number that happens to pass is removed by de-duplication. */
export function findBankCards(text: string): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  for (const candidate of normalizeFullWidthDigits(text).matchAll(candidatePattern)) {
    const digits = candidate[0].replace(/[ -]/g, "");
    if (digits.length < 16 || digits.length > 19 || !passesLuhnCheck(digits)) continue;
    const start = candidate.index;
    const end = start + candidate[0].length;
    matches.push({ kind: "bank_card", match: text.slice(start, end), start, end });
  }
  return matches;
}
