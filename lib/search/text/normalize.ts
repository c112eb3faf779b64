import { toSimplified } from "@/lib/search/text/chinese-variants";

/**
 * How text becomes searchable. Chinese has no spaces between words, so instead of a word
 * segmenter (whose dictionary decides what can be found) every document is indexed by its
 * characters and character pairs: a query of one or two characters is an exact index lookup, and
 * a longer phrase is narrowed by the index to documents holding all of its pairs, then confirmed
 * against the document's folded text. Documents and queries are folded the same way first:
 * Unicode compatibility forms (full-width letters and digits, ideographic space), case, and
 * traditional characters to simplified ones.
 */

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const BRACKETS: Record<string, string> = { "〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]", "〖": "[", "〗": "]" };

export function isWordCharacter(character: string): boolean {
  return WORD_CHARACTER.test(character);
}

function foldCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  // Fast paths (most characters of a Chinese document): ASCII only changes case; unified CJK
  // ideographs have no compatibility decomposition, only a possible simplified form.
  if (code < 0x80) return character.toLowerCase();
  if (code >= 0x4e00 && code <= 0x9fff) return toSimplified(character);
  return BRACKETS[character] ?? toSimplified(character.normalize("NFKC").toLowerCase());
}

/**
 * The folded form in which documents are stored for matching and queries are matched: NFKC, lower
 * case, simplified characters, bracket variants unified, every run of white space one space.
 */
export function foldForSearch(text: string): string {
  let folded = toSimplified(text.normalize("NFKC").toLowerCase());
  folded = folded.replace(/[〔〕【】［］〖〗]/g, (bracket) => BRACKETS[bracket]);
  return folded.replace(/\s+/g, " ").trim();
}

export type FoldedWithOffsets = {
  folded: string;
  /** For each UTF-16 index of `folded`, the UTF-16 index in the original text where it came from. */
  origins: number[];
};

/**
 * Folds like foldForSearch but remembers where each folded character came from, so that a match
 * found in the folded text can be highlighted in the original one (snippets).
 */
export function foldWithOffsets(text: string): FoldedWithOffsets {
  let folded = "";
  const origins: number[] = [];
  let index = 0;
  let lastWasSpace = true;
  for (const character of text) {
    const start = index;
    index += character.length;
    if (character === " " || character === "\n" || character === "\t" || /\s/.test(character)) {
      if (!lastWasSpace) {
        folded += " ";
        origins.push(start);
        lastWasSpace = true;
      }
      continue;
    }
    const piece = foldCharacter(character);
    for (let offset = 0; offset < piece.length; offset++) origins.push(start);
    folded += piece;
    lastWasSpace = false;
  }
  if (folded.endsWith(" ")) {
    folded = folded.slice(0, -1);
    origins.pop();
  }
  return { folded, origins };
}

/**
 * The index terms of a folded text: every word character (letters, digits, CJK) and every pair of
 * adjacent word characters. Punctuation and spaces break pairs.
 */
export function indexTermsOf(folded: string): string[] {
  const terms = new Set<string>();
  let previous = "";
  for (const character of folded) {
    if (!WORD_CHARACTER.test(character)) {
      previous = "";
      continue;
    }
    terms.add(character);
    if (previous) terms.add(previous + character);
    previous = character;
  }
  return [...terms];
}

/**
 * The index terms a document must hold to possibly contain a folded phrase: its pairs, or the
 * character itself for a lone character. `exact` when holding them proves the phrase is there
 * (a phrase of one or two word characters), so no check against the text is needed.
 */
export function phraseIndexTerms(phrase: string): { terms: string[]; exact: boolean } {
  const runs = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = new Set<string>();
  for (const run of runs) {
    const characters = [...run];
    if (characters.length === 1) terms.add(characters[0]);
    for (let position = 1; position < characters.length; position++) terms.add(characters[position - 1] + characters[position]);
  }
  const exact = runs.length === 1 && runs[0] === phrase && [...phrase].length <= 2;
  return { terms: [...terms], exact };
}
