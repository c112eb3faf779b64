import "server-only";
import { db } from "@/lib/db";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/**
 * The issuing bodies a visitor can filter by: the agency (the default one unless `agencyId` names
 * another) and those of its sections that issued something, each named after its own agency.
 */
export async function listIssuingBodies(agencyId?: number): Promise<{ value: string; label: string }[]> {
  return readThroughPublicCache("issuing-bodies", [agencyId ?? null], async () => {
    const agency = await db.agency.findFirstOrThrow({ where: agencyId === undefined ? { isDefault: true } : { id: agencyId } });
    const sections = await db.section.findMany({
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      where: { agencyId: agency.id, issuedRevisions: { some: {} } },
    });
    return [{ value: "agency", label: agency.name }, ...sections.map((section) => ({ value: String(section.id), label: `${agency.name}${section.name}` }))];
  });
}

/** Every section's label as an issuing body (`<agency name><section name>`), for results from any agency. */
export async function listSectionIssuerLabels(): Promise<Map<string, string>> {
  const sections = await db.section.findMany({ select: { id: true, name: true, agency: { select: { name: true } } } });
  return new Map(sections.map((section) => [String(section.id), `${section.agency.name}${section.name}`]));
}
