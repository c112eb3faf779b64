/**
 * Catalogue categories that legal rules refer to, by slug (slugs never change: see
 * default-catalogue.ts).
 */

/** The documents Table 2 counts and that are published with an interpretation (政策解读). */
export const policyDocumentCategorySlugs = ["regulations", "normative-documents"];

/** 政策解读: interpretations link the document they explain. */
export const policyInterpretationCategorySlug = "policy-interpretations";

/**
 * 行政执法公示·事后公开: 执法决定 are disclosed within 20 working days of the decision
 * (国办发〔2018〕118号), the date entered as the item's 信息形成日期.
 */
export const enforcementDecisionCategorySlug = "enforcement-after";
export const enforcementDecisionDisclosureWorkingDays = 20;

/**
 * The time limit an item of a category is disclosed within, and its legal basis: Art. 26 of the
 * Regulations for every item (20 working days from formation or change); 国办发〔2018〕118号 for
 * 执法决定 (20 working days from the decision), which the console names so staff see which rule applies.
 */
export function itemDisclosureRule(categorySlug: string): { workingDays: number; basis: "article26" | "enforcementDecision" } {
  if (categorySlug === enforcementDecisionCategorySlug) return { workingDays: enforcementDecisionDisclosureWorkingDays, basis: "enforcementDecision" };
  return { workingDays: 20, basis: "article26" };
}
