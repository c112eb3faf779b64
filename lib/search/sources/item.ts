import "server-only";
import type { SearchSource } from "@/lib/search/sources/types";
import { externalIssuingBody } from "@/lib/search/types";

type ItemRow = {
  id: number;
  indexNumber: string;
  publishedAt: Date;
  agencyId: number;
  revisionId: number;
  title: string;
  bodyText: string;
  documentNumber: string | null;
  keywords: string[] | null;
  categoryId: number;
  issuingSectionId: number | null;
  externalIssuingBody: string | null;
  validity: string;
  attachments: string | null;
};

/**
 * Published items (政府信息): title, 索引号, 文号, keywords, body text and the text extracted from
 * attachments, as of the published revision. Withdrawn items are not public. The version stamp is
 * the published revision id: a new publication replaces the document, anything else leaves it.
 */
export const itemSearchSource: SearchSource = {
  type: "item",

  async listPublicVersions(client, page) {
    const rows = await client.$queryRaw<{ id: number; revisionId: number }[]>`
      SELECT "id", "publishedRevisionId" AS "revisionId" FROM "Item"
       WHERE "publishedRevisionId" IS NOT NULL AND "withdrawnAt" IS NULL AND "publishedAt" IS NOT NULL AND "id" > ${page.after}
       ORDER BY "id" LIMIT ${page.limit}`;
    return new Map(rows.map((row) => [row.id, String(row.revisionId)]));
  },

  async loadDocuments(client, ids) {
    if (!ids.length) return [];
    const rows = await client.$queryRaw<ItemRow[]>`
      SELECT i."id", i."indexNumber", i."publishedAt", s."agencyId", r."id" AS "revisionId", r."title", r."bodyText", r."documentNumber",
             r."keywords", r."categoryId", r."issuingSectionId", r."externalIssuingBody", r."validity"::text AS "validity",
             (SELECT string_agg(f."originalName" || E'\n' || coalesce(f."extractedText", ''), E'\n' ORDER BY a."sortOrder", a."id")
                FROM "ItemAttachment" a JOIN "StoredFile" f ON f."id" = a."fileId"
               WHERE a."revisionId" = r."id") AS "attachments"
        FROM "Item" i JOIN "ItemRevision" r ON r."id" = i."publishedRevisionId" JOIN "Section" s ON s."id" = i."sectionId"
       WHERE i."id" = ANY(${ids}::int[]) AND i."withdrawnAt" IS NULL AND i."publishedAt" IS NOT NULL`;
    return rows.map((row) => ({
      type: "item" as const,
      sourceId: row.id,
      sourceVersion: String(row.revisionId),
      title: row.title,
      // Body first: a snippet shows the start of the content when only the title matched.
      fields: [row.bodyText, row.attachments, row.documentNumber, row.indexNumber, row.keywords?.join(" ")],
      url: `/items/${row.id}`,
      publishedAt: row.publishedAt,
      agencyId: row.agencyId,
      categoryId: row.categoryId,
      // A reposted document is not this agency's own: it never counts under 本机关 (issuingBody=agency).
      issuingBody: row.externalIssuingBody
        ? externalIssuingBody(row.externalIssuingBody)
        : row.issuingSectionId === null
          ? "agency"
          : String(row.issuingSectionId),
      validity: row.validity,
    }));
  },
};
