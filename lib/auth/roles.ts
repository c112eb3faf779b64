import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export const roles = [Role.staff, Role.section_head, Role.leader, Role.admin, Role.platform_admin, Role.supervisor] as const;

/** The roles held for the whole platform (集约化) rather than within one agency. */
export const platformRoles: readonly Role[] = [Role.platform_admin, Role.supervisor];

export function holdsPlatformRole(actor: { role: Role }): boolean {
  return platformRoles.includes(actor.role);
}
