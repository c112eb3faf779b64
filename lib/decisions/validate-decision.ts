import type { CounterpartyCategory, DecisionKind, PenaltyProcedure, PenaltySeverity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isValidCreditCode, isValidIdentityDocumentNumber, isValidMainlandIdNumber } from "@/lib/identifiers";
import { parseSpreadsheetDate } from "@/lib/spreadsheets/dates";
import {
  coercionCategories,
  decisionColumns,
  decisionFieldLabel,
  defaultIdType,
  defaultLicenseStatus,
  licenseCategories,
  licenseStatuses,
  longTermValidityWords,
  parseCounterpartyCategory,
  parseIdType,
  parsePenaltyProcedure,
  parsePenaltySeverity,
  penaltyCategories,
  penaltyCategoriesWithAmount,
  simpleProcedureCategories,
  type DecisionFieldKey,
} from "./decision-fields";

/** A decision's content after validation, ready to store. Dates are YYYY-MM-DD, the amount a decimal string in 万元. */
export type DecisionRecord = {
  kind: DecisionKind;
  counterpartyName: string;
  counterpartyCategory: CounterpartyCategory;
  creditCode: string | null;
  legalRepresentative: string | null;
  /** 证件类型 of a natural person (null for organisations). */
  idType: string | null;
  idNumber: string | null;
  documentNumber: string;
  licenseCategory: string | null;
  licenseDocumentName: string | null;
  licenseNumber: string | null;
  licenseName: string | null;
  licenseContent: string | null;
  licenseStatus: string | null;
  violationType: string | null;
  violationFacts: string | null;
  penaltyBasis: string | null;
  penaltyCategories: string[];
  penaltyContent: string | null;
  penaltyAmount: string | null;
  /** 罚款金额, 万元. */
  fineAmount: string | null;
  /** 没收违法所得、没收非法财物的金额, 万元. */
  confiscationAmount: string | null;
  suspendedLicense: string | null;
  /** null: not given (files of the old template); publicity then follows the kind's period. */
  penaltyProcedure: PenaltyProcedure | null;
  penaltySeverity: PenaltySeverity | null;
  coercionCategory: string | null;
  coercionContent: string | null;
  decisionDate: string;
  validFrom: string | null;
  validUntil: string | null;
  authorityName: string;
  authorityCreditCode: string;
  dataSourceName: string;
  dataSourceCreditCode: string | null;
  remarks: string | null;
};

export type DecisionProblem = { field: DecisionFieldKey; message: string };

export type DecisionInputValues = Partial<Record<DecisionFieldKey, string | string[] | null | undefined>>;

const p = messages.registers.decisions.problems;

const maxLengths: Partial<Record<DecisionFieldKey, number>> = {
  counterpartyName: 200,
  legalRepresentative: 50,
  documentNumber: 100,
  licenseName: 200,
  licenseDocumentName: 200,
  licenseNumber: 100,
  suspendedLicense: 500,
  violationType: 200,
  authorityName: 200,
  dataSourceName: 200,
  remarks: 1000,
};
const longTextMax = 4000;
const longTerm = new Set(longTermValidityWords);
const earliestDecisionDate = "1990-01-01";
const amountPattern = /^\d{1,12}(\.\d{1,6})?$/;

const amountScale = 1_000_000n;

/**
 * 《行政处罚法》第五十一条: on the spot (简易程序) only a warning, or a fine of at most 200 yuan for
 * a citizen (个体工商户 included: its operator answers as a person) and 3,000 yuan for a legal
 * person or other organisation. In 万元, millionths.
 */
const simpleProcedureFineLimit: Record<CounterpartyCategory, { units: bigint; label: string }> = {
  natural_person: { units: 200n * 100n, label: p.simpleProcedureLimits.citizen },
  individual_business: { units: 200n * 100n, label: p.simpleProcedureLimits.citizen },
  legal_entity: { units: 3000n * 100n, label: p.simpleProcedureLimits.organisation },
};

