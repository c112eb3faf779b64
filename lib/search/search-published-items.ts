import "server-only";
import type { Prisma } from "@/lib/db";
import { queryPublishedItemPage, type PublicItemPage } from "@/lib/items/public-items";
import { readThroughPublicCache } from "@/lib/public-content/cached";

/**
 * Finds published items whose title, text, 文号 or 索引号 contain every space-separated term.
 * A plain substring match works for Chinese (no word boundaries) and keeps phrases together.
 */
export async function searchPublishedItems(query: string, page = 1, pageSize = 20): Promise<PublicItemPage> {
  const terms = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (!terms.length) return { total: 0, page, pageSize, items: [] };
  return readThroughPublicCache("search", [terms, page, pageSize], () => {
    const where: Prisma.ItemWhereInput = {
      AND: terms.map((term) => ({
        OR: [
          { indexNumber: { contains: term, mode: "insensitive" } },
          { publishedRevision: { title: { contains: term, mode: "insensitive" } } },
          { publishedRevision: { bodyText: { contains: term, mode: "insensitive" } } },
          { publishedRevision: { documentNumber: { contains: term, mode: "insensitive" } } },
        ],
      })),
    };
    return queryPublishedItemPage(where, page, pageSize);
  });
}
