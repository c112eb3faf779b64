import type { DomainGrants } from "@/lib/auth/grants/types";

/** Actions of the applications domain and the roles that hold them (merged into lib/auth/permissions.ts). */
export const applicationsGrants = {
  actions: [],
  roles: { staff: [], section_head: [], leader: [], admin: [] },
} as const satisfies DomainGrants;
