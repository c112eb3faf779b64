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
] as const;

export type Action = (typeof actions)[number];

const everyStaffMember: Action[] = ["console.access", "account.change_password", "account.manage_tokens"];

export const permissionsTable: Record<Role, readonly Action[]> = {
  staff: [...everyStaffMember],
  section_head: [...everyStaffMember, "audit.read"],
  leader: [...everyStaffMember, "audit.read", "audit.export"],
  admin: [...everyStaffMember, "user.manage", "section.manage", "audit.read", "audit.export"],
};

export function isPermitted(role: Role, action: Action): boolean {
  return permissionsTable[role].includes(action);
}

export function assertPermitted(actor: { role: Role } | null | undefined, action: Action): void {
  if (!actor || !isPermitted(actor.role, action)) throw new ForbiddenError();
}
