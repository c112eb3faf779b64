import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createChineseCalendar, createWeekendOnlyCalendar } from "@/lib/deadlines/calendar";
import { decisionColumns } from "@/lib/decisions/decision-fields";
import {
  addMonths,
  computeDecisionDisclosureDeadline,
  computePublicUntil,
  describeDisclosureStatus,
  earliestRemovalDate,
  isPublishedOnline,
  publicityMonthsOf,
} from "@/lib/decisions/publicity-rules";
import { validateDecisionValues, type DecisionInputValues } from "@/lib/decisions/validate-decision";
import { computeCreditCodeCheckCharacter, computeIdNumberCheckCharacter, maskIdentityDocumentNumber } from "@/lib/identifiers";

const today = "2017-12-31";
const code = (first17: string) => first17 + computeCreditCodeCheckCharacter(first17);
const idNumber = (first17: string) => first17 + computeIdNumberCheckCharacter(first17);
const company = code("91231081MA1000001");
const authority = code("11231081MB1964057");
const person = idNumber("23108119800101123");

/** The same code with another (valid-looking) check character. */
function wrongCheckCharacter(value: string): string {
  return value.slice(0, -1) + (value.at(-1) === "0" ? "1" : "0");
}

const license: DecisionInputValues = {
  counterpartyName: "绥芬河市华宇商贸有限公司",
  counterpartyCategory: "法人及非法人组织",
  creditCode: company,
  legalRepresentative: "王立新",
  documentNumber: "绥城管许字〔2017〕第001号",
  licenseName: "门头牌匾设置许可决定书",
  licenseContent: "准予设置门头牌匾一块。",
  decisionDate: "2017-03-15",
  validFrom: "2017-03-15",
  validUntil: "2018-03-14",
  authorityName: "绥芬河市城市管理和综合行政执法局",
  authorityCreditCode: authority,
  dataSourceName: "绥芬河市城市管理和综合行政执法局",
};

const penalty: DecisionInputValues = {
  counterpartyName: "张三",
  counterpartyCategory: "自然人",
  idNumber: person,
  documentNumber: "绥城管罚字〔2017〕第9号",
  violationType: "擅自占用城市道路",
  violationFacts: "未经批准在通天路占道堆放物料。",
  penaltyBasis: "《城市道路管理条例》第四十二条",
  penaltyCategories: "警告；罚款",
  penaltyContent: "警告并处罚款500元。",
  penaltyAmount: "0.0500",
  decisionDate: "2017/6/1",
  authorityName: "绥芬河市城市管理和综合行政执法局",
  authorityCreditCode: authority,
  dataSourceName: "绥芬河市城市管理和综合行政执法局",
};

function fieldsOf(kind: "license" | "penalty" | "coercion", values: DecisionInputValues): string[] {
  return validateDecisionValues(kind, values, { today }).problems.map((problem) => problem.field);
}

