/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999: six digits of region, eight of birth
 * date, three of sequence, one check character (0–9 or X).
 */

const idNumberPattern = /^\d{17}[\dX]$/;
const checkWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = "10X98765432";
// The standard's own examples go back to 1880; an upper bound keeps random digit runs that
// happen to pass the checksum from being taken for IDs during screening.
const earliestBirthYear = 1800;
const latestBirthYear = 2099;

export function computeIdNumberCheckCharacter(firstSeventeenDigits: string): string {
  let sum = 0;
  for (let position = 0; position < 17; position++) {
    sum += Number(firstSeventeenDigits[position]) * checkWeights[position];
  }
  return checkCharacters[sum % 11];
}

function isValidBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < earliestBirthYear || year > latestBirthYear) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Only the canonical form is valid (upper-case X, no spaces): stored values must compare
 * equal, so callers normalise user input before validating it.
 */
export function isValidMainlandIdNumber(value: string): boolean {
  if (!idNumberPattern.test(value)) return false;
  if (!isValidBirthDate(value.slice(6, 14))) return false;
  return computeIdNumberCheckCharacter(value.slice(0, 17)) === value[17];
}
