/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 17 characters and a check
 * character, from a 31-character set without I, O, Z, S, V (too easily confused with 1, 0, 2, 5 and U).
 */

const creditCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const creditCodePattern = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
// 3^i mod 31, as tabulated in the standard.
const checkWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function computeCreditCodeCheckCharacter(firstSeventeenCharacters: string): string {
  let sum = 0;
  for (let position = 0; position < 17; position++) {
    sum += creditCodeCharacters.indexOf(firstSeventeenCharacters[position]) * checkWeights[position];
  }
  return creditCodeCharacters[(31 - (sum % 31)) % 31];
}

/** Only the canonical upper-case form is valid; normalise user input before validating it. */
export function isValidCreditCode(value: string): boolean {
  if (!creditCodePattern.test(value)) return false;
  return computeCreditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}