describe("validating 双公示 decisions", () => {
  test("a complete licence and a complete penalty are accepted and normalised", () => {
    const { record, problems } = validateDecisionValues("license", { ...license, creditCode: ` ${company.toLowerCase()} `, validUntil: "长期" }, { today });
    assert.deepEqual(problems, []);
    assert.equal(record?.creditCode, company);
    assert.equal(record?.counterpartyCategory, "legal_entity");
    assert.equal(record?.validUntil, null);
    const fined = validateDecisionValues("penalty", penalty, { today });
    assert.deepEqual(fined.problems, []);
    assert.deepEqual(fined.record?.penaltyCategories, ["警告", "罚款"]);
    assert.equal(fined.record?.penaltyAmount, "0.05");
    assert.equal(fined.record?.decisionDate, "2017-06-01");
    assert.equal(fined.record?.idNumber, person);
    assert.equal(fined.record?.licenseContent, null);
  });

  test("credit codes and ID numbers with a wrong check character are refused, with their own messages", () => {
    const badCode = validateDecisionValues(
      "license",
      { ...license, creditCode: wrongCheckCharacter(company), authorityCreditCode: wrongCheckCharacter(authority) },
      { today },
    );
    assert.deepEqual(
      badCode.problems.map((problem) => problem.field),
      ["creditCode", "authorityCreditCode"],
    );
    assert.ok(badCode.problems.every((problem) => problem.message.includes("校验位")));
    const malformed = validateDecisionValues("license", { ...license, creditCode: "91231081MA1OOOOO1" }, { today });
    assert.match(malformed.problems[0].message, /18 位/);
    const badId = validateDecisionValues("penalty", { ...penalty, idNumber: wrongCheckCharacter(person) }, { today });
    assert.deepEqual(
      badId.problems.map((problem) => problem.field),
      ["idNumber"],
    );
  });

  test("required values depend on the kind and the counterparty category", () => {
    assert.deepEqual(fieldsOf("license", { ...license, counterpartyName: "", licenseContent: " ", validFrom: "", decisionDate: "" }), [
      "counterpartyName",
      "licenseContent",
      "decisionDate",
      "validFrom",
    ]);
    assert.deepEqual(fieldsOf("license", { ...license, creditCode: "", legalRepresentative: "" }), ["creditCode", "legalRepresentative"]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, idNumber: "" }), ["idNumber"]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, violationFacts: "", penaltyBasis: "", penaltyCategories: "" }), [
      "violationFacts",
      "penaltyBasis",
      "penaltyCategories",
    ]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, penaltyAmount: "" }), ["penaltyAmount"], "a fine needs its amount");
    assert.deepEqual(fieldsOf("penalty", { ...penalty, penaltyCategories: "警告", penaltyAmount: "" }), [], "a warning has no amount");
    assert.deepEqual(fieldsOf("coercion", { ...license, coercionCategory: "扣押财物", coercionContent: "" }), ["coercionContent"]);
  });

  test("an organisation's decision must not carry a personal ID number; natural persons need no credit code", () => {
    assert.deepEqual(fieldsOf("license", { ...license, idNumber: person }), ["idNumber"]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, creditCode: "" }), []);
  });

  test("unknown categories are named", () => {
    const unknown = validateDecisionValues("penalty", { ...penalty, counterpartyCategory: "外国人", penaltyCategories: "罚款；游街" }, { today });
    assert.deepEqual(
      unknown.problems.map((problem) => problem.field),
      ["counterpartyCategory", "penaltyCategories"],
    );
    assert.match(unknown.problems[1].message, /游街/);
    assert.deepEqual(fieldsOf("coercion", { ...license, coercionCategory: "没收房屋", coercionContent: "x" }), ["coercionCategory"]);
    assert.deepEqual(fieldsOf("license", { ...license, counterpartyCategory: "个体户" }), []);
  });

  test("dates: real days only, 有效期至 not before 有效期自, the decision date not in the future", () => {
    assert.deepEqual(fieldsOf("license", { ...license, validFrom: "2017-03-15", validUntil: "2017-03-14" }), ["validUntil"]);
    assert.match(validateDecisionValues("license", { ...license, validUntil: "2017-03-01" }, { today }).problems[0].message, /有效期至不能早于有效期自/);
    assert.deepEqual(fieldsOf("license", { ...license, decisionDate: "2017-02-30" }), ["decisionDate"]);
    assert.deepEqual(fieldsOf("license", { ...license, decisionDate: "2018-01-01" }), ["decisionDate"]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, penaltyAmount: "-1" }), ["penaltyAmount"]);
  });

  test("every problem of a row is reported, in column order", () => {
    const all = validateDecisionValues("license", { counterpartyCategory: "x" }, { today });
    const order = decisionColumns("license").map((column) => column.key);
    const fields = all.problems.map((problem) => problem.field);
    assert.deepEqual(
      fields,
      [...fields].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
    assert.ok(fields.length >= 7, fields.join());
    assert.equal(all.record, null);
  });
});

const dataStandard = "《行政许可和行政处罚等信用信息公示数据标准》";

