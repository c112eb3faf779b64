import "server-only";
import { isInAgencyScope, reachesEveryAgency } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import { db, type DatabaseTransaction, type Prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { messages } from "@/lib/i18n";

/**
 * Isolation of agencies (集约化) for applications: an application belongs to the agency it was made
 * to (`Application.agencyId`), and with it its steps, fee, reply letter, reconsiderations and
 * lawsuits. An actor reaches its own agency's applications, a platform role every agency's; any
 * other is "not found" (404, never 403: its existence is not disclosed).
 */
export function applicationsInScope(actor: Pick<ActingUser, "role" | "agencyId">): Prisma.ApplicationWhereInput {
  return reachesEveryAgency(actor) ? {} : { agencyId: actor.agencyId };
}

export const applicationNotFound = () => new NotFoundError(messages.common.notFound.application);

/** Throws 404 unless the actor ("system": the scheduler, every agency) reaches an application of `agencyId`. */
export function assertApplicationInScope(actor: Pick<ActingUser, "role" | "agencyId"> | "system", application: { agencyId: number }): void {
  if (actor !== "system" && !isInAgencyScope(actor, application.agencyId)) throw applicationNotFound();
}

/** The application's agency, for the checks that depend on it (who handles it): 404 when missing or out of the actor's scope. */
export async function findApplicationAgency(
  actor: Pick<ActingUser, "role" | "agencyId">,
  applicationId: number,
  reader: Pick<DatabaseTransaction, "application"> = db,
): Promise<number> {
  if (!Number.isSafeInteger(applicationId) || applicationId <= 0 || applicationId > 2_147_483_647) throw applicationNotFound();
  const row = await reader.application.findFirst({ where: { id: applicationId, ...applicationsInScope(actor) }, select: { agencyId: true } });
  if (!row) throw applicationNotFound();
  return row.agencyId;
}

/**
 * Reconsiderations and lawsuits about proactive disclosure (no application) have no agency of their
 * own yet: they are the default agency's, like the application settings. The cases an actor reaches.
 */
export async function appealsInScope(actor: Pick<ActingUser, "role" | "agencyId">): Promise<Prisma.ReconsiderationWhereInput & Prisma.LitigationWhereInput> {
  if (reachesEveryAgency(actor)) return {};
  const ofDefaultAgency = await isDefaultAgency(actor.agencyId);
  return { OR: [{ application: { agencyId: actor.agencyId } }, ...(ofDefaultAgency ? [{ applicationId: null }] : [])] };
}

/** The agency an appeal belongs to: its application's, or (about proactive disclosure) the default agency. */
export async function agencyOfAppeal(
  appeal: { applicationId: number | null },
  reader: Pick<DatabaseTransaction, "application" | "agency"> = db,
): Promise<number> {
  if (appeal.applicationId !== null) {
    return (await reader.application.findUniqueOrThrow({ where: { id: appeal.applicationId }, select: { agencyId: true } })).agencyId;
  }
  return (await reader.agency.findFirstOrThrow({ where: { isDefault: true }, select: { id: true } })).id;
}

export async function isDefaultAgency(agencyId: number, reader: Pick<DatabaseTransaction, "agency"> = db): Promise<boolean> {
  return (await reader.agency.findUnique({ where: { id: agencyId }, select: { isDefault: true } }))?.isDefault === true;
}
