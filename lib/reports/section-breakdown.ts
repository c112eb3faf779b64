import "server-only";
import { db } from "@/lib/db";
import { beijingYearBounds } from "@/lib/reports/item-figures";

export type SectionBreakdownRow = { sectionId: number; sectionName: string; itemsPublished: number; itemsLate: number; itemsInReview: number };

/** What each section contributed in the year, since the office compiles the report from all of them. */
export async function findSectionBreakdown(year: number, scope: { agencyId: number }): Promise<SectionBreakdownRow[]> {
  const { start, end } = beijingYearBounds(year);
  // The reporting agency's sections (集约化).
  const sections = await db.section.findMany({ where: { agencyId: scope.agencyId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const ofSections = { sectionId: { in: sections.map((section) => section.id) } };
  const [published, late, inReview] = await Promise.all([
    db.item.groupBy({ by: ["sectionId"], where: { ...ofSections, publishedAt: { gte: start, lt: end } }, _count: true }),
    db.item.groupBy({ by: ["sectionId"], where: { ...ofSections, publishedAt: { gte: start, lt: end }, publishedOnTime: false }, _count: true }),
    db.item.groupBy({ by: ["sectionId"], where: { ...ofSections, state: { in: ["section_review", "leader_review"] } }, _count: true }),
  ]);
  const countOf = (rows: { sectionId: number; _count: number }[], sectionId: number) => rows.find((row) => row.sectionId === sectionId)?._count ?? 0;
  return sections.map((section) => ({
    sectionId: section.id,
    sectionName: section.name,
    itemsPublished: countOf(published, section.id),
    itemsLate: countOf(late, section.id),
    itemsInReview: countOf(inReview, section.id),
  }));
}