describe(`the national data items in full (${dataStandard})`, () => {
  test(`${dataStandard}: 许可类别, 许可编号, 行政许可决定文书名称 and 当前状态 are kept; a category or status outside the standard's lists is refused`, () => {
    const { record, problems } = validateDecisionValues(
      "license",
      { ...license, licenseCategory: "核准", licenseNumber: "绥城管许〔2017〕001", licenseDocumentName: "准予行政许可决定书", licenseStatus: "无效" },
      { today },
    );
    assert.deepEqual(problems, []);
    assert.equal(record?.licenseCategory, "核准");
    assert.equal(record?.licenseNumber, "绥城管许〔2017〕001");
    assert.equal(record?.licenseDocumentName, "准予行政许可决定书");
    assert.equal(record?.licenseStatus, "无效");
    assert.equal(validateDecisionValues("license", license, { today }).record?.licenseStatus, "有效", "a new licence is in force");
    const unknown = validateDecisionValues("license", { ...license, licenseCategory: "特批", licenseStatus: "过期" }, { today });
    assert.deepEqual(
      unknown.problems.map((problem) => problem.field),
      ["licenseCategory", "licenseStatus"],
    );
    assert.match(unknown.problems[0].message, /特批/);
  });

  test(`${dataStandard}: 罚款金额 and 没收违法所得、没收非法财物的金额 are separate columns in 万元; 罚没金额 is their sum`, () => {
    const split = validateDecisionValues(
      "penalty",
      { ...penalty, penaltyCategories: "罚款；没收违法所得", penaltyAmount: "", fineAmount: "0.05", confiscationAmount: "0.1200" },
      { today },
    );
    assert.deepEqual(split.problems, []);
    assert.equal(split.record?.fineAmount, "0.05");
    assert.equal(split.record?.confiscationAmount, "0.12");
    assert.equal(split.record?.penaltyAmount, "0.17", "罚没金额 keeps its meaning: both together");
    const all = validateDecisionValues("penalty", { ...penalty, penaltyAmount: "0.2", fineAmount: "0.05", confiscationAmount: "0.12" }, { today });
    assert.deepEqual(
      all.problems.map((problem) => problem.field),
      ["penaltyAmount"],
    );
    assert.match(all.problems[0].message, /之和/);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, fineAmount: "五百" }), ["fineAmount"]);
    // A file of the old template has only 罚没金额: still accepted.
    assert.equal(validateDecisionValues("penalty", penalty, { today }).record?.fineAmount, null);
  });

  test(`${dataStandard}: 暂扣或吊销证照名称及编号 and 数据来源单位统一社会信用代码 (checked like any credit code; the deciding body's when left empty)`, () => {
    const source = code("11231081MB1964100");
    const { record } = validateDecisionValues(
      "penalty",
      { ...penalty, penaltyCategories: "吊销许可证件", penaltyAmount: "", suspendedLicense: "食品经营许可证 JY12310810000001", dataSourceCreditCode: source },
      { today },
    );
    assert.equal(record?.suspendedLicense, "食品经营许可证 JY12310810000001");
    assert.equal(record?.dataSourceCreditCode, source);
    assert.equal(validateDecisionValues("penalty", penalty, { today }).record?.dataSourceCreditCode, authority);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, dataSourceCreditCode: wrongCheckCharacter(source) }), ["dataSourceCreditCode"]);
  });

  test(`${dataStandard}: a natural person's 证件类型 and 证件号码 are checked per type (居民身份证 with its check character)`, () => {
    const cases: [string, string][] = [
      ["护照", "E12345678"],
      ["护照", "753123456"],
      ["港澳居民来往内地通行证", "H12345678"],
      ["港澳居民来往内地通行证", "M1234567890"],
      ["台湾居民来往大陆通行证", "12345678"],
      ["外国人永久居留身份证", "RUS110075060001"],
      ["外国人永久居留身份证", idNumber("93110119800101123")],
      ["居民身份证", person],
    ];
    for (const [idType, number] of cases) {
      const { record, problems } = validateDecisionValues("penalty", { ...penalty, idType, idNumber: number.toLowerCase() }, { today });
      assert.deepEqual(problems, [], `${idType} ${number}`);
      assert.equal(record?.idType, idType);
      assert.equal(record?.idNumber, number);
    }
    const wrong: [string, string][] = [
      ["护照", "E12"],
      ["护照", "E1234567-8"],
      ["港澳居民来往内地通行证", "C12345678"],
      ["台湾居民来往大陆通行证", "H12345678"],
      ["外国人永久居留身份证", person],
      ["外国人永久居留身份证", wrongCheckCharacter(idNumber("93110119800101123"))],
      ["居民身份证", wrongCheckCharacter(person)],
    ];
    for (const [idType, number] of wrong) {
      const { problems } = validateDecisionValues("penalty", { ...penalty, idType, idNumber: number }, { today });
      assert.deepEqual(
        problems.map((problem) => problem.field),
        ["idNumber"],
        `${idType} ${number}`,
      );
    }
    assert.match(validateDecisionValues("penalty", { ...penalty, idType: "护照", idNumber: "E1" }, { today }).problems[0].message, /护照/);
    // Old templates have no 证件类型: the number is a 居民身份证, as it always was.
    assert.equal(validateDecisionValues("penalty", { ...penalty, idType: "" }, { today }).record?.idType, "居民身份证");
    assert.equal(validateDecisionValues("penalty", { ...penalty, idType: "台胞证", idNumber: "12345678" }, { today }).record?.idType, "台湾居民来往大陆通行证");
    assert.deepEqual(fieldsOf("penalty", { ...penalty, idType: "驾驶证" }), ["idType"]);
    assert.deepEqual(fieldsOf("license", { ...license, idType: "护照" }), ["idType"], "organisations carry no personal document");
  });

  test("every document number is masked for the public: a passport shows 3 of its 9 characters, a 居民身份证 its region and last four", () => {
    assert.equal(maskIdentityDocumentNumber("E12345678"), "E******78");
    assert.equal(maskIdentityDocumentNumber("RUS110075060001"), "R************01");
    assert.equal(maskIdentityDocumentNumber(person), `${person.slice(0, 4)}**********${person.slice(-4)}`);
    assert.equal(maskIdentityDocumentNumber("1234"), "****");
  });
});

