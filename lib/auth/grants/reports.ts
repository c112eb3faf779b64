import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * The annual report: everyone in the console reads it; the office's staff compile it. Its review
 * has one permission per transition (lib/reports/report-review.ts): staff submit, the section head
 * reviews, a leader approves (publishes). A published report is never withdrawn: a correction is
 * published as a new edition.
 */
export const reportsGrants = {
  actions: [
    "report.read",
    "report.edit",
    "report.manual_figures",
    "ledger.import",
    "report.submit",
    "report.approve_section",
    "report.approve_leader",
    "report.return_section",
    "report.return_leader",
    "report.read_summary",
  ],
  roles: {
    staff: ["report.read", "report.edit", "report.manual_figures", "ledger.import", "report.submit"],
    section_head: ["report.read", "report.edit", "report.manual_figures", "ledger.import", "report.submit", "report.approve_section", "report.return_section"],
    leader: ["report.read", "report.approve_leader", "report.return_leader"],
    admin: ["report.read", "report.manual_figures", "ledger.import"],
    // Platform roles (集约化): the platform administrator keeps agencies and accounts, and reads the
    // summary over the agencies; the supervisor (政务公开办) reads reports in every agency and the summary.
    platform_admin: ["report.read_summary"],
    supervisor: ["report.read", "report.read_summary"],
  },
} as const satisfies DomainGrants;
