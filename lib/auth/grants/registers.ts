import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the registers domain and the roles that hold them (merged into lib/auth/permissions.ts).
 * Review steps of register entries (submit, approve, return, withdraw, restore) follow the items'
 * workflow table (lib/workflow/item-workflow.ts), not this table.
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
  ],
  roles: {
    staff: ["registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage"],
    section_head: ["registers.read_console", "power.edit", "service.edit", "decision.edit", "decision.import", "decision.export", "fee_income.manage"],
    leader: ["registers.read_console", "power.publish_version", "decision.export", "decision.configure_publicity"],
    admin: ["registers.read_console", "decision.export", "decision.configure_publicity"],
  },
} as const satisfies DomainGrants;
