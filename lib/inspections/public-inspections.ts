import "server-only";
import { publicListScope } from "@/lib/agency/public-agency";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-calendar";
import { beijingDayOf, dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import { inspectionDetailInclude, toInspectionView, type InspectionView } from "@/lib/inspections/inspection-views";
import { describeResultsTimeliness, type ResultsTimeliness } from "@/lib/inspections/results-deadline";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/** What the public sees of 双随机一公开: published tasks with their draw, and published results. */

export type PublicInspectionSummary = {
  id: number;
  year: number;
  title: string;
  items: string[];
  startOn: string;
  endOn: string;
  targetCount: number;
  publishedAt: string;
  resultsPublished: boolean;
  resultsDeadline: ResultsTimeliness;
};

export type PublicInspectionPage = { items: PublicInspectionSummary[]; total: number; page: number; pageSize: number };

export const maximumPublicPageSize = 100;

const visibleToPublic = { state: "published" } satisfies Prisma.InspectionWhereInput;

/** The tasks of a public list's agency (`publicListScope`): those of its sections. */
function inspectionsOf(scope: { agencyId: number; filtered: boolean }): Prisma.InspectionWhereInput {
  return scope.filtered ? { section: { agencyId: scope.agencyId } } : {};
}

export async function findPublishedInspections(
  filter: { agencyCode?: string; year?: number; page?: number; pageSize?: number } = {},
): Promise<PublicInspectionPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(maximumPublicPageSize, Math.max(1, Math.floor(filter.pageSize ?? 20)));
  const year = filter.year;
  // The tasks of the agency named by `agency=` (集约化), the default agency's without one.
  const scope = await publicListScope(filter.agencyCode);
  return readThroughPublicCache("published-inspections", [{ year, page, pageSize, agencyId: scope.agencyId }], async () => {
    const where: Prisma.InspectionWhereInput = {
      ...visibleToPublic,
      ...(year ? { year } : {}),
      ...inspectionsOf(scope),
    };
    const [total, rows, calendar] = await Promise.all([
      db.inspection.count({ where }),
      db.inspection.findMany({
        where,
        orderBy: [{ startOn: "desc" }, { id: "desc" }],
        skip: (page - 1) * pageSize,
        take: pageSize,
        include: { items: { include: { item: true }, orderBy: { itemId: "asc" } } },
      }),
      loadWorkingDayCalendar(),
    ]);
    const today = todayInBeijing();
    return {
      total,
      page,
      pageSize,
      items: rows.map((row) => {
        const resultsPublished = row.resultsState === "published";
        return {
          id: row.id,
          year: row.year,
          title: row.title,
          items: row.items.map(({ item }) => item.name),
          startOn: dateColumnToIsoDate(row.startOn),
          endOn: dateColumnToIsoDate(row.endOn),
          targetCount: row.targetCount,
          publishedAt: beijingDayOf(row.publishedAt!),
          resultsPublished,
          resultsDeadline: describeResultsTimeliness(
            calendar,
            dateColumnToIsoDate(row.endOn),
            row.resultsPublishedAt && resultsPublished ? beijingDayOf(row.resultsPublishedAt) : null,
            today,
          ),
        };
      }),
    };
  });
}

/** The years with published tasks of the agency named by `agencyCode` (the default agency's without one), newest first. */
export async function findPublishedInspectionYears(agencyCode?: string): Promise<number[]> {
  const scope = await publicListScope(agencyCode);
  return readThroughPublicCache("published-inspection-years", [scope.agencyId], async () => {
    const rows = await db.inspection.groupBy({ by: ["year"], where: { ...visibleToPublic, ...inspectionsOf(scope) }, orderBy: { year: "desc" } });
    return rows.map((row) => row.year);
  });
}

export type PublicInspectionDetail =
  | { kind: "published"; inspection: InspectionView; resultsPublished: boolean }
  | { kind: "withdrawn"; id: number; title: string; withdrawnAt: string; reason: string };

/** A published task (results only once they are published), a withdrawal notice, or null. */
export async function findPublicInspection(inspectionId: number): Promise<PublicInspectionDetail | null> {
  if (!Number.isSafeInteger(inspectionId) || inspectionId <= 0) return null;
  return readThroughPublicCache("public-inspection", [inspectionId], async () => {
    const inspection = await db.inspection.findFirst({
      where: { id: inspectionId, state: { in: ["published", "withdrawn"] } },
      include: inspectionDetailInclude,
    });
    if (!inspection) return null;
    if (inspection.state === "withdrawn") {
      if (!inspection.publishedAt) return null;
      return {
        kind: "withdrawn",
        id: inspection.id,
        title: inspection.title,
        withdrawnAt: inspection.withdrawnAt!.toISOString(),
        reason: inspection.withdrawalReason ?? "",
      };
    }
    const resultsPublished = inspection.resultsState === "published";
    const calendar = await loadWorkingDayCalendar();
    return { kind: "published", inspection: toInspectionView(inspection, calendar, todayInBeijing(), { withResults: resultsPublished }), resultsPublished };
  });
}

/** The recorded input of a published task's draw, as the exact JSON text that was hashed. */
export async function findPublicDrawInput(inspectionId: number): Promise<{ text: string; inputHash: string } | null> {
  if (!Number.isSafeInteger(inspectionId) || inspectionId <= 0) return null;
  const draw = await db.inspectionDraw.findFirst({ where: { inspectionId, inspection: visibleToPublic } });
  return draw ? { text: draw.input, inputHash: draw.inputHash } : null;
}
