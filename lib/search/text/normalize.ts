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

/** /\s/ without a regular expression for ASCII and CJK ideographs (snippets fold every character of a hit's text). */
function isWhiteSpace(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  return /\s/.test(character);
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
    if (isWhiteSpace(character)) {
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

/** Whether a code point is a word character; CJK ideographs and ASCII letters and digits without a regular expression (most of any text). */
function isWordCode(code: number, character: string): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHARACTER.test(character);
}

const CJK_FIRST = 0x4e00;
const CJK_END = 0xa000;

/**
 * The index terms of a folded text: every word character (letters, digits, CJK) and every pair of
 * adjacent word characters, each once, in order of first occurrence. Punctuation and spaces break
 * pairs. (Called for every document an index build writes, a million at province scale: CJK pairs
 * are remembered as small integers rather than strings, and no regular expression runs for CJK or
 * ASCII characters.)
 */
export function indexTermsOf(folded: string): string[] {
  const seenCharacters = new Set<number>();
  const seenCjkPairs = new Set<number>();
  const seenOtherPairs = new Set<string>();
  const terms: string[] = [];
  let previous = -1;
  let previousCharacter = "";
  for (let index = 0; index < folded.length;) {
    const code = folded.codePointAt(index)!;
    const size = code > 0xffff ? 2 : 1;
    const character = size === 1 ? folded[index] : folded.slice(index, index + 2);
    index += size;
    if (!isWordCode(code, character)) {
      previous = -1;
      continue;
    }
    if (!seenCharacters.has(code)) {
      seenCharacters.add(code);
      terms.push(character);
    }
    if (previous >= 0) {
      if (previous >= CJK_FIRST && previous < CJK_END && code >= CJK_FIRST && code < CJK_END) {
        const key = (previous - CJK_FIRST) * (CJK_END - CJK_FIRST) + (code - CJK_FIRST);
        if (!seenCjkPairs.has(key)) {
          seenCjkPairs.add(key);
          terms.push(previousCharacter + character);
        }
      } else {
        const pair = previousCharacter + character;
        if (!seenOtherPairs.has(pair)) {
          seenOtherPairs.add(pair);
          terms.push(pair);
        }
      }
    }
    previous = code;
    previousCharacter = character;
  }
  return terms;
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
