import { isValidMainlandIdNumber } from "./mainland-id-number";
import { maskIdNumber } from "./masking";

/**
 * Numbers of the identity documents a natural person may hold in a 双公示 record, as printed
 * on the document (upper case, no spaces; callers normalise first).
 * - 居民身份证: GB 11643-1999, with its check character.
 * - 护照: Chinese passports are a letter and 8 digits (E12345678); foreign ones vary, so 5–17 letters or digits.
 * - 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits; cards before 2013 had 10 digits.
 * - 台湾居民来往大陆通行证: 8 digits since the 2015 card; earlier ones had 10.
 * - 外国人永久居留身份证: the 2004/2017 card has 15 characters (3-letter nationality code, 12 digits);
 *   the 2023 card has 18, starting with 9, with the GB 11643 check character.
 */
const formats: Record<string, (value: string) => boolean> = {
  居民身份证: isValidMainlandIdNumber,
  护照: (value) => /^[A-Z0-9]{5,17}$/.test(value),
  港澳居民来往内地通行证: (value) => /^[HM]\d{8}(\d{2})?$/.test(value),
  台湾居民来往大陆通行证: (value) => /^\d{8}(\d{2})?$/.test(value),
  外国人永久居留身份证: (value) => /^[A-Z]{3}\d{12}$/.test(value) || (value.startsWith("9") && isValidMainlandIdNumber(value)),
};

export function isValidIdentityDocumentNumber(idType: string, value: string): boolean {
  return formats[idType]?.(value) ?? false;
}

/**
 * The public form of any document number: a 居民身份证 (and an 18-character number of another
 * type) as maskIdNumber does it; shorter numbers keep only their first character and last two, so
 * that a 9-character passport number shows 3 of its 9 characters rather than 8.
 */
export function maskIdentityDocumentNumber(value: string): string {
  if (value.length >= 18) return maskIdNumber(value);
  if (value.length <= 4) return "*".repeat(value.length);
  return value.slice(0, 1) + "*".repeat(value.length - 3) + value.slice(-2);
}
