/**
 * Data, not interface text: the applicant types as the annual report's Table 3 names them (国办公开办函
 * 〔2021〕30号), recognised in an imported ledger, and the template's example row.
 */
export const applicantTypes: Record<string, { applicantType: "natural_person" | "organisation"; organisationKind: "business" | "research" | "public_interest" | "legal_service" | "other" | null }> = {
  自然人: { applicantType: "natural_person", organisationKind: null },
  商业企业: { applicantType: "organisation", organisationKind: "business" },
  科研机构: { applicantType: "organisation", organisationKind: "research" },
  社会公益组织: { applicantType: "organisation", organisationKind: "public_interest" },
  法律服务机构: { applicantType: "organisation", organisationKind: "legal_service" },
  其他: { applicantType: "organisation", organisationKind: "other" },
};

/** The template's example row: a natural person's application answered 予以公开. */
export const ledgerExampleRow = ["2019-001", "2019-03-01", "自然人", "予以公开", "2019-03-20"];
