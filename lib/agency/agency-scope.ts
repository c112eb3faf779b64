import type { ActingUser } from "@/lib/auth/acting-user";
import { holdsPlatformRole } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Which agencies' records an acting user reaches (集约化): the agency of its section, or every
 * agency for a platform role. A record outside the scope is "not found" (404), never "forbidden":
 * its existence is not disclosed.
 */
export function reachesEveryAgency(actor: Pick<ActingUser, "role" | "narrowedToAgency">): boolean {
  return holdsPlatformRole(actor) && !actor.narrowedToAgency;
}

/** The sections an actor reaches, as a Prisma filter. */
export function sectionsInScope(actor: Pick<ActingUser, "role" | "agencyId" | "narrowedToAgency">): Prisma.SectionWhereInput {
  return reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId };
}

/** Whether a record of `agencyId` is within the actor's scope. */
export function isInAgencyScope(actor: Pick<ActingUser, "role" | "agencyId" | "narrowedToAgency">, agencyId: number): boolean {
  return reachesEveryAgency(actor) || actor.agencyId === agencyId;
}
