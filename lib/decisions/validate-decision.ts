import type { CounterpartyCategory, DecisionKind } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { isValidCreditCode, isValidMainlandIdNumber } from "@/lib/identifiers";
import { parseSpreadsheetDate } from "@/lib/spreadsheets/dates";
import {
  coercionCategories,
  decisionColumns,
  decisionFieldLabel,
  longTermValidityWords,
  parseCounterpartyCategory,
  penaltyCategories,
  penaltyCategoriesWithAmount,
  type DecisionFieldKey,
} from "./decision-fields";

/** A decision's content after validation, ready to store. Dates are YYYY-MM-DD, the amount a decimal string in 万元. */
export type DecisionRecord = {
  kind: DecisionKind;
  counterpartyName: string;
  counterpartyCategory: CounterpartyCategory;
  creditCode: string | null;
  legalRepresentative: string | null;
  idNumber: string | null;
  documentNumber: string;
  licenseName: string | null;
  licenseContent: string | null;
  violationType: string | null;
  violationFacts: string | null;
  penaltyBasis: string | null;
  penaltyCategories: string[];
  penaltyContent: string | null;
  penaltyAmount: string | null;
  coercionCategory: string | null;
  coercionContent: string | null;
  decisionDate: string;
  validFrom: string | null;
  validUntil: string | null;
  authorityName: string;
  authorityCreditCode: string;
  dataSourceName: string;
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
  violationType: 200,
  authorityName: 200,
  dataSourceName: 200,
  remarks: 1000,
};
const longTextMax = 4000;
const longTerm = new Set(longTermValidityWords);
const earliestDecisionDate = "1990-01-01";
const amountPattern = /^\d{1,12}(\.\d{1,6})?$/;

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
  const idText = textOf(values.idNumber);
  if (counterpartyCategory === "natural_person") {
    if (!idText) problem("idNumber", p.required(decisionFieldLabel("idNumber")));
    else {
      idNumber = normaliseCode(idText);
      if (!isValidMainlandIdNumber(idNumber)) problem("idNumber", p.idNumberInvalid);
    }
  } else if (idText && counterpartyCategory) {
    problem("idNumber", p.idNumberNotForOrganisations);
  }
  const documentNumber = text("documentNumber", true);

  const licenseName = text("licenseName", false);
  const licenseContent = text("licenseContent", kind === "license");
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
  if (kind === "penalty") {
    const raw = textOf(values.penaltyAmount).replaceAll(",", "");
    if (raw) {
      if (!amountPattern.test(raw)) problem("penaltyAmount", p.amountInvalid);
      else
        penaltyAmount = raw
          .replace(/(\.\d*?)0+$/, "$1")
          .replace(/\.$/, "")
          .replace(/^0+(?=\d)/, "");
    } else if (categories.some((category) => penaltyCategoriesWithAmount.includes(category))) {
      problem("penaltyAmount", p.amountRequired);
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
      idNumber,
      documentNumber: documentNumber!,
      licenseName: kind === "license" ? licenseName : null,
      licenseContent: kind === "license" ? licenseContent : null,
      violationType,
      violationFacts,
      penaltyBasis,
      penaltyCategories: categories,
      penaltyContent,
      penaltyAmount,
      coercionCategory,
      coercionContent,
      decisionDate: decisionDate!,
      validFrom,
      validUntil,
      authorityName: authorityName!,
      authorityCreditCode: authorityCreditCode!,
      dataSourceName: dataSourceName!,
      remarks,
    },
    problems,
  };
}
