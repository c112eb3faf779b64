/**
 * Organisation codes (组织机构代码), GB 11714-1997: eight body characters (digits or capital
 * letters) and a check character (0–9 or X). The unified social credit code (GB 32100-2015) that
 * replaced them carries the organisation code as its characters 9 to 17.
 */

const organizationCodePattern = /^[0-9A-Z]{8}[0-9X]$/;
const checkWeights = [3, 7, 9, 10, 5, 8, 4, 2];

function characterValue(character: string): number {
  return /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 55; // A = 10 … Z = 35
}

export function computeOrganizationCodeCheckCharacter(firstEightCharacters: string): string {
  let sum = 0;
  for (let position = 0; position < 8; position++) sum += characterValue(firstEightCharacters[position]) * checkWeights[position];
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

/** Only the canonical form (capitals, no hyphen before the check character) is valid: normalise first. */
export function isValidOrganizationCode(value: string): boolean {
  if (!organizationCodePattern.test(value)) return false;
  return computeOrganizationCodeCheckCharacter(value.slice(0, 8)) === value[8];
}
