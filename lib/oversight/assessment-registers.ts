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

type LatestRow = { register: RegisterSlug; sectionId: number | null; latest: Date };

/** Newest publication per register and section, up to the end of `day` in Beijing. */
async function latestPublications(day: IsoDate): Promise<LatestRow[]> {
  const until = new Date(`${day}T24:00:00+08:00`);
  return db.$queryRaw<LatestRow[]>`
    SELECT 'power-list' AS register, "sectionId", max("publishedAt") AS latest FROM "Power"
      WHERE "publishedAt" < ${until} AND "withdrawnAt" IS NULL AND "publishedContent" IS NOT NULL GROUP BY "sectionId"
    UNION ALL
    SELECT 'public-services', "sectionId", max("publishedAt") FROM "Service"
      WHERE "publishedAt" < ${until} AND "withdrawnAt" IS NULL AND "publishedContent" IS NOT NULL GROUP BY "sectionId"
    UNION ALL
    SELECT CASE kind WHEN 'license' THEN 'licensing' WHEN 'penalty' THEN 'penalties' ELSE 'coercion' END, "sectionId", max("publishedAt")
      FROM "AdministrativeDecision" WHERE "publishedAt" < ${until} AND state = 'published' GROUP BY kind, "sectionId"
    UNION ALL
    SELECT 'random-inspections', "sectionId", max("publishedAt") FROM "Inspection"
      WHERE "publishedAt" < ${until} AND state = 'published' GROUP BY "sectionId"
    UNION ALL
    SELECT 'proposals', p."leadSectionId", max(r."publishedAt") FROM "ProposalReply" r JOIN "Proposal" p ON p.id = r."proposalId"
      WHERE r."publishedAt" < ${until} AND r.state = 'published' AND r."withdrawnAt" IS NULL AND r.disclosure <> 'none' GROUP BY p."leadSectionId"`;
}

export type RegisterFreshnessBySection = { agency: RegisterFreshness[]; bySection: Map<number, RegisterFreshness[]> };

/**
 * Each register's freshness on `day` (the period's last day, or today while the period runs): for
 * the agency, every register; for a section, the registers it has published entries in.
 */
export async function judgeRegisterFreshness(day: IsoDate): Promise<RegisterFreshnessBySection> {
  const [rows, columns] = await Promise.all([
    latestPublications(day),
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
  const newest = (candidates: LatestRow[]) =>
    candidates.reduce<Date | null>((latest, row) => (latest === null || row.latest > latest ? row.latest : latest), null);
  const agency = assessedRegisters.map((register) => judge(register, newest(rows.filter((row) => row.register === register.slug))));
  const bySection = new Map<number, RegisterFreshness[]>();
  for (const register of assessedRegisters) {
    for (const row of rows.filter((candidate) => candidate.register === register.slug && candidate.sectionId !== null)) {
      const list = bySection.get(row.sectionId!) ?? [];
      list.push(judge(register, row.latest));
      bySection.set(row.sectionId!, list);
    }
  }
  return { agency, bySection };
}
