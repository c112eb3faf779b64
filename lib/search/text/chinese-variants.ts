import hongKongVariants from "opencc-js/dict/HKVariantsRev";
import traditionalToSimplified from "opencc-js/dict/TSCharacters";
import taiwanVariants from "opencc-js/dict/TWVariantsRev";

/**
 * Traditional → simplified, one character to one character, from OpenCC's own dictionaries
 * (opencc-js, pinned in package.json): regional variants (台灣 / 香港 forms) first, then OpenCC's
 * traditional → simplified character table. Search folds both the documents and the queries
 * with it, so a query in either script finds text in either script. Character-level on purpose:
 * OpenCC's phrase tables can change the length of a text, which would break the offsets that
 * snippets and phrase matching rely on.
 */
function buildCharacterMap(): Map<number, string> {
  const map = new Map<number, string>();
  const load = (dictionary: string, chain: boolean) => {
    for (const entry of dictionary.split("|")) {
      const [from, to] = entry.split(" ");
      if (!from || !to || [...from].length !== 1 || [...to].length !== 1) continue;
      const code = from.codePointAt(0)!;
      if (!map.has(code) || chain) map.set(code, to);
    }
  };
  load(taiwanVariants, false);
  load(hongKongVariants, false);
  // The variant tables map to traditional standard forms; convert those to simplified as well.
  const standard = new Map<number, string>();
  for (const entry of traditionalToSimplified.split("|")) {
    const [from, to] = entry.split(" ");
    if (!from || !to || [...from].length !== 1 || [...to].length !== 1) continue;
    standard.set(from.codePointAt(0)!, to);
  }
  for (const [code, target] of map) map.set(code, standard.get(target.codePointAt(0)!) ?? target);
  for (const [code, target] of standard) if (!map.has(code)) map.set(code, target);
  // Identity entries (a character mapped to itself) need no lookup.
  for (const [code, target] of map) if (target.codePointAt(0) === code) map.delete(code);
  return map;
}

let characterMap: Map<number, string> | undefined;
/** The same map for the Basic Multilingual Plane as an array indexed by UTF-16 code unit (faster than a Map lookup). */
let bmpTable: (string | undefined)[] | undefined;

/**
 * Converts traditional characters to simplified ones, character by character (same length in code
 * points). Most text needs no change (it is already simplified): it is then returned as it is, and
 * otherwise only the changed characters are replaced.
 */
export function toSimplified(text: string): string {
  if (!characterMap || !bmpTable) {
    characterMap = buildCharacterMap();
    bmpTable = new Array<string | undefined>(0x10000);
    for (const [code, target] of characterMap) if (code < 0x10000) bmpTable[code] = target;
  }
  let result = "";
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let target: string | undefined;
    let size = 1;
    if (code >= 0xd800 && code <= 0xdbff) {
      const full = text.codePointAt(index)!;
      if (full > 0xffff) {
        size = 2;
        target = characterMap.get(full);
      }
    } else {
      target = bmpTable[code];
    }
    if (target !== undefined) {
      result += text.slice(copiedUpTo, index) + target;
      copiedUpTo = index + size;
    }
    index += size - 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}
