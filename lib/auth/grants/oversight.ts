import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Oversight (issue 17): the spot-check readiness page is read by those answerable for the site —
 * section heads, leaders and administrators; administrators keep its settings (the age limit of each
 * column, the wording rules, the promise to answer visitors' messages). The assessment dashboard
 * (考核) is read by the same people, agency-wide: a section head sees every section's figures.
 * The platform roles (集约化) read it across the agencies (`assessment.read_platform`): every
 * agency's figures side by side, and each agency's own dashboard (figures only, no applicant's data).
 */
export const oversightGrants = {
  actions: ["spot_check.read", "spot_check.configure", "assessment.read", "assessment.read_platform"],
  roles: {
    staff: [],
    section_head: ["spot_check.read", "assessment.read"],
    leader: ["spot_check.read", "assessment.read"],
    admin: ["spot_check.read", "spot_check.configure", "assessment.read"],
    // Platform roles (集约化): the platform administrator keeps agencies and accounts, and reads the
    // assessment across the agencies; the supervisor (政务公开办) reads this domain in every agency.
    platform_admin: ["assessment.read_platform"],
    supervisor: ["spot_check.read", "assessment.read", "assessment.read_platform"],
  },
} as const satisfies DomainGrants;