describe("the 7-working-day deadline of 双公示", () => {
  const calendar = createChineseCalendar();

  test("holidays and the adjusted working Saturday before National Day 2017 are counted as the official calendar says", () => {
    // 2017-09-30 (Saturday) was a working day; 1–8 October were rest days.
    assert.equal(computeDecisionDisclosureDeadline(calendar, "2017-09-29").due, "2017-10-16");
    assert.equal(computeDecisionDisclosureDeadline(calendar, "2017-03-15").due, "2017-03-24");
    assert.equal(computeDecisionDisclosureDeadline(createWeekendOnlyCalendar(), "2017-09-29").due, "2017-10-10");
  });

  test("due, overdue and late", () => {
    assert.deepEqual(describeDisclosureStatus("2017-03-24", null, "2017-03-24"), { due: "2017-03-24", overdue: false, late: false });
    assert.deepEqual(describeDisclosureStatus("2017-03-24", null, "2017-03-25"), { due: "2017-03-24", overdue: true, late: false });
    assert.deepEqual(describeDisclosureStatus("2017-03-24", "2017-03-27", "2017-04-01"), { due: "2017-03-24", overdue: false, late: true });
  });
});

describe("publicity periods", () => {
  test("months are added as PostgreSQL adds them: a missing day becomes the month's last", () => {
    assert.equal(addMonths("2017-01-31", 1), "2017-02-28");
    assert.equal(addMonths("2016-01-31", 1), "2016-02-29");
    assert.equal(addMonths("2017-03-15", 36), "2020-03-15");
    assert.equal(addMonths("2017-11-30", 3), "2018-02-28");
    assert.equal(addMonths("2017-05-10", 0), "2017-05-10");
  });

  test("the last public day is the day before the period ends; no period, no end", () => {
    assert.equal(computePublicUntil("2017-03-15", 36), "2020-03-14");
    assert.equal(computePublicUntil("2017-03-15", 3), "2017-06-14");
    assert.equal(computePublicUntil("2017-03-15", null), null);
  });
});

const creditRepairRules = "国家发展改革委令第58号《失信行为纠正后的信用信息修复管理办法（试行）》";
const penaltyLaw = "《行政处罚法》第五十一条";

