const maskCharacter = "*";

/**
 * "230103199001011234" -> "2301**********1234": region prefix and last four stay so staff can
 * still tell records apart, the birth date is hidden. Strings too short to keep anything
 * private are masked entirely.
 */
export function maskIdNumber(value: string): string {
  const visibleEachEnd = 4;
  if (value.length <= visibleEachEnd * 2) return maskCharacter.repeat(value.length);
  const hidden = value.length - visibleEachEnd * 2;
  return value.slice(0, visibleEachEnd) + maskCharacter.repeat(hidden) + value.slice(-visibleEachEnd);
}

/**
 * "张小三" -> "张*三", "张三" -> "张*": the surname stays, given names are hidden, as in
 * published penalty decisions. Works on code points so rare characters (𠮷) are not split.
 */
export function maskPersonName(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= 1) return maskCharacter.repeat(characters.length);
  if (characters.length === 2) return characters[0] + maskCharacter;
  const hidden = characters.length - 2;
  return characters[0] + maskCharacter.repeat(hidden) + characters[characters.length - 1];
}
