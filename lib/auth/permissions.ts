import type { Role } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";

/**
 * The one permissions table: which role may take which action. Every write in the data layer
 * checks it with `assertPermitted`, whatever the UI showed. Workflow transitions have their own
 * table (lib/workflow) because they also depend on the item's state.
 */
export const actions = [
  "console.access",
  "account.change_password",
  "account.manage_tokens",
  "user.manage",
  "section.manage",
  "audit.read",
  "audit.export",
  "item.read_console",
  "item.create",
  "item.edit",
  "catalogue.manage",
  "sensitive_words.manage",
  "calendar.manage",
] as const;

export type Action = (typeof actions)[number];

const everyStaffMember: Action[] = ["console.access", "account.change_password", "account.manage_tokens", "item.read_console"];

// Item review steps (submit, approve, return, withdraw, restore) are in lib/workflow/item-workflow.ts.
export const permissionsTable: Record<Role, readonly Action[]> = {
  staff: [...everyStaffMember, "item.create", "item.edit"],
  section_head: [...everyStaffMember, "item.create", "item.edit", "audit.read"],
  leader: [...everyStaffMember, "audit.read", "audit.export"],
  admin: [
    ...everyStaffMember, "user.manage", "section.manage", "audit.read", "audit.export",
    "catalogue.manage", "sensitive_words.manage", "calendar.manage",
  ],
};

export function isPermitted(role: Role, action: Action): boolean {
  return permissionsTable[role].includes(action);
}

export function assertPermitted(actor: { role: Role } | null | undefined, action: Action): void {
  if (!actor || !isPermitted(actor.role, action)) throw new ForbiddenError();
}
