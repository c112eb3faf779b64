import { messages } from "@/lib/i18n";

/**
 * The 21 outcomes of an application (Art. 36 of the Regulations), in the order of the annual
 * report's Table 3 part 三. The report's 22nd row, （七）总计, is their sum. Slugs are contracts
 * (API, data, ledger import); the Chinese row names are the report's own.
 */
export const applicationOutcomeSlugs = [
  "disclose",
  "partial",
  "refuse_state_secret",
  "refuse_law_prohibits",
  "refuse_three_safety",
  "refuse_third_party",
  "refuse_internal_affairs",
  "refuse_process_info",
  "refuse_enforcement_file",
  "refuse_admin_query",
  "unable_not_held",
  "unable_needs_creation",
  "unable_unclear_after_correction",
  "not_processed_petition",
  "not_processed_repeat",
  "not_processed_publication",
  "not_processed_mass_repeat",
  "not_processed_confirm",
  "other_no_correction",
  "other_no_fee",
  "other_other",
] as const;

export type ApplicationOutcomeSlug = (typeof applicationOutcomeSlugs)[number];

/** 一 予以公开, 二 部分公开, 三 不予公开, 四 无法提供, 五 不予处理, 六 其他处理. */
export type OutcomeGroup = "一" | "二" | "三" | "四" | "五" | "六";

export type ApplicationOutcomeDefinition = {
  slug: ApplicationOutcomeSlug;
  /** The official row name without its numbering, e.g. 属于国家秘密. */
  rowName: string;
  group: OutcomeGroup;
  /** The group heading, e.g. （三）不予公开. */
  groupName: string;
  /** The row's number inside its group (1.…8.), or null for the single-row groups 一 and 二. */
  numberInGroup: number | null;
  /** The article of the Regulations a reply with this outcome rests on (default template text). */
  legalBasis: string;
};

const groups: Record<ApplicationOutcomeSlug, OutcomeGroup> = {
  disclose: "一",
  partial: "二",
  refuse_state_secret: "三",
  refuse_law_prohibits: "三",
  refuse_three_safety: "三",
  refuse_third_party: "三",
  refuse_internal_affairs: "三",
  refuse_process_info: "三",
  refuse_enforcement_file: "三",
  refuse_admin_query: "三",
  unable_not_held: "四",
  unable_needs_creation: "四",
  unable_unclear_after_correction: "四",
  not_processed_petition: "五",
  not_processed_repeat: "五",
  not_processed_publication: "五",
  not_processed_mass_repeat: "五",
  not_processed_confirm: "五",
  other_no_correction: "六",
  other_no_fee: "六",
  other_other: "六",
};

const legalBases: Record<ApplicationOutcomeSlug, string> = {
  disclose: "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
  partial: "《中华人民共和国政府信息公开条例》第三十七条",
  refuse_state_secret: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
  refuse_law_prohibits: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
  refuse_three_safety: "《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项",
  refuse_third_party: "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项",
  refuse_internal_affairs: "《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项",
  refuse_process_info: "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
  refuse_enforcement_file: "《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第（三）项",
  refuse_admin_query: "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
  unable_not_held: "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项",
  unable_needs_creation: "《中华人民共和国政府信息公开条例》第三十八条",
  unable_unclear_after_correction: "《中华人民共和国政府信息公开条例》第三十条",
  not_processed_petition: "《中华人民共和国政府信息公开条例》第三十九条第一款",
  not_processed_repeat: "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
  not_processed_publication: "《中华人民共和国政府信息公开条例》第三十九条第二款",
  not_processed_mass_repeat: "《中华人民共和国政府信息公开条例》第三十五条",
  not_processed_confirm: "《中华人民共和国政府信息公开条例》第三十八条",
  other_no_correction: "《中华人民共和国政府信息公开条例》第三十条",
  other_no_fee: "《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
  other_other: "《中华人民共和国政府信息公开条例》",
};

