import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export const roles = [Role.staff, Role.section_head, Role.leader, Role.admin] as const;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
