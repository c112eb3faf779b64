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
function isWordCode(code: number): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHARACTER.test(String.fromCodePoint(code));
}

/**
 * Index terms are stored as integers (`int8[]` columns with GIN indexes): a character is its code
 * point, a pair of characters c₁c₂ is c₁ · 2²¹ + c₂ (code points have 21 bits, so pairs never
 * meet characters, and the largest key, about 2.3 · 10¹², is exact in a double). PostgreSQL
 * compares and sorts integers far faster than text under a collation: building the GIN index of a
 * million documents, its dearest step, takes about half as long as with text terms.
 */
const PAIR_SHIFT = 2 ** 21;
const CJK_FIRST = 0x4e00;
const CJK_END = 0xa000;
const CJK_COUNT = CJK_END - CJK_FIRST;

/** The stored key of an index term (one character or a pair of characters). */
export function termKey(term: string): number {
  let key = 0;
  for (const character of term) key = key * PAIR_SHIFT + character.codePointAt(0)!;
  return key;
}

/**
 * What indexKeysOf has seen of the text at hand, kept from call to call so that a million
 * documents allocate nothing for it: an entry belongs to the current call when it carries the
 * call's stamp. CJK ideographs (most characters) by their offset; pairs of them (most pairs) by
 * their rank among such pairs (below 2³⁰) in an open-addressing table that doubles when half
 * full. Anything else, rare, goes in a Set.
 */
const seen = {
  stamp: 0,
  characters: new Uint32Array(CJK_COUNT),
  pairRanks: new Int32Array(1 << 12),
  pairStamps: new Uint32Array(1 << 12),
  pairCount: 0,
};

function nextStamp(): number {
  seen.pairCount = 0;
  if (seen.stamp === 0xffffffff) {
    seen.characters.fill(0);
    seen.pairStamps.fill(0);
    seen.stamp = 0;
  }
  return ++seen.stamp;
}

/** The slot a rank hashes to in a table of `size` (a power of two) slots: the top bits of a multiplicative hash. */
function slotOf(rank: number, size: number): number {
  return Math.imul(rank, 0x9e3779b1) >>> (Math.clz32(size) + 1);
}

/** Records a CJK pair's rank for the current call; true when it is new. */
function addCjkPair(rank: number, stamp: number): boolean {
  const mask = seen.pairRanks.length - 1;
  let slot = slotOf(rank, seen.pairRanks.length);
  while (seen.pairStamps[slot] === stamp) {
    if (seen.pairRanks[slot] === rank) return false;
    slot = (slot + 1) & mask;
  }
  seen.pairStamps[slot] = stamp;
  seen.pairRanks[slot] = rank;
  if (++seen.pairCount * 2 > seen.pairRanks.length) growPairTable(stamp);
  return true;
}

function growPairTable(stamp: number): void {
  const { pairRanks, pairStamps } = seen;
  seen.pairRanks = new Int32Array(pairRanks.length * 2);
  seen.pairStamps = new Uint32Array(pairStamps.length * 2);
  const mask = seen.pairRanks.length - 1;
  for (let old = 0; old < pairRanks.length; old++) {
    if (pairStamps[old] !== stamp) continue;
    let slot = slotOf(pairRanks[old], seen.pairRanks.length);
    while (seen.pairStamps[slot] === stamp) slot = (slot + 1) & mask;
    seen.pairStamps[slot] = stamp;
    seen.pairRanks[slot] = pairRanks[old];
  }
}

/**
 * The index terms of a folded text, as keys (termKey): every word character (letters, digits,
 * CJK) and every pair of adjacent word characters, each once, in order of first occurrence.
 * Punctuation and spaces break pairs. (Called for every document an index build writes, a million
 * at province scale: no strings are built, and no regular expression runs for CJK or ASCII.)
 */
export function indexKeysOf(folded: string): number[] {
  const stamp = nextStamp();
  let otherCharacters: Set<number> | null = null;
  let otherPairs: Set<number> | null = null;
  const keys: number[] = [];
  let previous = -1;
  for (let index = 0; index < folded.length;) {
    const code = folded.codePointAt(index)!;
    index += code > 0xffff ? 2 : 1;
    if (!isWordCode(code)) {
      previous = -1;
      continue;
    }
    const cjk = code >= CJK_FIRST && code < CJK_END;
    if (cjk) {
      if (seen.characters[code - CJK_FIRST] !== stamp) {
        seen.characters[code - CJK_FIRST] = stamp;
        keys.push(code);
      }
    } else if (!(otherCharacters ??= new Set()).has(code)) {
      otherCharacters.add(code);
      keys.push(code);
    }
    if (previous >= 0) {
      if (cjk && previous >= CJK_FIRST && previous < CJK_END) {
        if (addCjkPair((previous - CJK_FIRST) * CJK_COUNT + (code - CJK_FIRST), stamp)) keys.push(previous * PAIR_SHIFT + code);
      } else {
        const pair = previous * PAIR_SHIFT + code;
        if (!(otherPairs ??= new Set()).has(pair)) {
          otherPairs.add(pair);
          keys.push(pair);
        }
      }
    }
    previous = code;
  }
  return keys;
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
