import "server-only";
import { messages } from "@/lib/i18n";
import { textsOfJson } from "@/lib/search/sources/json-text";
import type { SearchSource } from "@/lib/search/sources/types";

type PowerRow = { id: number; content: { name?: string; type?: string } & Record<string, unknown>; publishedAt: Date; sectionId: number; version: string };

/**
 * 权责清单: every power on the current public list, as its approved copy (`publishedContent`)
 * reads. The version stamp is a hash of that copy, so only an approved change re-indexes it.
 */
export const powerSearchSource: SearchSource = {
  type: "power",

  async listPublicVersions(client) {
    const rows = await client.$queryRaw<{ id: number; version: string }[]>`
      SELECT "id", md5("publishedContent"::text) AS "version" FROM "Power"
       WHERE "publishedContent" IS NOT NULL AND jsonb_typeof("publishedContent") = 'object' AND "withdrawnAt" IS NULL`;
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  async loadDocuments(client, ids) {
    if (!ids.length) return [];
    const rows = await client.$queryRaw<PowerRow[]>`
      SELECT "id", "publishedContent" AS "content", coalesce("publishedAt", "updatedAt") AS "publishedAt", "sectionId",
             md5("publishedContent"::text) AS "version"
        FROM "Power"
       WHERE "id" = ANY(${ids}::int[]) AND "publishedContent" IS NOT NULL AND jsonb_typeof("publishedContent") = 'object' AND "withdrawnAt" IS NULL`;
    return rows.map((row) => ({
      type: "power" as const,
      sourceId: row.id,
      sourceVersion: row.version,
      title: String(row.content.name ?? ""),
      fields: [messages.search.powerTypeLabels[String(row.content.type)] ?? null, ...textsOfJson(row.content, new Set(["name"]))],
      url: `/powers/${row.id}`,
      publishedAt: row.publishedAt,
      issuingBody: String(row.sectionId),
    }));
  },
};
