import type { CounterpartyCategory, DecisionKind, PenaltyProcedure, PenaltySeverity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";

/**
 * The national 双公示 data items, as columns: the order of the import template and the export,
 * the Chinese header each column has, and which columns a kind has. The same keys name the
 * fields of the console form and the JSON API.
 */

export const decisionKinds: readonly DecisionKind[] = ["license", "penalty", "coercion"];
export const counterpartyCategories: readonly CounterpartyCategory[] = ["legal_entity", "natural_person", "individual_business"];

export function isDecisionKind(value: unknown): value is DecisionKind {
  return typeof value === "string" && (decisionKinds as readonly string[]).includes(value);
}

export type DecisionFieldKey =
  | "counterpartyName"
  | "counterpartyCategory"
  | "creditCode"
  | "legalRepresentative"
  | "idType"
  | "idNumber"
  | "documentNumber"
  | "licenseCategory"
  | "licenseDocumentName"
  | "licenseNumber"
  | "licenseName"
  | "licenseContent"
  | "licenseStatus"
  | "violationType"
  | "violationFacts"
  | "penaltyBasis"
  | "penaltyCategories"
  | "penaltyContent"
  | "penaltyAmount"
  | "fineAmount"
  | "confiscationAmount"
  | "suspendedLicense"
  | "penaltyProcedure"
  | "penaltySeverity"
  | "coercionCategory"
  | "coercionContent"
  | "decisionDate"
  | "validFrom"
  | "validUntil"
  | "authorityName"
  | "authorityCreditCode"
  | "publicUntil"
  | "dataSourceName"
  | "dataSourceCreditCode"
  | "remarks";

export type DecisionColumn = {
  key: DecisionFieldKey;
  header: string;
  aliases?: readonly string[];
  /** The column must be in an imported file: its value is required in every row. */
  requiredColumn: boolean;
  /** Keep as text in Excel (codes, numbers with many digits). */
  text?: boolean;
  note?: string;
  width?: number;
  /**
   * Computed by the system (公示截止期): exported, accepted and ignored on import (an export
   * re-imports), never typed in the form.
   */
  computed?: boolean;
};

const f = messages.registers.decisions.fields;
const notes = messages.registers.decisions.notes;

const leadingColumns: DecisionColumn[] = [
  { key: "counterpartyName", header: f.counterpartyName, requiredColumn: true, width: 30 },
  { key: "counterpartyCategory", header: f.counterpartyCategory, requiredColumn: true, note: notes.counterpartyCategory, width: 18 },
  {
    key: "creditCode",
    header: f.creditCode,
    aliases: ["统一社会信用代码（相对人）", "行政相对人统一社会信用代码"],
    requiredColumn: false,
    text: true,
    note: notes.creditCode,
    width: 22,
  },
  {
    key: "legalRepresentative",
    header: f.legalRepresentative,
    aliases: ["法定代表人（负责人）", "法定代表人姓名"],
    requiredColumn: false,
    note: notes.legalRepresentative,
    width: 14,
  },
  // Added in round two (证件类型): optional, so templates without it still import (居民身份证 assumed).
  { key: "idType", header: f.idType, aliases: ["相对人证件类型"], requiredColumn: false, note: notes.idType, width: 20 },
  { key: "idNumber", header: f.idNumber, aliases: ["证件号"], requiredColumn: false, text: true, note: notes.idNumber, width: 22 },
  {
    key: "documentNumber",
    header: f.documentNumber,
    aliases: ["行政许可决定文书号", "行政处罚决定书文号", "决定文书号"],
    requiredColumn: true,
    text: true,
    width: 26,
  },
];

const kindColumns: Record<DecisionKind, DecisionColumn[]> = {
  license: [
    { key: "licenseDocumentName", header: f.licenseDocumentName, aliases: ["许可决定文书名称"], requiredColumn: false, width: 24 },
    { key: "licenseCategory", header: f.licenseCategory, aliases: ["许可类型"], requiredColumn: false, note: notes.licenseCategory, width: 14 },
    { key: "licenseNumber", header: f.licenseNumber, aliases: ["许可证书编号", "许可证号"], requiredColumn: false, text: true, width: 22 },
    { key: "licenseName", header: f.licenseName, requiredColumn: false, width: 24 },
    { key: "licenseContent", header: f.licenseContent, requiredColumn: true, width: 40 },
    { key: "licenseStatus", header: f.licenseStatus, aliases: ["状态"], requiredColumn: false, note: notes.licenseStatus, width: 12 },
  ],
  penalty: [
    { key: "violationType", header: f.violationType, requiredColumn: true, width: 20 },
    { key: "violationFacts", header: f.violationFacts, requiredColumn: true, width: 40 },
    { key: "penaltyBasis", header: f.penaltyBasis, requiredColumn: true, width: 40 },
    { key: "penaltyCategories", header: f.penaltyCategories, requiredColumn: true, note: notes.penaltyCategories, width: 18 },
    { key: "penaltyContent", header: f.penaltyContent, requiredColumn: true, width: 40 },
    {
      key: "penaltyAmount",
      header: f.penaltyAmount,
      aliases: [f.penaltyAmountUnit, "罚没金额(万元)"],
      requiredColumn: false,
      note: notes.penaltyAmount,
      width: 14,
    },
    { key: "fineAmount", header: f.fineAmountUnit, aliases: [f.fineAmount, "罚款金额(万元)"], requiredColumn: false, note: notes.fineAmount, width: 14 },
    {
      key: "confiscationAmount",
      header: f.confiscationAmountUnit,
      aliases: [f.confiscationAmount, "没收违法所得、没收非法财物的金额(万元)", "没收金额（万元）"],
      requiredColumn: false,
      note: notes.confiscationAmount,
      width: 18,
    },
    { key: "suspendedLicense", header: f.suspendedLicense, requiredColumn: false, note: notes.suspendedLicense, width: 26 },
    // Optional columns, so that files of the old template still import (publicity then follows the kind's period).
    { key: "penaltyProcedure", header: f.penaltyProcedure, aliases: ["程序类型", "适用程序"], requiredColumn: false, note: notes.penaltyProcedure, width: 14 },
    { key: "penaltySeverity", header: f.penaltySeverity, aliases: ["失信程度", "失信行为类别"], requiredColumn: false, note: notes.penaltySeverity, width: 16 },
  ],
  coercion: [
    {
      key: "coercionCategory",
      header: f.coercionCategory,
      aliases: ["行政强制类别", "强制措施类型"],
      requiredColumn: true,
      note: notes.coercionCategory,
      width: 22,
    },
    { key: "coercionContent", header: f.coercionContent, aliases: ["行政强制内容"], requiredColumn: true, width: 40 },
  ],
};

const trailingColumns = (kind: DecisionKind): DecisionColumn[] => [
  { key: "decisionDate", header: f.decisionDate, aliases: ["许可决定日期", "处罚决定日期"], requiredColumn: true, text: true, note: notes.date, width: 14 },
  {
    key: "validFrom",
    header: f.validFrom,
    requiredColumn: kind === "license",
    text: true,
    note: kind === "license" ? `${notes.validFromLicense}；${notes.date}` : notes.date,
    width: 14,
  },
  { key: "validUntil", header: f.validUntil, requiredColumn: false, text: true, note: notes.validUntil, width: 14 },
  { key: "authorityName", header: f.authorityName, aliases: ["许可机关", "处罚机关"], requiredColumn: true, width: 30 },
  {
    key: "authorityCreditCode",
    header: f.authorityCreditCode,
    aliases: ["许可机关统一社会信用代码", "处罚机关统一社会信用代码"],
    requiredColumn: true,
    text: true,
    width: 22,
  },
  { key: "publicUntil", header: f.publicUntil, requiredColumn: false, text: true, note: notes.publicUntil, width: 14, computed: true },
  { key: "dataSourceName", header: f.dataSourceName, aliases: ["数据来源"], requiredColumn: true, width: 30 },
  {
    key: "dataSourceCreditCode",
    header: f.dataSourceCreditCode,
    requiredColumn: false,
    text: true,
    note: notes.dataSourceCreditCode,
    width: 22,
  },
  { key: "remarks", header: f.remarks, requiredColumn: false, width: 20 },
];

/** The columns of a kind's template, in order. */
export function decisionColumns(kind: DecisionKind): DecisionColumn[] {
  return [...leadingColumns, ...kindColumns[kind], ...trailingColumns(kind)];
}

export function decisionFieldLabel(key: DecisionFieldKey): string {
  return f[key];
}

/** 处罚的种类, 《行政处罚法》（2021）第九条. */
export const penaltyCategories = [
  "警告",
  "通报批评",
  "罚款",
  "没收违法所得",
  "没收非法财物",
  "暂扣许可证件",
  "降低资质等级",
  "吊销许可证件",
  "限制开展生产经营活动",
  "责令停产停业",
  "责令关闭",
  "限制从业",
  "行政拘留",
  "其他",
] as const;

/** What the simple procedure may decide (《行政处罚法》第五十一条): a warning or a fine. */
export const simpleProcedureCategories: readonly string[] = ["警告", "罚款"];

/** Categories that take an amount (罚没金额). */
export const penaltyCategoriesWithAmount: readonly string[] = ["罚款", "没收违法所得", "没收非法财物"];

/** 行政强制措施 (第九条) and 行政强制执行的方式 (第十二条) of 《行政强制法》. */
export const coercionCategories = [
  "限制公民人身自由",
  "查封场所、设施或者财物",
  "扣押财物",
  "冻结存款、汇款",
  "其他行政强制措施",
  "加处罚款或者滞纳金",
  "划拨存款、汇款",
  "拍卖或者依法处理查封、扣押的场所、设施或者财物",
  "排除妨碍、恢复原状",
  "代履行",
  "其他强制执行方式",
] as const;

/** 许可类别 of the national data items (《行政许可法》's kinds of licence). */
export const licenseCategories = ["普通", "特许", "认可", "核准", "登记", "其他"] as const;

/** 当前状态 of a licence in the national data items. */
export const licenseStatuses = ["有效", "无效"] as const;
/** A licence just granted is in force. */
export const defaultLicenseStatus = licenseStatuses[0];

/**
 * 证件类型 of a natural person: mainland residents, and the documents people from Hong Kong,
 * Macao, Taiwan and abroad hold (绥芬河 is a border port with Russia).
 */
export const idTypes = ["居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证"] as const;
export type IdType = (typeof idTypes)[number];
export const defaultIdType: IdType = "居民身份证";

/** The words people write for each 证件类型, besides the official ones. */
const idTypeWords: Record<string, IdType> = {
  身份证: "居民身份证",
  居民身份证: "居民身份证",
  中华人民共和国居民身份证: "居民身份证",
  护照: "护照",
  港澳居民来往内地通行证: "港澳居民来往内地通行证",
  港澳通行证: "港澳居民来往内地通行证",
  回乡证: "港澳居民来往内地通行证",
  台湾居民来往大陆通行证: "台湾居民来往大陆通行证",
  台胞证: "台湾居民来往大陆通行证",
  外国人永久居留身份证: "外国人永久居留身份证",
  外国人永久居留证: "外国人永久居留身份证",
};

export function parseIdType(text: string): IdType | null {
  return idTypeWords[text.replace(/\s+/g, "")] ?? null;
}

/** What people write in 有效期至 for a licence without an end date. */
export const longTermValidityWords: readonly string[] = ["长期", "长期有效", "永久"];

/** The words people write for each 相对人类别, besides the official ones. */
const counterpartyCategoryWords: Record<string, CounterpartyCategory> = {
  legal_entity: "legal_entity",
  natural_person: "natural_person",
  individual_business: "individual_business",
  法人及非法人组织: "legal_entity",
  法人及其他组织: "legal_entity",
  法人和非法人组织: "legal_entity",
  法人: "legal_entity",
  非法人组织: "legal_entity",
  法人或其他组织: "legal_entity",
  自然人: "natural_person",
  个人: "natural_person",
  个体工商户: "individual_business",
  个体户: "individual_business",
};

export const penaltyProcedures: readonly PenaltyProcedure[] = ["ordinary", "simple"];
export const penaltySeverities: readonly PenaltySeverity[] = ["general", "serious"];

/** The words people write for the procedure; 一般程序 is what 《行政处罚法》 called 普通程序 before 2021. */
const penaltyProcedureWords: Record<string, PenaltyProcedure> = {
  simple: "simple",
  ordinary: "ordinary",
  简易程序: "simple",
  简易: "simple",
  当场处罚: "simple",
  普通程序: "ordinary",
  一般程序: "ordinary",
  普通: "ordinary",
};

/** 轻微 is how staff speak of 一般失信行为 (the brief of issue 14 uses it). */
const penaltySeverityWords: Record<string, PenaltySeverity> = {
  general: "general",
  serious: "serious",
  一般失信行为: "general",
  一般失信: "general",
  一般: "general",
  轻微: "general",
  严重失信行为: "serious",
  严重失信: "serious",
  严重: "serious",
};

export function parsePenaltyProcedure(text: string): PenaltyProcedure | null {
  return penaltyProcedureWords[text.replace(/\s+/g, "")] ?? null;
}

export function parsePenaltySeverity(text: string): PenaltySeverity | null {
  return penaltySeverityWords[text.replace(/\s+/g, "")] ?? null;
}

export function penaltyProcedureLabel(procedure: PenaltyProcedure): string {
  return messages.registers.penaltyProcedures[procedure];
}

export function penaltySeverityLabel(severity: PenaltySeverity): string {
  return messages.registers.penaltySeverities[severity];
}

export function parseCounterpartyCategory(text: string): CounterpartyCategory | null {
  return counterpartyCategoryWords[text.replace(/\s+/g, "")] ?? null;
}

export function counterpartyCategoryLabel(category: CounterpartyCategory): string {
  return messages.registers.counterpartyCategories[category];
}
