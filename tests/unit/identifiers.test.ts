import assert from "node:assert/strict";
import { test } from "node:test";
import {
  computeCreditCodeCheckCharacter,
  computeIdNumberCheckCharacter,
  computeOrganizationCodeCheckCharacter,
  isValidCreditCode,
  isValidMainlandIdNumber,
  isValidOrganizationCode,
  maskIdNumber,
  maskPersonName,
} from "../../lib/identifiers";

// Written out from GB 11643-1999 independently of the implementation, so a wrong weight or
// check table in the library makes these tests fail rather than agree with itself.
function completeIdNumber(firstSeventeenDigits: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...firstSeventeenDigits].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return firstSeventeenDigits + "10X98765432"[sum % 11];
}

// GB 32100-2015 weights are 3^i mod 31; derived here rather than copied from the library.
function completeCreditCode(firstSeventeenCharacters: string): string {
  const characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const sum = [...firstSeventeenCharacters].reduce((total, character, index) => total + characters.indexOf(character) * (3 ** index % 31), 0);
  return firstSeventeenCharacters + characters[(31 - (sum % 31)) % 31];
}

test("mainland ID numbers with a correct check character and birth date are valid", () => {
  assert.equal(isValidMainlandIdNumber("11010519491231002X"), true); // example in GB 11643
  assert.equal(isValidMainlandIdNumber("440524188001010014"), true); // example in GB 11643
  const computed = completeIdNumber("23010319900101123");
  assert.equal(computed, "230103199001011237");
  assert.equal(isValidMainlandIdNumber(computed), true);
  assert.equal(isValidMainlandIdNumber(completeIdNumber("32010820000229456")), true); // leap day
  assert.equal(computeIdNumberCheckCharacter("11010519491231002"), "X");
});

test("mainland ID numbers with a wrong checksum, date or form are invalid", () => {
  assert.equal(isValidMainlandIdNumber("230103199001011234"), false); // check should be 7
  assert.equal(isValidMainlandIdNumber("110105194912310021"), false); // check should be X
  assert.equal(isValidMainlandIdNumber(completeIdNumber("32010820010229456")), false); // 2001-02-29
  assert.equal(isValidMainlandIdNumber(completeIdNumber("32010819901301456")), false); // month 13
  assert.equal(isValidMainlandIdNumber(completeIdNumber("32010817991231456")), false); // before 1800
  assert.equal(isValidMainlandIdNumber("11010519491231002x"), false); // canonical form only
  assert.equal(isValidMainlandIdNumber("1101051949123100"), false);
  assert.equal(isValidMainlandIdNumber(" 11010519491231002X"), false);
  assert.equal(isValidMainlandIdNumber("11010519491231002XX"), false);
  assert.equal(isValidMainlandIdNumber(""), false);
});

test("unified social credit codes with a correct check character are valid", () => {
  assert.equal(isValidCreditCode("91350100M000100Y43"), true);
  assert.equal(computeCreditCodeCheckCharacter("91350100M000100Y4"), "3");
  const computed = completeCreditCode("11231000MB1D8XKRU");
  assert.equal(isValidCreditCode(computed), true);
  // Find a prefix whose remainder is 0, the case where the check character wraps to "0".
  const wrapping = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    .map((digit) => completeCreditCode(`9135010057000100${digit}`))
    .concat(["A", "B", "C", "D", "E", "F", "G", "H", "J", "K"].map((letter) => completeCreditCode(`913501005700010${letter}1`)))
    .find((code) => code.endsWith("0"));
  assert.ok(wrapping, "expected a code with check character 0 among the candidates");
  assert.equal(isValidCreditCode(wrapping), true);
});

test("credit codes with a wrong checksum, forbidden letters or wrong form are invalid", () => {
  assert.equal(isValidCreditCode("91350100M000100Y44"), false);
  assert.equal(isValidCreditCode("91350100M000100Y4"), false);
  assert.equal(isValidCreditCode("91350100m000100y43"), false);
  for (const forbidden of ["I", "O", "Z", "S", "V"]) {
    // GB 32100 leaves these out because they are easily misread as 1, 0, 2, 5 and U.
    assert.equal(isValidCreditCode(`91350100${forbidden}000100Y43`), false, forbidden);
  }
  assert.equal(isValidCreditCode(""), false);
});

test("maskIdNumber keeps four characters at each end", () => {
  assert.equal(maskIdNumber("230103199001011234"), "2301**********1234");
  assert.equal(maskIdNumber("11010519491231002X"), "1101**********002X");
  assert.equal(maskIdNumber("12345678"), "********");
  assert.equal(maskIdNumber(""), "");
});

test("maskPersonName keeps the surname and, for longer names, the last character", () => {
  assert.equal(maskPersonName("张小三"), "张*三");
  assert.equal(maskPersonName("张三"), "张*");
  assert.equal(maskPersonName("欧阳小明"), "欧**明");
  assert.equal(maskPersonName("张"), "*");
  assert.equal(maskPersonName("𠮷小明"), "𠮷*明");
  assert.equal(maskPersonName(""), "");
});

// GB 11714-1997, written out here: weights 3 7 9 10 5 8 4 2, letters A–Z worth 10–35, C9 = 11 − (Σ mod 11),
// 10 written X and 11 written 0.
function completeOrganizationCode(firstEight: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...firstEight].reduce((total, character, index) => total + parseInt(character, 36) * weights[index], 0);
  const check = 11 - (sum % 11);
  return firstEight + (check === 10 ? "X" : check === 11 ? "0" : String(check));
}

test("GB 11714-1997: organisation codes with a correct check character are valid (the standard's example D2143569-X)", () => {
  assert.equal(isValidOrganizationCode("D2143569X"), true);
  assert.equal(computeOrganizationCodeCheckCharacter("D2143569"), "X");
  for (const body of ["41290673", "00000000", "MA0ABCDE", "12345678"]) {
    assert.equal(computeOrganizationCodeCheckCharacter(body), completeOrganizationCode(body).slice(-1), body);
    assert.equal(isValidOrganizationCode(completeOrganizationCode(body)), true, body);
  }
});

test("GB 11714-1997: a wrong check character, a hyphen, lower case or a wrong length is not a canonical organisation code", () => {
  assert.equal(isValidOrganizationCode("D21435691"), false);
  assert.equal(isValidOrganizationCode("D2143569-X"), false);
  assert.equal(isValidOrganizationCode("d2143569x"), false);
  assert.equal(isValidOrganizationCode("D2143569"), false);
});

test("GB 32100-2015: a credit code's characters 9–17 are its organisation code, both checks hold for the demo office's code", () => {
  const demo = "11231081412906730M";
  assert.equal(isValidCreditCode(demo), true);
  assert.equal(demo, completeCreditCode(demo.slice(0, 17)));
  assert.equal(isValidOrganizationCode(demo.slice(8, 17)), true);
});
