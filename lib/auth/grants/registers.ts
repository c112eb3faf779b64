import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the registers domain and the roles that hold them (merged into lib/auth/permissions.ts).
 * Review transitions of register entries have one permission each (`power.approve_leader`, …):
 * staff submit, the section head reviews, a leader approves and withdraws. The workflow
 * declarations (lib/powers/power-review.ts, lib/services/service-review.ts,
 * lib/decisions/decision-review.ts) say from which state to which, and the relation to the entry.
 */
export const registersGrants = {
  actions: [
    "registers.read_console",
    "power.edit",
    "power.publish_version",
    "service.edit",
    "decision.edit",
    "decision.import",
    "decision.export",
    "decision.configure_publicity",
    "fee_income.manage",
    "power.submit",
    "power.approve_section",
    "power.approve_leader",
    "power.return_section",
    "power.return_leader",
    "power.withdraw",
    "power.restore",
    "power.restore_any_section",
    "service.submit",
    "service.approve_section",
    "service.approve_leader",
    "service.return_section",
    "service.return_leader",
    "service.withdraw",
    "service.restore",
    "service.restore_any_section",
    "decision.submit",
    "decision.approve_section",
    "decision.approve_leader",
    "decision.return_section",
    "decision.return_leader",
    "decision.withdraw",
    "decision.restore",
    "decision.restore_any_section",
  ],
  roles: {
    staff: [
      "registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage",
      "power.submit", "power.restore", "service.submit", "service.restore", "decision.submit", "decision.restore",
    ],
    section_head: [
      "registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage",
      "power.submit", "power.approve_section", "power.return_section", "power.restore",
      "service.submit", "service.approve_section", "service.return_section", "service.restore",
      "decision.submit", "decision.approve_section", "decision.return_section", "decision.restore",
    ],
    leader: [
      "registers.read_console", "power.publish_version", "decision.export", "decision.configure_publicity",
      "power.approve_leader", "power.return_leader", "power.withdraw", "power.restore_any_section",
      "service.approve_leader", "service.return_leader", "service.withdraw", "service.restore_any_section",
      "decision.approve_leader", "decision.return_leader", "decision.withdraw", "decision.restore_any_section",
    ],
    admin: ["registers.read_console", "decision.export", "decision.configure_publicity"],
  },
} as const satisfies DomainGrants;
