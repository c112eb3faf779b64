import { extractContext } from "./context";
import { findBankCards } from "./detectors/bank-card";
import { findEmails } from "./detectors/email";
import { findIdNumbers } from "./detectors/id-number";
import { findMobileNumbers } from "./detectors/mobile-number";
import { findSensitiveWords } from "./detectors/sensitive-word";
import { findWordingErrors } from "./detectors/wording-error";
import type { ScreeningFinding, ScreeningFindingKind, ScreeningMatch, ScreeningOptions } from "./types";

export type { ScreeningFinding, ScreeningFindingKind, ScreeningOptions, WordingError } from "./types";

// When two findings overlap, the more specific one stays: an 18-digit string that is a valid
// ID is reported as an ID even if it also passes Luhn, and a structured datum outranks a
// sensitive word found inside it.
const kindPriority: Record<ScreeningFindingKind, number> = {
  id_number: 0,
  bank_card: 1,
  mobile_number: 2,
  email: 3,
  sensitive_word: 4,
  wording_error: 5,
};

function overlaps(first: ScreeningMatch, second: ScreeningMatch): boolean {
  return first.start < second.end && second.start < first.end;
}

function removeOverlaps(matches: ScreeningMatch[]): ScreeningMatch[] {
  const byPreference = [...matches].sort(
    (first, second) =>
      kindPriority[first.kind] - kindPriority[second.kind] || second.end - second.start - (first.end - first.start) || first.start - second.start,
  );
  const kept: ScreeningMatch[] = [];
  for (const match of byPreference) {
    if (!kept.some((keptMatch) => overlaps(keptMatch, match))) kept.push(match);
  }
  return kept.sort((first, second) => first.start - second.start);
}

/** Candidates for a reviewer, in text order; a hint to look, not a verdict. */
export function findScreeningFindings(text: string, options: ScreeningOptions): ScreeningFinding[] {
  const matches = [
    ...findIdNumbers(text),
    ...findBankCards(text),
    ...findMobileNumbers(text),
    ...findEmails(text),
    ...findSensitiveWords(text, options.sensitiveWords),
    ...findWordingErrors(text, options.wordingErrors ?? []),
  ];
  return removeOverlaps(matches).map((match) => ({ ...match, context: extractContext(text, match.start, match.end) }));
}
