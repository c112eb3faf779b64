import type { DomainGrants } from "@/lib/auth/grants/types";

/** Actions of the proposals domain and the roles that hold them (merged into lib/auth/permissions.ts). */
export const proposalsGrants = {
  actions: [],
  roles: { staff: [], section_head: [], leader: [], admin: [] },
} as const satisfies DomainGrants;
