import "server-only";
import { db } from "@/lib/db";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/** The issuing bodies a visitor can filter by: the agency and its sections. */
export async function listIssuingBodies(): Promise<{ value: string; label: string }[]> {
  return readThroughPublicCache("issuing-bodies", [], async () => {
    const [agency, sections] = await Promise.all([
      db.agency.findFirstOrThrow({ where: { isDefault: true } }),
      db.section.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], where: { issuedRevisions: { some: {} } } }),
    ]);
    return [{ value: "agency", label: agency.name }, ...sections.map((section) => ({ value: String(section.id), label: `${agency.name}${section.name}` }))];
  });
}
