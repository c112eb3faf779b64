import type { DomainGrants } from "@/lib/auth/grants/types";

/** The annual report: everyone in the console reads it; the office's staff compile it. */
export const reportsGrants = {
  actions: ["report.read", "report.edit", "report.manual_figures", "ledger.import"],
  roles: {
    staff: ["report.read", "report.edit", "report.manual_figures", "ledger.import"],
    section_head: ["report.read", "report.edit", "report.manual_figures", "ledger.import"],
    leader: ["report.read"],
    admin: ["report.read", "report.manual_figures", "ledger.import"],
  },
} as const satisfies DomainGrants;
