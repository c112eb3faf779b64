import "server-only";
import { needsAgencyFilter, resolvePublicAgency } from "@/lib/agency/public-agency";
import { collectDescendantIds, findCategoryBySlug } from "@/lib/catalogue/catalogue-tree";
import { beijingDayOf, dateColumnToIsoDate } from "@/lib/dates";
import { db, type Prisma } from "@/lib/db";
import type { ItemValidity } from "@/lib/generated/prisma/enums";
import { messages } from "@/lib/i18n";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/** What the public sees of an item: its published revision. Dates are strings (cacheable as JSON). */
export type PublicItemSummary = {
  id: number;
  /** The agency that published it (集约化): what `agency=` and `/agencies/{code}` use. */
  agencyCode: string;
  indexNumber: string;
  title: string;
  category: { slug: string; name: string };
  issuingBody: string;
  documentNumber: string | null;
  writtenAt: string | null;
  publishedAt: string;
  validity: ItemValidity;
};

export type PublicItemDetail = PublicItemSummary & {
  body: string;
  formedAt: string;
  validityDate: string | null;
  replacedBy: { id: number; title: string } | null;
  /** For a 政策解读: the published document it interprets. */
  interprets: { id: number; title: string } | null;
  /** For a policy document: its published interpretations (政策解读). */
  interpretations: { id: number; title: string }[];
  channels: string[];
  keywords: string[];
  disclosureMode: string;
  attachments: { id: number; name: string; sizeBytes: number; mimeType: string }[];
  withdrawal: { withdrawnAt: string; reason: string } | null;
};

export type PublicItemPage = { total: number; page: number; pageSize: number; items: PublicItemSummary[] };

/** `agencyCode`: the agency whose items (`agency=`); the default agency's when not given. */
export type PublicItemFilter = { agencyCode?: string; categorySlug?: string; year?: number; issuingBody?: string; page?: number; pageSize?: number };

const visibleToPublic = { publishedRevisionId: { not: null }, withdrawnAt: null } satisfies Prisma.ItemWhereInput;

const summaryInclude = {
  publishedRevision: { include: { category: true, issuingSection: true } },
  section: { select: { agency: { select: { code: true, name: true } } } },
} satisfies Prisma.ItemInclude;

type ItemWithPublished = Prisma.ItemGetPayload<{ include: typeof summaryInclude }>;

/** The issuing body is the item's agency (and its section), unless an outside body issued it. */
function toSummary(item: ItemWithPublished): PublicItemSummary {
  const revision = item.publishedRevision!;
  const agencyName = item.section.agency.name;
  return {
    id: item.id,
    agencyCode: item.section.agency.code,
    indexNumber: item.indexNumber,
    title: revision.title,
    category: { slug: revision.category.slug, name: revision.category.name },
    issuingBody: revision.externalIssuingBody ?? (revision.issuingSection?.name ? `${agencyName}${revision.issuingSection.name}` : agencyName),
    documentNumber: revision.documentNumber,
    writtenAt: dateColumnToIsoDate(revision.writtenAt),
    publishedAt: beijingDayOf(item.publishedAt!),
    validity: revision.validity,
  };
}

