import type { Role } from "@/lib/auth/roles";

/** A domain's part of the permissions table: its actions, and which role holds which of them. */
export type DomainGrants = { actions: readonly string[]; roles: Record<Role, readonly string[]> };