function numberInGroupOf(slug: ApplicationOutcomeSlug): number | null {
  const group = groups[slug];
  if (group === "一" || group === "二") return null;
  return applicationOutcomeSlugs.filter((other) => groups[other] === group).indexOf(slug) + 1;
}

/** The outcome rows in report order, for the annual report and every outcome picker. */
export const applicationOutcomes: readonly ApplicationOutcomeDefinition[] = applicationOutcomeSlugs.map((slug) => ({
  slug,
  rowName: messages.applications.outcomeRowNames[slug],
  group: groups[slug],
  groupName: messages.applications.outcomeGroupNames[groups[slug]],
  numberInGroup: numberInGroupOf(slug),
  legalBasis: legalBases[slug],
}));

export function isApplicationOutcome(value: unknown): value is ApplicationOutcomeSlug {
  return typeof value === "string" && (applicationOutcomeSlugs as readonly string[]).includes(value);
}

export function findApplicationOutcome(slug: ApplicationOutcomeSlug): ApplicationOutcomeDefinition {
  return applicationOutcomes.find((outcome) => outcome.slug === slug)!;
}

/** Outcomes that close an application because the applicant did not act in time. */
export const lapseOutcomes = { correction: "other_no_correction", fee: "other_no_fee" } as const satisfies Record<string, ApplicationOutcomeSlug>;

/** The six applicant columns of Table 3, in the report's order (the seventh, 总计, is their sum). */
export const applicantColumns = ["natural_person", "business", "research", "public_interest", "legal_service", "other"] as const;
export type ApplicantColumn = (typeof applicantColumns)[number];

export type ApplicantTypeSlug = "natural_person" | "organisation";
export type OrganisationKindSlug = "business" | "research" | "public_interest" | "legal_service" | "other";

/** The column an applicant is counted in: 自然人, or the kind of 法人或其他组织 (其他 when unknown). */
export function applicantColumnOf(applicant: { applicantType: ApplicantTypeSlug; organisationKind?: OrganisationKindSlug | null }): ApplicantColumn {
  if (applicant.applicantType === "natural_person") return "natural_person";
  return applicant.organisationKind ?? "other";
}

/** The Chinese column headings (自然人, 商业企业, …), in column order. */
export const applicantColumnLabels: readonly { column: ApplicantColumn; label: string }[] = applicantColumns.map((column) => ({
  column,
  label: messages.applications.applicantColumns[column],
}));

/**
 * Reads an applicant column from a ledger cell: the Chinese heading (自然人, 商业企业, …) or the
 * column slug. Returns null for anything else.
 */
export function parseApplicantColumn(text: string): ApplicantColumn | null {
  const value = text.trim();
  const byLabel = applicantColumnLabels.find((entry) => entry.label === value);
  if (byLabel) return byLabel.column;
  return (applicantColumns as readonly string[]).includes(value) ? (value as ApplicantColumn) : null;
}

/** The applicant type and organisation kind of a column (the inverse of applicantColumnOf). */
export function applicantOfColumn(column: ApplicantColumn): { applicantType: ApplicantTypeSlug; organisationKind: OrganisationKindSlug | null } {
  return column === "natural_person"
    ? { applicantType: "natural_person", organisationKind: null }
    : { applicantType: "organisation", organisationKind: column };
}

const normaliseQuotes = (text: string) => text.replace(/[“”"]/g, '"').replace(/\s+/g, "");

/**
 * Reads an outcome from a ledger cell: the official row name (straight or Chinese quotes, with or
 * without the 部分公开 note) or the slug. Returns null for anything else.
 */
export function parseApplicationOutcome(text: string): ApplicationOutcomeSlug | null {
  const value = text.trim();
  if (isApplicationOutcome(value)) return value;
  const wanted = normaliseQuotes(value);
  const match = applicationOutcomes.find(
    (outcome) => normaliseQuotes(outcome.rowName) === wanted || normaliseQuotes(outcome.rowName.replace(/（.*）$/, "")) === wanted,
  );
  return match?.slug ?? null;
}
