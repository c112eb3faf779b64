import type { ScreeningMatch } from "../types";

// Deliberately simpler than RFC 5322: it has to find addresses in running Chinese text, where
// the neighbouring characters (，。、) are never part of the address.
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

export function findEmails(text: string): ScreeningMatch[] {
  const matches: ScreeningMatch[] = [];
  for (const candidate of text.matchAll(emailPattern)) {
    const start = candidate.index;
    const end = start + candidate[0].length;
    matches.push({ kind: "email", match: candidate[0], start, end });
  }
  return matches;
}
