import "server-only";
import { Prisma } from "@/lib/db";
import { textsOfJson } from "@/lib/search/sources/json-text";
import type { SearchSource } from "@/lib/search/sources/types";
import type { SearchDocumentType } from "@/lib/search/types";

type ContentRow = { id: number; content: { name?: string } & Record<string, unknown>; publishedAt: Date; sectionId: number; agencyId: number; version: string };

/**
 * A register whose approved copy is a JSON `publishedContent` column (the power list, service
 * guides): every record the public can see, indexed as that copy reads. The version stamp is a
 * hash of the copy, so only an approved change re-indexes a record.
 */
export function publishedContentSource(options: {
  type: SearchDocumentType;
  table: "Power" | "Service";
  urlPrefix: string;
  /** Words searchable besides the copy's own texts (e.g. the power type's Chinese name). */
  extraFields?: (content: Record<string, unknown>) => (string | null)[];
}): SearchSource {
  const table = Prisma.raw(`"${options.table}"`);
  const isPublic = Prisma.sql`"publishedContent" IS NOT NULL AND jsonb_typeof("publishedContent") = 'object' AND "withdrawnAt" IS NULL`;
  return {
    type: options.type,

    async listPublicVersions(client, page) {
      const rows = await client.$queryRaw<{ id: number; version: string }[]>`
        SELECT "id", md5("publishedContent"::text) AS "version" FROM ${table} WHERE ${isPublic} AND "id" > ${page.after}
         ORDER BY "id" LIMIT ${page.limit}`;
      return new Map(rows.map((row) => [row.id, row.version]));
    },

    async loadDocuments(client, ids) {
      if (!ids.length) return [];
      const rows = await client.$queryRaw<ContentRow[]>`
        SELECT "id", "publishedContent" AS "content", coalesce("publishedAt", "updatedAt") AS "publishedAt", "sectionId",
               md5("publishedContent"::text) AS "version",
               (SELECT s."agencyId" FROM "Section" s WHERE s."id" = "sectionId") AS "agencyId"
          FROM ${table}
         WHERE "id" = ANY(${ids}::int[]) AND ${isPublic}`;
      return rows.map((row) => ({
        type: options.type,
        sourceId: row.id,
        sourceVersion: row.version,
        title: String(row.content.name ?? ""),
        fields: [...(options.extraFields?.(row.content) ?? []), ...textsOfJson(row.content, new Set(["name"]))],
        url: `${options.urlPrefix}/${row.id}`,
        publishedAt: row.publishedAt,
        agencyId: row.agencyId,
        issuingBody: String(row.sectionId),
      }));
    },
  };
}
