import "server-only";
import { isInAgencyScope } from "@/lib/agency/agency-scope";
import type { ActingUser } from "@/lib/auth/acting-user";
import type { DatabaseTransaction, db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";

/**
 * Isolation of agencies (集约化) for records a section keeps (register entries, 双公示 decisions,
 * inspections, reports): a record whose keeping section belongs to another agency is "not found"
 * to the actor (404, its existence is not disclosed), unless the actor holds a platform role.
 */
export async function assertSectionInAgencyScope(
  tx: DatabaseTransaction | typeof db,
  actor: Pick<ActingUser, "role" | "agencyId">,
  sectionId: number,
  notFoundMessage?: string,
): Promise<void> {
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { agencyId: true } });
  if (!section || !isInAgencyScope(actor, section.agencyId)) throw new NotFoundError(notFoundMessage);
}

/** Whether a section chosen in a form is one of the actor's own agency's (another agency's counts as missing). */
export async function isOwnAgencySection(tx: DatabaseTransaction | typeof db, actor: Pick<ActingUser, "agencyId">, sectionId: number): Promise<boolean> {
  return (await tx.section.count({ where: { id: sectionId, agencyId: actor.agencyId } })) > 0;
}
