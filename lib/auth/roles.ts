import { Role } from "@/lib/generated/prisma/enums";

export { Role };
export const roles = [Role.staff, Role.section_head, Role.leader, Role.admin] as const;
