import type { DomainGrants } from "@/lib/auth/grants/types";

/**
 * Actions of the 双随机一公开 domain and the roles that hold them (merged into
 * lib/auth/permissions.ts). Publishing a task or its results is not here: it follows the review
 * workflow of disclosure items (lib/workflow/item-workflow.ts), checked on every transition.
 */
export const inspectionsGrants = {
  actions: [
    "inspection.read_console",
    "inspection.manage_lists",
    "inspection.edit",
    "inspection.draw",
    "inspection.record_results",
  ],
  roles: {
    staff: ["inspection.read_console", "inspection.manage_lists", "inspection.edit", "inspection.draw", "inspection.record_results"],
    section_head: ["inspection.read_console", "inspection.manage_lists", "inspection.edit", "inspection.draw", "inspection.record_results"],
    leader: ["inspection.read_console"],
    admin: ["inspection.read_console"],
  },
} as const satisfies DomainGrants;
