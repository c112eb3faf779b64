import "server-only";
import { dateColumnToIsoDate, todayInBeijing } from "@/lib/dates";
import { messages } from "@/lib/i18n";
import type { SearchSource } from "@/lib/search/sources/types";

type DecisionRow = {
  id: number;
  kind: string;
  version: number;
  documentNumber: string;
  counterpartyName: string;
  publishedAt: Date;
  publicUntil: Date | null;
  sectionId: number;
  agencyId: number;
  texts: (string | null)[];
};

/**
 * 双公示: licensing, penalty and coercion decisions while they are on the public list (published,
 * within its publicity period, not a simple-procedure penalty; the same rule as
 * lib/decisions/public-decisions.ts).
 * Only the public data items are indexed: never the ID number of a natural person. The end of the
 * publicity period travels with the document (visibleUntil), so an expired decision drops out of
 * results on its last day even before the next reconciliation removes it.
 */
export const decisionSearchSource: SearchSource = {
  type: "decision",

  async listPublicVersions(client, page) {
    const today = todayInBeijing();
    const rows = await client.$queryRaw<{ id: number; version: string }[]>`
      SELECT "id", "version"::text || ':' || coalesce("publicUntil"::text, '') AS "version" FROM "AdministrativeDecision"
       WHERE "state" = 'published' AND ("publicUntil" IS NULL OR "publicUntil" >= ${today}::date)
         AND "penaltyProcedure" IS DISTINCT FROM 'simple' AND "id" > ${page.after}
       ORDER BY "id" LIMIT ${page.limit}`;
    return new Map(rows.map((row) => [row.id, row.version]));
  },

  async loadDocuments(client, ids) {
    if (!ids.length) return [];
    const today = todayInBeijing();
    const rows = await client.$queryRaw<DecisionRow[]>`
      SELECT "id", "kind"::text AS "kind", "version", "documentNumber", "counterpartyName", "sectionId",
             (SELECT s."agencyId" FROM "Section" s WHERE s."id" = "sectionId") AS "agencyId",
             coalesce("publishedAt", "decisionDate"::timestamptz) AS "publishedAt", "publicUntil",
             ARRAY["counterpartyName", "creditCode", "legalRepresentative", "documentNumber", "licenseName", "licenseContent",
                   "violationType", "violationFacts", "penaltyBasis", array_to_string("penaltyCategories", ' '), "penaltyContent",
                   "coercionCategory", "coercionContent", "authorityName", "remarks"] AS "texts"
        FROM "AdministrativeDecision"
       WHERE "id" = ANY(${ids}::int[]) AND "state" = 'published' AND ("publicUntil" IS NULL OR "publicUntil" >= ${today}::date)
         AND "penaltyProcedure" IS DISTINCT FROM 'simple'`;
    return rows.map((row) => {
      const kindTitle = messages.search.decisionKindTitles[row.kind] ?? "";
      return {
        type: "decision" as const,
        sourceId: row.id,
        sourceVersion: `${row.version}:${row.publicUntil ? dateColumnToIsoDate(row.publicUntil) : ""}`,
        title: `${kindTitle}：${row.documentNumber} ${row.counterpartyName}`,
        fields: row.texts,
        url: `/decisions/${row.id}`,
        publishedAt: row.publishedAt,
        agencyId: row.agencyId,
        issuingBody: String(row.sectionId),
        visibleUntil: row.publicUntil ? dateColumnToIsoDate(row.publicUntil) : null,
      };
    });
  },
};
