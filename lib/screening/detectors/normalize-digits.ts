// Chinese documents often set numbers in full-width form (１３８…). Mapping them one UTF-16
// unit to one keeps every offset valid for the original text.
const fullWidthOffset = 0xff10 - 0x30;

export function normalizeFullWidthDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (character) => {
    if (character === "Ｘ") return "X";
    if (character === "ｘ") return "x";
    return String.fromCharCode(character.charCodeAt(0) - fullWidthOffset);
  });
}