/** "0.05" → 50000n (millionths of 万元), for exact sums. */
function amountUnits(amount: string): bigint {
  const [whole, fraction = ""] = amount.split(".");
  return BigInt(whole) * amountScale + BigInt(fraction.padEnd(6, "0"));
}

function amountText(units: bigint): string {
  const whole = units / amountScale;
  const fraction = (units % amountScale).toString().padStart(6, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Full-width letters and digits (ＡＢ１２) become ASCII; spaces go. For codes and ID numbers. */
function normaliseCode(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

function textOf(value: string | string[] | null | undefined): string {
  if (Array.isArray(value)) return value.join("；");
  return (value ?? "").trim();
}

function listOf(value: string | string[] | null | undefined): string[] {
  const parts = Array.isArray(value) ? value : (value ?? "").split(/[;；、,，\n]/);
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

/**
 * Checks one decision's values — typed in the console or read from a row of an imported file —
 * against the national data items: required values per kind and counterparty category,
 * checksums of credit codes and ID numbers, known categories, real dates in order. Every problem
 * is reported, not just the first. `today` (YYYY-MM-DD) bounds the decision date.
 */
export function validateDecisionValues(
  kind: DecisionKind,
  values: DecisionInputValues,
  options: { today: string },
): { record: DecisionRecord | null; problems: DecisionProblem[] } {
  const problems: DecisionProblem[] = [];
  const problem = (field: DecisionFieldKey, message: string) => problems.push({ field, message });
  const columns = decisionColumns(kind);
  const has = (key: DecisionFieldKey) => columns.some((column) => column.key === key);

  const text = (key: DecisionFieldKey, required: boolean): string | null => {
    if (!has(key)) return null;
    const value = textOf(values[key]);
    if (!value) {
      if (required) problem(key, p.required(decisionFieldLabel(key)));
      return null;
    }
    const max = maxLengths[key] ?? longTextMax;
    if (Array.from(value).length > max) problem(key, p.tooLong(decisionFieldLabel(key), max));
    return value;
  };

  const date = (key: DecisionFieldKey, required: boolean): string | null => {
    const raw = textOf(values[key]);
    if (!raw || (key === "validUntil" && longTerm.has(raw))) {
      if (required) problem(key, p.required(decisionFieldLabel(key)));
      return null;
    }
    const parsed = parseSpreadsheetDate(raw);
    if (!parsed) problem(key, p.dateInvalid(decisionFieldLabel(key)));
    return parsed;
  };

  const creditCode = (key: DecisionFieldKey, required: boolean): string | null => {
    const raw = textOf(values[key]);
    if (!raw) {
      if (required) problem(key, p.required(decisionFieldLabel(key)));
      return null;
    }
    const code = normaliseCode(raw);
    if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code)) problem(key, p.creditCodeFormat);
    else if (!isValidCreditCode(code)) problem(key, p.creditCodeChecksum);
    return code;
  };

  const counterpartyName = text("counterpartyName", true);
  const categoryText = textOf(values.counterpartyCategory);
  const counterpartyCategory = categoryText ? parseCounterpartyCategory(categoryText) : null;
  if (!categoryText) problem("counterpartyCategory", p.required(decisionFieldLabel("counterpartyCategory")));
  else if (!counterpartyCategory) problem("counterpartyCategory", p.unknownCounterpartyCategory);
  const organisation = counterpartyCategory === "legal_entity" || counterpartyCategory === "individual_business";

  const code = creditCode("creditCode", organisation);
  const legalRepresentative = text("legalRepresentative", organisation);
  let idNumber: string | null = null;
  let idType: string | null = null;
  const idText = textOf(values.idNumber);
  const idTypeText = textOf(values.idType);
  if (counterpartyCategory === "natural_person") {
    // Files and clients from before 证件类型 existed only knew the 居民身份证.
    idType = idTypeText ? parseIdType(idTypeText) : defaultIdType;
    if (!idType) problem("idType", p.unknownIdType);
    if (!idText) problem("idNumber", p.required(decisionFieldLabel("idNumber")));
    else {
      idNumber = normaliseCode(idText);
      if (idType === defaultIdType && !isValidMainlandIdNumber(idNumber)) problem("idNumber", p.idNumberInvalid);
      else if (idType && idType !== defaultIdType && !isValidIdentityDocumentNumber(idType, idNumber))
        problem("idNumber", p.idNumberInvalidFor(idType, p.idFormats[idType as keyof typeof p.idFormats]));
    }
  } else if (counterpartyCategory) {
    if (idText) problem("idNumber", p.idNumberNotForOrganisations);
    if (idTypeText) problem("idType", p.idNumberNotForOrganisations);
  }
  const documentNumber = text("documentNumber", true);

  const choice = (key: DecisionFieldKey, allowed: readonly string[], unknown: (value: string) => string): string | null => {
    const value = text(key, false);
    if (value && !allowed.includes(value)) problem(key, unknown(value));
    return value;
  };
  const licenseDocumentName = text("licenseDocumentName", false);
  const licenseCategory = choice("licenseCategory", licenseCategories, p.unknownLicenseCategory);
  const licenseNumber = text("licenseNumber", false);
  const licenseName = text("licenseName", false);
  const licenseContent = text("licenseContent", kind === "license");
  // 当前状态 is a required item of the national standard; a new licence is in force.
  const licenseStatus = kind === "license" ? (choice("licenseStatus", licenseStatuses, p.unknownLicenseStatus) ?? defaultLicenseStatus) : null;
  const violationType = text("violationType", kind === "penalty");
  const violationFacts = text("violationFacts", kind === "penalty");
  const penaltyBasis = text("penaltyBasis", kind === "penalty");
  let categories: string[] = [];
  if (kind === "penalty") {
    categories = listOf(values.penaltyCategories);
    if (!categories.length) problem("penaltyCategories", p.required(decisionFieldLabel("penaltyCategories")));
    for (const category of categories) {
      if (!(penaltyCategories as readonly string[]).includes(category)) problem("penaltyCategories", p.unknownPenaltyCategory(category));
    }
  }
  const penaltyContent = text("penaltyContent", kind === "penalty");
  let penaltyAmount: string | null = null;
  let fineAmount: string | null = null;
  let confiscationAmount: string | null = null;
  let suspendedLicense: string | null = null;
  let penaltyProcedure: PenaltyProcedure | null = null;
  let penaltySeverity: PenaltySeverity | null = null;
  if (kind === "penalty") {
    const amount = (key: DecisionFieldKey, invalid: string): { given: boolean; value: string | null } => {
      const raw = textOf(values[key]).replaceAll(",", "");
      if (!raw) return { given: false, value: null };
      if (!amountPattern.test(raw)) {
        problem(key, invalid);
        return { given: true, value: null };
      }
      return { given: true, value: amountText(amountUnits(raw)) };
    };
    const total = amount("penaltyAmount", p.amountInvalid);
    const fine = amount("fineAmount", p.partialAmountInvalid(decisionFieldLabel("fineAmount")));
    const confiscation = amount("confiscationAmount", p.partialAmountInvalid(decisionFieldLabel("confiscationAmount")));
    fineAmount = fine.value;
    confiscationAmount = confiscation.value;
    penaltyAmount = total.value;
    if (!total.given && !fine.given && !confiscation.given) {
      if (categories.some((category) => penaltyCategoriesWithAmount.includes(category))) problem("penaltyAmount", p.amountRequired);
    } else if (!total.given && (fine.value !== null || confiscation.value !== null)) {
      // 罚没金额 keeps its meaning: the fine and the confiscations together.
      penaltyAmount = amountText(amountUnits(fine.value ?? "0") + amountUnits(confiscation.value ?? "0"));
    } else if (total.value !== null && fine.value !== null && confiscation.value !== null) {
      if (amountUnits(total.value) !== amountUnits(fine.value) + amountUnits(confiscation.value)) problem("penaltyAmount", p.amountsDoNotAddUp);
    }
    suspendedLicense = text("suspendedLicense", false);
    const procedureText = textOf(values.penaltyProcedure);
    const severityText = textOf(values.penaltySeverity);
    penaltyProcedure = procedureText ? parsePenaltyProcedure(procedureText) : null;
    penaltySeverity = severityText ? parsePenaltySeverity(severityText) : null;
    if (procedureText && !penaltyProcedure) problem("penaltyProcedure", p.unknownPenaltyProcedure);
    if (severityText && !penaltySeverity) problem("penaltySeverity", p.unknownPenaltySeverity);
    // The publicity period follows from the severity: a penalty that will be published needs one.
    if (penaltyProcedure === "ordinary" && !severityText) problem("penaltySeverity", p.severityRequired);
    if (penaltyProcedure === "simple") {
      if (categories.some((category) => !simpleProcedureCategories.includes(category))) problem("penaltyCategories", p.simpleProcedureCategories);
      const fine = fineAmount ?? penaltyAmount;
      const limit = counterpartyCategory ? simpleProcedureFineLimit[counterpartyCategory] : null;
      if (fine !== null && limit && amountUnits(fine) > limit.units)
        problem(fineAmount !== null ? "fineAmount" : "penaltyAmount", p.simpleProcedureAmount(limit.label));
    }
  }
  let coercionCategory: string | null = null;
  if (kind === "coercion") {
    coercionCategory = text("coercionCategory", true);
    if (coercionCategory && !(coercionCategories as readonly string[]).includes(coercionCategory))
      problem("coercionCategory", p.unknownCoercionCategory(coercionCategory));
  }
  const coercionContent = text("coercionContent", kind === "coercion");

  const decisionDate = date("decisionDate", true);
  if (decisionDate && decisionDate > options.today) problem("decisionDate", p.decisionDateFuture);
  if (decisionDate && decisionDate < earliestDecisionDate) problem("decisionDate", p.decisionDateTooEarly);
  const validFrom = date("validFrom", kind === "license");
  const validUntil = date("validUntil", false);
  if (validFrom && validUntil && validUntil < validFrom) problem("validUntil", p.validUntilBeforeFrom);
  const authorityName = text("authorityName", true);
  const authorityCreditCode = creditCode("authorityCreditCode", true);
  const dataSourceName = text("dataSourceName", true);
  const dataSourceCreditCode = textOf(values.dataSourceCreditCode) ? creditCode("dataSourceCreditCode", false) : authorityCreditCode;
  const remarks = text("remarks", false);

  if (problems.length) {
    const order = columns.map((column) => column.key);
    problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return { record: null, problems };
  }
  return {
    record: {
      kind,
      counterpartyName: counterpartyName!,
      counterpartyCategory: counterpartyCategory!,
      creditCode: code,
      legalRepresentative,
      idType,
      idNumber,
      documentNumber: documentNumber!,
      licenseCategory: kind === "license" ? licenseCategory : null,
      licenseDocumentName: kind === "license" ? licenseDocumentName : null,
      licenseNumber: kind === "license" ? licenseNumber : null,
      licenseName: kind === "license" ? licenseName : null,
      licenseContent: kind === "license" ? licenseContent : null,
      licenseStatus,
      violationType,
      violationFacts,
      penaltyBasis,
      penaltyCategories: categories,
      penaltyContent,
      penaltyAmount,
      fineAmount,
      confiscationAmount,
      suspendedLicense,
      penaltyProcedure,
      penaltySeverity,
      coercionCategory,
      coercionContent,
      decisionDate: decisionDate!,
      validFrom,
      validUntil,
      authorityName: authorityName!,
      authorityCreditCode: authorityCreditCode!,
      dataSourceName: dataSourceName!,
      dataSourceCreditCode,
      remarks,
    },
    problems,
  };
}
