import { applicationsGrants } from "@/lib/auth/grants/applications";
import { inspectionsGrants } from "@/lib/auth/grants/inspections";
import { oversightGrants } from "@/lib/auth/grants/oversight";
import { proposalsGrants } from "@/lib/auth/grants/proposals";
import { registersGrants } from "@/lib/auth/grants/registers";
import { reportsGrants } from "@/lib/auth/grants/reports";
import type { Role } from "@/lib/auth/roles";
import { ForbiddenError, PasswordChangeRequiredError } from "@/lib/errors";

/**
 * The one permissions table: which role may take which action. Every write in the data layer
 * checks it with `assertPermitted`, whatever the UI showed. Each review transition has its own
 * permission here too (e.g. `item.approve_leader`), one per transition as in Drupal's content
 * moderation; the workflow declarations (lib/workflow, e.g. lib/items/item-review.ts) name it, and
 * add the state and the person's relation to the record. Each later domain keeps its part in
 * lib/auth/grants/<domain>.ts; they are merged here into the one table.
 */
const domainGrants = [applicationsGrants, registersGrants, proposalsGrants, reportsGrants, inspectionsGrants, oversightGrants] as const;

type DomainAction = (typeof domainGrants)[number]["actions"][number];

const coreActions = [
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
  "item.submit",
  "item.approve_section",
  "item.approve_leader",
  "item.return_section",
  "item.return_leader",
  "item.withdraw",
  "item.restore",
  "item.restore_any_section",
  "catalogue.manage",
  "catalogue.manage_template",
  "sensitive_words.manage",
  "calendar.manage",
  "site_identity.manage",
  "agency.manage",
  "agency.edit_own",
] as const;

export type Action = (typeof coreActions)[number] | DomainAction;

export const actions: readonly Action[] = [...coreActions, ...domainGrants.flatMap((grants) => grants.actions as readonly DomainAction[])];

const everyStaffMember: Action[] = ["console.access", "account.change_password", "account.manage_tokens", "item.read_console"];

// An administrator's: accounts, sections, the audit log, the shared settings, its own agency's details.
// The platform administrator holds the same for every agency, and adds agencies.
const administration: Action[] = [
  ...everyStaffMember,
  "user.manage",
  "section.manage",
  "audit.read",
  "audit.export",
  "catalogue.manage",
  "sensitive_words.manage",
  "calendar.manage",
  "site_identity.manage",
  "agency.edit_own",
];

// Item review transitions: staff submit, the section head reviews, a leader approves and withdraws
// (lib/items/item-review.ts says from which state to which, and the relation to the item).
const corePermissions: Record<Role, readonly Action[]> = {
  staff: [...everyStaffMember, "item.create", "item.edit", "item.submit", "item.restore"],
  section_head: [...everyStaffMember, "item.create", "item.edit", "audit.read", "item.submit", "item.approve_section", "item.return_section", "item.restore"],
  leader: [...everyStaffMember, "audit.read", "audit.export", "item.approve_leader", "item.return_leader", "item.withdraw", "item.restore_any_section"],
  admin: administration,
  // Platform roles (集约化), held in the government's own agency. The platform administrator keeps
  // the agencies, their accounts and the settings every agency shares (the catalogue template, the
  // working-day calendar, sensitive words); the supervisor (政务公开办) reads every agency's console
  // and keeps the platform catalogue template with the platform administrator.
  platform_admin: [...administration, "agency.manage", "catalogue.manage_template"],
  supervisor: [...everyStaffMember, "audit.read", "audit.export", "catalogue.manage_template"],
};

function grantsOf(role: Role): readonly Action[] {
  return [...corePermissions[role], ...domainGrants.flatMap((grants) => grants.roles[role] as readonly DomainAction[])];
}

export const permissionsTable: Record<Role, readonly Action[]> = {
  staff: grantsOf("staff"),
  section_head: grantsOf("section_head"),
  leader: grantsOf("leader"),
  admin: grantsOf("admin"),
  platform_admin: grantsOf("platform_admin"),
  supervisor: grantsOf("supervisor"),
};

export function isPermitted(role: Role, action: Action): boolean {
  return permissionsTable[role].includes(action);
}

/**
 * Refuses (403) an action the actor's role lacks, and every action but the password change of an
 * account that still holds a one-time password (whatever path its user reached the data layer by).
 */
export function assertPermitted(actor: { role: Role; mustChangePassword?: boolean } | null | undefined, action: Action): void {
  if (!actor || !isPermitted(actor.role, action)) throw new ForbiddenError();
  if (actor.mustChangePassword && action !== "account.change_password") throw new PasswordChangeRequiredError();
}
