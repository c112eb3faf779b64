import assert from "node:assert/strict";
import { test } from "node:test";
import { findScreeningFindings, type ScreeningFinding } from "../../lib/screening";
import { findBankCards, passesLuhnCheck } from "../../lib/screening/detectors/bank-card";

const noWords = { sensitiveWords: [] };

// Independent of the library: GB 11643 check character.
function completeIdNumber(firstSeventeenDigits: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...firstSeventeenDigits].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return firstSeventeenDigits + "10X98765432"[sum % 11];
}

// Independent of the library: the Luhn check digit that makes `partial + digit` valid.
function completeLuhn(partial: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = partial + digit;
    const sum = [...candidate].reverse().reduce((total, character, index) => {
      const doubled = index % 2 === 1 ? Number(character) * 2 : Number(character);
      return total + (doubled > 9 ? doubled - 9 : doubled);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

function summarize(findings: ScreeningFinding[]): [string, string][] {
  return findings.map((finding) => [finding.kind, finding.match]);
}

test("a valid ID number is found with its offsets and context", () => {
  const idNumber = completeIdNumber("23010319900101123");
  const text = `当事人张小三，身份证号${idNumber}，住所地某市某区。`;
  const findings = findScreeningFindings(text, noWords);
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(finding.kind, "id_number");
  assert.equal(finding.match, idNumber);
  assert.equal(finding.start, text.indexOf(idNumber));
  assert.equal(finding.end, finding.start + 18);
  assert.equal(text.slice(finding.start, finding.end), idNumber);
  assert.equal(finding.context, text); // fewer than 15 characters on either side: clipped to the text
});

test("ID numbers with a wrong checksum or inside a longer digit run are not reported", () => {
  assert.deepEqual(findScreeningFindings("身份证号230103199001011234。", noWords), []);
  const idNumber = completeIdNumber("23010319900101123");
  const findings = findScreeningFindings(`流水号9${idNumber}`, noWords);
  assert.ok(!findings.some((finding) => finding.kind === "id_number"));
});

test("ID numbers in lower-case x or full-width digits are still found, reported as written", () => {
  const lowerCase = findScreeningFindings("号码11010519491231002x。", noWords);
  assert.deepEqual(summarize(lowerCase), [["id_number", "11010519491231002x"]]);
  const fullWidth = "１１０１０５１９４９１２３１００２Ｘ";
  assert.deepEqual(summarize(findScreeningFindings(`号码${fullWidth}。`, noWords)), [["id_number", fullWidth]]);
});

test("mobile numbers are found, with +86 and 3-4-4 spacing, but not inside longer digit runs", () => {
  assert.deepEqual(summarize(findScreeningFindings("联系电话13812345678。", noWords)), [["mobile_number", "13812345678"]]);
  assert.deepEqual(summarize(findScreeningFindings("电话：+86 138-1234-5678", noWords)), [["mobile_number", "+86 138-1234-5678"]]);
  assert.deepEqual(summarize(findScreeningFindings("电话 139 0000 1111 转", noWords)), [["mobile_number", "139 0000 1111"]]);
  assert.deepEqual(findScreeningFindings("订单号213812345678", noWords), []);
  assert.deepEqual(findScreeningFindings("订单号138123456789", noWords), []);
  assert.deepEqual(findScreeningFindings("编号12812345678", noWords), []); // 12x is not a mobile prefix
  assert.deepEqual(findScreeningFindings("固定电话0451-86123456", noWords), []);
});

test("bank card numbers must pass Luhn", () => {
  assert.equal(passesLuhnCheck("4111111111111111"), true);
  assert.equal(passesLuhnCheck("4111111111111112"), false);
  const unionPay = completeLuhn("622202123456789012"); // 19 digits
  assert.deepEqual(summarize(findScreeningFindings(`账号${unionPay}，开户行`, noWords)), [["bank_card", unionPay]]);
  assert.deepEqual(summarize(findScreeningFindings("卡号4111111111111111", noWords)), [["bank_card", "4111111111111111"]]);
  assert.deepEqual(findScreeningFindings("卡号4111111111111112", noWords), []);
  assert.deepEqual(findScreeningFindings("卡号41111111111111110000", noWords), []); // 22 digits
  const grouped = completeLuhn("622202123456789").replace(/(\d{4})(?=\d)/g, "$1 ");
  assert.deepEqual(summarize(findScreeningFindings(`卡号 ${grouped} 。`, noWords)), [["bank_card", grouped]]);
});

test("an ID number that also passes Luhn is reported once, as an ID", () => {
  let idNumber = "";
  for (let sequence = 0; sequence < 1000 && !idNumber; sequence++) {
    const candidate = completeIdNumber(`32010819850615${String(sequence).padStart(3, "0")}`);
    if (/^\d{18}$/.test(candidate) && passesLuhnCheck(candidate)) idNumber = candidate;
  }
  assert.ok(idNumber, "expected some sequence number to give a Luhn-valid ID");
  assert.equal(findBankCards(idNumber).length, 1); // the bank-card detector alone would report it
  assert.deepEqual(summarize(findScreeningFindings(`证件号${idNumber}`, noWords)), [["id_number", idNumber]]);
});

test("email addresses are found without the surrounding punctuation", () => {
  const text = "来信请寄zhang.san-01@chengguan.example.gov.cn，或致电。";
  assert.deepEqual(summarize(findScreeningFindings(text, noWords)), [["email", "zhang.san-01@chengguan.example.gov.cn"]]);
  assert.deepEqual(findScreeningFindings("不是邮箱：user@localhost", noWords), []);
});

test("sensitive words are found case-insensitively at every occurrence", () => {
  const text = "本文件含机密内容。Secret 与 SECRET 均应删除，机密不得公开。";
  const findings = findScreeningFindings(text, { sensitiveWords: ["机密", "secret", "  ", ""] });
  assert.deepEqual(summarize(findings), [
    ["sensitive_word", "机密"],
    ["sensitive_word", "Secret"],
    ["sensitive_word", "SECRET"],
    ["sensitive_word", "机密"],
  ]);
  assert.deepEqual(
    findings.map((finding) => finding.start),
    [text.indexOf("机密"), text.indexOf("Secret"), text.indexOf("SECRET"), text.lastIndexOf("机密")],
  );
  assert.deepEqual(findScreeningFindings("a+b (c)", { sensitiveWords: ["a+b", "(c)"] }).length, 2); // no regex injection
});

test("overlapping findings are reported once, preferring the longer or more specific one", () => {
  const words = findScreeningFindings("内部绝密文件", { sensitiveWords: ["绝密", "绝密文件", "密文", "绝密"] });
  assert.deepEqual(summarize(words), [["sensitive_word", "绝密文件"]]);

  const overlappingKinds = findScreeningFindings("电话13812345678", { sensitiveWords: ["1381234"] });
  assert.deepEqual(summarize(overlappingKinds), [["mobile_number", "13812345678"]]);
});

test("findings come back in text order with contexts of about fifteen characters each side", () => {
  const idNumber = completeIdNumber("11010519800101001");
  const prefix = "一二三四五六七八九十一二三四五六七八九十";
  const text = `${prefix}邮箱a@b.cn，身份证${idNumber}，手机13912345678${prefix}`;
  const findings = findScreeningFindings(text, noWords);
  assert.deepEqual(
    findings.map((finding) => finding.kind),
    ["email", "id_number", "mobile_number"],
  );
  const mobile = findings[2];
  assert.equal(mobile.context, text.slice(mobile.start - 15, mobile.end + 15));
  assert.equal(mobile.context.length, 11 + 30);
});

test("严重表述错误: each listed wrong form is found exactly as written, with its correct form", () => {
  const text = "绥芬河市城管局发布通知。绥芬河市城管局局长…";
  const findings = findScreeningFindings(text, {
    sensitiveWords: [],
    wordingErrors: [{ wrong: "绥芬河市城管局", correct: "绥芬河市城市管理和综合行政执法局" }],
  });
  assert.deepEqual(
    findings.map((finding) => [finding.kind, finding.start, finding.match]),
    [
      ["wording_error", 0, "绥芬河市城管局 → 绥芬河市城市管理和综合行政执法局"],
      ["wording_error", 12, "绥芬河市城管局 → 绥芬河市城市管理和综合行政执法局"],
    ],
  );
  assert.deepEqual(findScreeningFindings("绥芬河市城市管理和综合行政执法局", { sensitiveWords: [], wordingErrors: [{ wrong: "城管局", correct: "x" }] }), []);
});
