import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the 双随机一公开 domain and the roles that hold them (merged into
 * lib/auth/permissions.ts). The plan (with its draw) and the results are reviewed separately, one
 * permission per transition (`inspection.plan.approve_leader`, `inspection.results.approve_leader`, …):
 * staff submit, the section head reviews, a leader approves and withdraws. The workflow
 * declarations (lib/inspections/inspection-review.ts) say from which state to which.
 */
export const inspectionsGrants = {
  actions: [
    "inspection.read_console",
    "inspection.manage_lists",
    "inspection.edit",
    "inspection.draw",
    "inspection.record_results",
    "inspection.plan.submit",
    "inspection.plan.approve_section",
    "inspection.plan.approve_leader",
    "inspection.plan.return_section",
    "inspection.plan.return_leader",
    "inspection.plan.withdraw",
    "inspection.plan.restore",
    "inspection.plan.restore_any_section",
    "inspection.results.submit",
    "inspection.results.approve_section",
    "inspection.results.approve_leader",
    "inspection.results.return_section",
    "inspection.results.return_leader",
    "inspection.results.withdraw",
    "inspection.results.restore",
    "inspection.results.restore_any_section",
  ],
  roles: {
    staff: [
      "inspection.read_console",
      "inspection.manage_lists",
      "inspection.edit",
      "inspection.draw",
      "inspection.record_results",
      "inspection.plan.submit",
      "inspection.plan.restore",
      "inspection.results.submit",
      "inspection.results.restore",
    ],
    section_head: [
      "inspection.read_console",
      "inspection.manage_lists",
      "inspection.edit",
      "inspection.draw",
      "inspection.record_results",
      "inspection.plan.submit",
      "inspection.plan.approve_section",
      "inspection.plan.return_section",
      "inspection.plan.restore",
      "inspection.results.submit",
      "inspection.results.approve_section",
      "inspection.results.return_section",
      "inspection.results.restore",
    ],
    leader: [
      "inspection.read_console",
      "inspection.plan.approve_leader",
      "inspection.plan.return_leader",
      "inspection.plan.withdraw",
      "inspection.plan.restore_any_section",
      "inspection.results.approve_leader",
      "inspection.results.return_leader",
      "inspection.results.withdraw",
      "inspection.results.restore_any_section",
    ],
    admin: ["inspection.read_console"],
    // Platform roles (集约化): the platform administrator keeps agencies and accounts, not this domain;
    // the supervisor (政务公开办) reads it in every agency.
    platform_admin: [],
    supervisor: ["inspection.read_console"],
  },
} as const satisfies DomainGrants;
