import "server-only";
import { resolvePublicAgency } from "@/lib/agency/public-agency";
import { beijingDayOf } from "@/lib/dates";
import { db } from "@/lib/db";
import { readPublishedPowerEntries } from "@/lib/powers/manage-powers";
import { filterPowerEntries, powerStatusesInForce, sortPowerEntries, type PowerEntry, type PowerEntryFilter } from "@/lib/powers/power-entry";
import { diffPowerLists, type PowerListDiff } from "@/lib/powers/power-list-diff";
import { readThroughPublicCache } from "@/lib/public-content/cached";

export type PublicPowerEntry = PowerEntry & { id: number | null };

export type PublicPowerListPage = {
  /** The year of a published yearly version, or null for the current list. */
  year: number | null;
  publishedAt: string | null;
  note: string | null;
  total: number;
  page: number;
  pageSize: number;
  items: PublicPowerEntry[];
  /** Counts of the whole list (not just this page) by status, for the summary line. */
  retained: number;
};

/** `agencyCode`: whose list (`agency=`, 集约化); the default agency's without one. */
export type PowerListQuery = PowerEntryFilter & { agencyCode?: string; year?: number; page?: number; pageSize?: number };

function pageOf(entries: PublicPowerEntry[], query: PowerListQuery, header: Pick<PublicPowerListPage, "year" | "publishedAt" | "note">): PublicPowerListPage {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(query.pageSize ?? 100)));
  const filtered = filterPowerEntries(entries, query);
  return {
    ...header,
    total: filtered.length,
    page,
    pageSize,
    items: filtered.slice((page - 1) * pageSize, page * pageSize),
    retained: filtered.filter((entry) => entry.status === "retained").length,
  };
}

/**
 * The current list (only the powers in force: a cancelled or delegated power is in the yearly lists
 * and their comparison), or with `year` the list as published for that year (null when that year was
 * never published). Paged: at most 100 entries a page.
 */
export async function findPublicPowerList(query: PowerListQuery = {}): Promise<PublicPowerListPage | null> {
  return readThroughPublicCache("power-list", [query], async () => {
    // The agency's list: the one named by agency=, else the default agency's (the addresses without an agency serve it).
    const { id: agencyId } = await resolvePublicAgency(query.agencyCode);
    if (query.year === undefined) {
      const inForce = (await readPublishedPowerEntries(db, { agencyId })).filter((entry) => powerStatusesInForce.includes(entry.status));
      return pageOf(inForce, query, { year: null, publishedAt: null, note: null });
    }
    const version = await db.powerListVersion.findUnique({ where: { agencyId_year: { agencyId, year: query.year } } });
    if (!version) return null;
    const entries = sortPowerEntries(version.entries as PowerEntry[]).map((entry) => ({ ...entry, id: null }));
    return pageOf(entries, query, { year: version.year, publishedAt: beijingDayOf(version.publishedAt), note: version.note });
  });
}

/** The years with a published version of the list of the agency named by `agencyCode` (the default agency's without one), newest first. */
export async function listPublicPowerListYears(agencyCode?: string): Promise<number[]> {
  const { id: agencyId } = await resolvePublicAgency(agencyCode);
  return readThroughPublicCache("power-list-years", [agencyId], async () => {
    const versions = await db.powerListVersion.findMany({ where: { agencyId }, select: { year: true }, orderBy: { year: "desc" } });
    return versions.map((version) => version.year);
  });
}

/** What changed between an agency's versions of two years (the default agency's without `agencyCode`); null when either was never published. */
export async function comparePublicPowerLists(fromYear: number, toYear: number, agencyCode?: string): Promise<PowerListDiff | null> {
  const { id: agencyId } = await resolvePublicAgency(agencyCode);
  return readThroughPublicCache("power-list-diff", [fromYear, toYear, agencyId], async () => {
    const [from, to] = await Promise.all([
      db.powerListVersion.findUnique({ where: { agencyId_year: { agencyId, year: fromYear } } }),
      db.powerListVersion.findUnique({ where: { agencyId_year: { agencyId, year: toYear } } }),
    ]);
    if (!from || !to) return null;
    return diffPowerLists(from.entries as PowerEntry[], to.entries as PowerEntry[]);
  });
}

/** One entry of the current list, or null when it is not public. */
export async function findPublicPower(powerId: number): Promise<PublicPowerEntry | null> {
  if (!Number.isSafeInteger(powerId) || powerId <= 0) return null;
  return readThroughPublicCache("power", [powerId], async () => {
    const power = await db.power.findFirst({ where: { id: powerId, withdrawnAt: null }, select: { id: true, publishedContent: true } });
    if (!power?.publishedContent) return null;
    return { ...(power.publishedContent as PowerEntry), id: power.id };
  });
}
