import { foldForSearch, phraseIndexTerms } from "@/lib/search/text/normalize";

/** One thing the visitor asked for: a word, or a quoted phrase, folded as the index folds text. */
export type SearchPhrase = {
  /** As folded (foldForSearch): what must occur, contiguously, in a matching document. */
  text: string;
  quoted: boolean;
  /** Index terms every matching document holds (characters or character pairs). */
  terms: string[];
  /** True when holding the terms proves the phrase occurs (one or two word characters). */
  exact: boolean;
};

export type ParsedQuery = { phrases: SearchPhrase[] };

export const MAX_QUERY_LENGTH = 100;
export const MAX_PHRASES = 8;

const QUOTED = /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/g;

/**
 * Reads what a visitor typed: words separated by spaces must all occur (AND); a quoted part is one
 * phrase even if it has spaces. Every word, quoted or not, matches as a contiguous phrase: 城市管理
 * finds "城市管理", never 城市 here and 管理 there. Parts with no letter or digit (punctuation
 * only) are dropped; an empty result means there is nothing to search for.
 */
export function parseSearchQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, MAX_QUERY_LENGTH);
  const phrases: SearchPhrase[] = [];
  const seen = new Set<string>();
  const add = (part: string, quoted: boolean) => {
    const folded = foldForSearch(part);
    if (!folded || seen.has(folded) || phrases.length >= MAX_PHRASES) return;
    const { terms, exact } = phraseIndexTerms(folded);
    if (!terms.length) return;
    seen.add(folded);
    phrases.push({ text: folded, quoted, terms, exact });
  };
  let rest = "";
  let last = 0;
  for (const match of text.matchAll(QUOTED)) {
    rest += `${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
    add(match[1] ?? match[2] ?? match[3] ?? match[4] ?? "", true);
  }
  rest += text.slice(last);
  // An unmatched quote mark is punctuation, not an instruction.
  for (const part of foldForSearch(rest.replace(/["“”「」『』]/g, " ")).split(" ")) add(part, false);
  return { phrases };
}

/** Every index term of the query (what the GIN index is asked for). */
export function allTermsOf(query: ParsedQuery): string[] {
  return [...new Set(query.phrases.flatMap((phrase) => phrase.terms))];
}
