import "server-only";
import { textsOfJson } from "@/lib/search/sources/json-text";
import type { SearchSource } from "@/lib/search/sources/types";

type ServiceRow = { id: number; content: { name?: string } & Record<string, unknown>; publishedAt: Date; sectionId: number; version: string };

/**
 * 公共服务事项 and their 服务指南, as the approved guide (`publishedContent`) reads: conditions,
 * materials, steps, fees, places… The version stamp is a hash of that copy.
 */
export const serviceSearchSource: SearchSource = {
  type: "service",

  async listPublicVersions(client) {
    const rows = await client.$queryRaw<{ id: number; version: string }[]>`
      SELECT "id", md5("publishedContent"::text) AS "version" FROM "Service"
       WHERE "publishedContent" IS NOT NULL AND jsonb_typeof("publishedContent") = 'object' AND "withdrawnAt" IS NULL`;
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  async loadDocuments(client, ids) {
    if (!ids.length) return [];
    const rows = await client.$queryRaw<ServiceRow[]>`
      SELECT "id", "publishedContent" AS "content", coalesce("publishedAt", "updatedAt") AS "publishedAt", "sectionId",
             md5("publishedContent"::text) AS "version"
        FROM "Service"
       WHERE "id" = ANY(${ids}::int[]) AND "publishedContent" IS NOT NULL AND jsonb_typeof("publishedContent") = 'object' AND "withdrawnAt" IS NULL`;
    return rows.map((row) => ({
      type: "service" as const,
      sourceId: row.id,
      sourceVersion: row.version,
      title: String(row.content.name ?? ""),
      fields: textsOfJson(row.content, new Set(["name"])),
      url: `/services/${row.id}`,
      publishedAt: row.publishedAt,
      issuingBody: String(row.sectionId),
    }));
  },
};
