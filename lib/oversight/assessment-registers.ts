import "server-only";
import { beijingDayOf } from "@/lib/dates";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/deadlines/iso-date";
import { messages } from "@/lib/i18n";
import { isRegisterStale } from "@/lib/oversight/assessment-rules";
import { effectiveStaleAfterDays } from "@/lib/oversight/spot-check-rules";

/** The registers the public site shows, by the catalogue column they fill, with their console list. */
export const assessedRegisters = [
  { slug: "power-list", url: "/admin/powers" },
  { slug: "public-services", url: "/admin/services" },
  { slug: "licensing", url: "/admin/decisions?kind=license" },
  { slug: "penalties", url: "/admin/decisions?kind=penalty" },
  { slug: "coercion", url: "/admin/decisions?kind=coercion" },
  { slug: "random-inspections", url: "/admin/inspections" },
  { slug: "proposals", url: "/admin/proposals" },
] as const;
export type RegisterSlug = (typeof assessedRegisters)[number]["slug"];

export type RegisterFreshness = {
  slug: RegisterSlug;
  name: string;
  url: string;
  /** The newest publication on or before the day judged (Beijing day); null: none. */
  lastUpdatedOn: IsoDate | null;
  limitDays: number | null;
  /** Null when the register's column has no age limit. */
  stale: boolean | null;
};

type LatestRow = { register: RegisterSlug; agencyId: number; sectionId: number | null; latest: Date };

/** Newest publication per register and section of `agencyIds`, up to the end of `day` in Beijing. */
async function latestPublications(day: IsoDate, agencyIds: readonly number[]): Promise<LatestRow[]> {
  const until = new Date(`${day}T24:00:00+08:00`);
  const ids = [...agencyIds];
  return db.$queryRaw<LatestRow[]>`
    SELECT latest.register, COALESCE(latest."agencyId", s."agencyId") AS "agencyId", latest."sectionId", latest.latest FROM (
      SELECT 'power-list' AS register, NULL::int AS "agencyId", "sectionId", max("publishedAt") AS latest FROM "Power"
        WHERE "publishedAt" < ${until} AND "withdrawnAt" IS NULL AND "publishedContent" IS NOT NULL GROUP BY "sectionId"
      UNION ALL
      SELECT 'public-services', NULL, "sectionId", max("publishedAt") FROM "Service"
        WHERE "publishedAt" < ${until} AND "withdrawnAt" IS NULL AND "publishedContent" IS NOT NULL GROUP BY "sectionId"
      UNION ALL
      SELECT CASE kind WHEN 'license' THEN 'licensing' WHEN 'penalty' THEN 'penalties' ELSE 'coercion' END, NULL, "sectionId", max("publishedAt")
        FROM "AdministrativeDecision" WHERE "publishedAt" < ${until} AND state = 'published' GROUP BY kind, "sectionId"
      UNION ALL
      SELECT 'random-inspections', NULL, "sectionId", max("publishedAt") FROM "Inspection"
        WHERE "publishedAt" < ${until} AND state = 'published' GROUP BY "sectionId"
      UNION ALL
      SELECT 'proposals', p."agencyId", p."leadSectionId", max(r."publishedAt") FROM "ProposalReply" r JOIN "Proposal" p ON p.id = r."proposalId"
        WHERE r."publishedAt" < ${until} AND r.state = 'published' AND r."withdrawnAt" IS NULL AND r.disclosure <> 'none' GROUP BY p."agencyId", p."leadSectionId"
    ) latest LEFT JOIN "Section" s ON s.id = latest."sectionId"
    WHERE COALESCE(latest."agencyId", s."agencyId") = ANY(${ids}::int[])`;
}

export type RegisterFreshnessBySection = {
  /** Every register, for each agency asked about. */
  byAgency: Map<number, RegisterFreshness[]>;
  bySection: Map<number, RegisterFreshness[]>;
};

/**
 * Each register's freshness on `day` (the period's last day, or today while the period runs): for
 * each of `agencyIds`, every register (its newest publication in any of its sections); for a
 * section, the registers it has published entries in. Two queries whatever the number of agencies.
 */
export async function judgeRegisterFreshness(day: IsoDate, agencyIds: readonly number[]): Promise<RegisterFreshnessBySection> {
  const [rows, columns] = await Promise.all([
    latestPublications(day, agencyIds),
    db.category.findMany({
      where: { slug: { in: assessedRegisters.map((register) => register.slug) } },
      select: { slug: true, name: true, staleAfterDays: true },
    }),
  ]);
  const columnOf = new Map(columns.map((column) => [column.slug, column]));
  const judge = (register: (typeof assessedRegisters)[number], latest: Date | null): RegisterFreshness => {
    const column = columnOf.get(register.slug);
    const limitDays = column ? effectiveStaleAfterDays(column) : null;
    const lastUpdatedOn = latest ? beijingDayOf(latest) : null;
    return {
      slug: register.slug,
      name: column?.name ?? messages.assessment.registers[register.slug],
      url: register.url,
      lastUpdatedOn,
      limitDays,
      stale: isRegisterStale(lastUpdatedOn, limitDays, day),
    };
  };
  const newestOf = new Map<string, Date>();
  const bySection = new Map<number, RegisterFreshness[]>();
  for (const register of assessedRegisters) {
    for (const row of rows.filter((candidate) => candidate.register === register.slug)) {
      const key = `${row.agencyId}:${register.slug}`;
      const newest = newestOf.get(key);
      if (newest === undefined || row.latest > newest) newestOf.set(key, row.latest);
      if (row.sectionId === null) continue;
      const list = bySection.get(row.sectionId) ?? [];
      list.push(judge(register, row.latest));
      bySection.set(row.sectionId, list);
    }
  }
  const byAgency = new Map(
    agencyIds.map((agencyId) => [agencyId, assessedRegisters.map((register) => judge(register, newestOf.get(`${agencyId}:${register.slug}`) ?? null))]),
  );
  return { byAgency, bySection };
}
