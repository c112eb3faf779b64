import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Oversight (issue 17): the spot-check readiness page is read by those answerable for the site —
 * section heads, leaders and administrators; administrators keep its settings (the age limit of each
 * column, the wording rules, the promise to answer visitors' messages).
 */
export const oversightGrants = {
  actions: ["spot_check.read", "spot_check.configure"],
  roles: {
    staff: [],
    section_head: ["spot_check.read"],
    leader: ["spot_check.read"],
    admin: ["spot_check.read", "spot_check.configure"],
  },
} as const satisfies DomainGrants;