/** Start and end of a calendar year in Beijing time. */
function beijingYearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(`${year}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

export async function findPublishedItems(filter: PublicItemFilter): Promise<PublicItemPage | null> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(filter.pageSize ?? 20)));
  let categoryIds: number[] | undefined;
  if (filter.categorySlug) {
    const category = await findCategoryBySlug(filter.categorySlug);
    if (!category) return null;
    categoryIds = collectDescendantIds(category);
  }
  const agency = await resolvePublicAgency(filter.agencyCode);
  const args = { agencyId: agency.id, categoryIds, year: filter.year, issuingBody: filter.issuingBody, page, pageSize };
  return readThroughPublicCache("published-items", [args], async () => {
    const ofAgency: Prisma.ItemWhereInput = (await needsAgencyFilter(agency.id)) ? { section: { agencyId: agency.id } } : {};
    const revisionFilter: Prisma.ItemRevisionWhereInput = {};
    if (categoryIds) revisionFilter.categoryId = { in: categoryIds };
    if (filter.issuingBody === "agency") Object.assign(revisionFilter, { issuingSectionId: null, externalIssuingBody: null });
    else if (filter.issuingBody && /^\d+$/.test(filter.issuingBody)) revisionFilter.issuingSectionId = Number(filter.issuingBody);
    return queryPublishedItemPage(
      { ...ofAgency, publishedRevision: revisionFilter, ...(filter.year ? { publishedAt: beijingYearRange(filter.year) } : {}) },
      page,
      pageSize,
    );
  });
}

/** One page of publicly visible items matching `where`, newest first (uncached: callers cache). */
export async function queryPublishedItemPage(where: Prisma.ItemWhereInput, page: number, pageSize: number): Promise<PublicItemPage> {
  const visible: Prisma.ItemWhereInput = { AND: [visibleToPublic, where] };
  const [total, items] = await Promise.all([
    db.item.count({ where: visible }),
    db.item.findMany({
      where: visible,
      include: summaryInclude,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page, pageSize, items: items.map(toSummary) };
}

/** A published item, or a withdrawn one (shown as a notice); null for anything never published. */
export async function findPublicItem(itemId: number): Promise<PublicItemDetail | null> {
  if (!Number.isInteger(itemId) || itemId <= 0) return null;
  return readThroughPublicCache("public-item", [itemId], async () => {
    const item = await db.item.findFirst({
      where: { id: itemId, publishedRevisionId: { not: null } },
      include: {
        section: summaryInclude.section,
        publishedRevision: {
          include: {
            category: true,
            issuingSection: true,
            replacedByItem: { include: { publishedRevision: true } },
            interpretedItem: { include: { publishedRevision: true } },
            attachments: { include: { file: true }, orderBy: { sortOrder: "asc" } },
          },
        },
      },
    });
    if (!item) return null;
    const revision = item.publishedRevision!;
    const withdrawn = item.withdrawnAt !== null;
    const replacement = revision.replacedByItem?.publishedRevision
      ? { id: revision.replacedByItem.id, title: revision.replacedByItem.publishedRevision.title }
      : null;
    const interpreted = revision.interpretedItem;
    const interprets =
      interpreted?.publishedRevision && interpreted.withdrawnAt === null ? { id: interpreted.id, title: interpreted.publishedRevision.title } : null;
    const interpretations = (
      await db.item.findMany({
        where: { ...visibleToPublic, publishedRevision: { is: { interpretedItemId: item.id } } },
        include: { publishedRevision: true },
        orderBy: { id: "asc" },
      })
    ).map((interpretation) => ({ id: interpretation.id, title: interpretation.publishedRevision!.title }));
    return {
      ...toSummary(item),
      body: withdrawn ? "" : revision.body,
      formedAt: dateColumnToIsoDate(revision.formedAt),
      validityDate: dateColumnToIsoDate(revision.validityDate),
      replacedBy: replacement,
      interprets: withdrawn ? null : interprets,
      interpretations: withdrawn ? [] : interpretations,
      channels: revision.channels,
      keywords: revision.keywords,
      disclosureMode: messages.items.disclosureModeProactive,
      attachments: withdrawn
        ? []
        : revision.attachments.map((attachment) => ({
            id: attachment.id,
            name: attachment.file.originalName,
            sizeBytes: attachment.file.sizeBytes,
            mimeType: attachment.file.mimeType,
          })),
      withdrawal: withdrawn ? { withdrawnAt: beijingDayOf(item.withdrawnAt!), reason: item.withdrawalReason ?? "" } : null,
    };
  });
}

/** The years that have published items, newest first (for the year filter). */
export async function findPublicationYears(): Promise<number[]> {
  return readThroughPublicCache("publication-years", [], async () => {
    const rows = await db.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT EXTRACT(YEAR FROM ("publishedAt" AT TIME ZONE 'Asia/Shanghai'))::int AS year
      FROM "Item" WHERE "publishedRevisionId" IS NOT NULL AND "withdrawnAt" IS NULL AND "publishedAt" IS NOT NULL
      ORDER BY year DESC`;
    return rows.map((row) => row.year);
  });
}

/** The content page of a `page` category (指南, 制度): its latest published item. */
/** The published page of a single-page category: the agency's own (集约化; the default agency's without one). */
export async function findCategoryPageItem(categoryId: number, agencyId?: number): Promise<PublicItemDetail | null> {
  const agency = agencyId ?? (await resolvePublicAgency(null)).id;
  const ofAgency: Prisma.ItemWhereInput = (await needsAgencyFilter(agency)) ? { section: { agencyId: agency } } : {};
  const item = await db.item.findFirst({
    where: { ...visibleToPublic, ...ofAgency, publishedRevision: { categoryId } },
    orderBy: { lastPublishedAt: "desc" },
    select: { id: true },
  });
  return item ? findPublicItem(item.id) : null;
}