describe(`penalty publicity by procedure and severity (${creditRepairRules})`, () => {
  const periods = { license: null, penalty: 36, coercion: null };
  const ordinary = (severity: string): DecisionInputValues => ({ ...penalty, penaltyProcedure: "普通程序", penaltySeverity: severity });

  test(`${creditRepairRules}: 涉及一般失信行为的行政处罚信息 is public for 3 months from the decision date`, () => {
    const record = validateDecisionValues("penalty", ordinary("一般失信行为"), { today }).record!;
    assert.equal(record.penaltySeverity, "general");
    assert.equal(publicityMonthsOf(record, periods), 3);
    assert.equal(computePublicUntil(record.decisionDate, publicityMonthsOf(record, periods)), "2017-08-31", "decided 2017-06-01, last public day 2017-08-31");
    assert.equal(validateDecisionValues("penalty", ordinary("轻微"), { today }).record?.penaltySeverity, "general");
  });

  test(`${creditRepairRules}: 涉及严重失信行为的行政处罚信息 is public for at least 1 year and at most 3 years; early removal only once the year is up`, () => {
    const record = validateDecisionValues("penalty", ordinary("严重失信行为"), { today }).record!;
    assert.equal(publicityMonthsOf(record, periods), 36);
    assert.equal(computePublicUntil(record.decisionDate, 36), "2020-05-31");
    assert.equal(earliestRemovalDate(record.decisionDate, "serious"), "2018-06-01");
    assert.equal(earliestRemovalDate(record.decisionDate, "general"), "2017-09-01", "a general penalty's minimum is its end: it simply expires");
    // A penalty from before severities existed keeps the period an administrator set for its kind.
    assert.equal(publicityMonthsOf({ kind: "penalty", penaltySeverity: null }, { ...periods, penalty: 24 }), 24);
    assert.equal(publicityMonthsOf({ kind: "license", penaltySeverity: null }, periods), null);
  });

  test(`${creditRepairRules}: 适用简易程序的行政处罚信息不予公示 — kept in the register, never published online`, () => {
    const record = validateDecisionValues(
      "penalty",
      { ...penalty, penaltyProcedure: "简易程序", penaltyCategories: "警告", penaltyAmount: "" },
      { today },
    ).record!;
    assert.equal(record.penaltyProcedure, "simple");
    assert.equal(isPublishedOnline(record), false);
    assert.equal(isPublishedOnline({ kind: "penalty", penaltyProcedure: "ordinary" }), true);
    assert.equal(isPublishedOnline({ kind: "penalty", penaltyProcedure: null }), true, "old records were published as before");
  });

  test(`${creditRepairRules}: a penalty under the ordinary procedure needs its severity, since the publicity period follows from it; unknown words are named`, () => {
    assert.deepEqual(fieldsOf("penalty", { ...penalty, penaltyProcedure: "普通程序" }), ["penaltySeverity"]);
    assert.deepEqual(fieldsOf("penalty", { ...penalty, penaltyProcedure: "特别程序", penaltySeverity: "很严重" }), ["penaltyProcedure", "penaltySeverity"]);
    assert.equal(
      validateDecisionValues("penalty", { ...penalty, penaltyProcedure: "一般程序", penaltySeverity: "严重" }, { today }).record?.penaltyProcedure,
      "ordinary",
    );
    assert.deepEqual(fieldsOf("penalty", penalty), [], "old templates have neither column");
  });

  test(`${penaltyLaw}: the simple procedure decides only a warning, or a fine up to 200 yuan for a citizen and 3,000 yuan for an organisation`, () => {
    const simple = { ...penalty, penaltyProcedure: "简易程序" };
    assert.deepEqual(fieldsOf("penalty", { ...simple, penaltyAmount: "0.02" }), []);
    assert.deepEqual(fieldsOf("penalty", { ...simple, penaltyAmount: "0.0201" }), ["penaltyAmount"]);
    assert.deepEqual(fieldsOf("penalty", { ...simple, penaltyCategories: "吊销许可证件", penaltyAmount: "" }), ["penaltyCategories"]);
    const company = { ...license, ...simple, counterpartyCategory: "法人及非法人组织", idNumber: "" };
    assert.deepEqual(fieldsOf("penalty", { ...company, penaltyAmount: "0.3" }), []);
    assert.match(validateDecisionValues("penalty", { ...company, penaltyAmount: "", fineAmount: "0.31" }, { today }).problems[0].message, /3000 元/);
  });
});
