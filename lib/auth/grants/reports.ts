import type { DomainGrants } from "@/lib/auth/grants/types";

/** Actions of the reports domain and the roles that hold them (merged into lib/auth/permissions.ts). */
export const reportsGrants = {
  actions: [],
  roles: { staff: [], section_head: [], leader: [], admin: [] },
} as const satisfies DomainGrants;
