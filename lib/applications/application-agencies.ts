import "server-only";
import { listAgencies, type AgencyDetails } from "@/lib/agency/agencies";
import { db, type DatabaseTransaction } from "@/lib/db";

/**
 * The agencies that accept applications (集约化): those with a handling section — the one their
 * administrator chose, or a section with active staff or a section head (lib/applications/handling-section.ts).
 * An agency without either has nobody to handle an application: the public form does not offer it
 * and a transfer to it is refused.
 */
export async function agencyIdsAcceptingApplications(reader: Pick<DatabaseTransaction, "section" | "applicationSettings"> = db): Promise<Set<number>> {
  const [staffed, configured] = await Promise.all([
    reader.section.findMany({
      where: { users: { some: { role: { in: ["staff", "section_head"] }, disabledAt: null } } },
      select: { agencyId: true },
      distinct: ["agencyId"],
    }),
    reader.applicationSettings.findMany({ where: { handlingSectionId: { not: null } }, select: { agencyId: true, handlingSectionId: true } }),
  ]);
  const ids = new Set(staffed.map((row) => row.agencyId));
  const chosen = configured.filter((row) => !ids.has(row.agencyId));
  if (chosen.length) {
    const sections = await reader.section.findMany({
      where: { OR: chosen.map((row) => ({ id: row.handlingSectionId!, agencyId: row.agencyId })) },
      select: { agencyId: true },
    });
    for (const section of sections) ids.add(section.agencyId);
  }
  return ids;
}

export async function acceptsApplications(agencyId: number, reader: Pick<DatabaseTransaction, "section" | "applicationSettings"> = db): Promise<boolean> {
  return (await agencyIdsAcceptingApplications(reader)).has(agencyId);
}

/** The agencies the public form offers, in the directory's order (the government first). */
export async function listAgenciesAcceptingApplications(): Promise<AgencyDetails[]> {
  const [agencies, accepting] = await Promise.all([listAgencies(), agencyIdsAcceptingApplications()]);
  return agencies.filter((agency) => accepting.has(agency.id));
}
