import "server-only";
import { agencyKinds, type AgencyKind } from "@/lib/agency/agencies";
import { db } from "@/lib/db";

/**
 * The public directory of agencies (机关导航, /agencies) on a platform of hundreds of them: by kind,
 * each kind's count, the first PREVIEW_SIZE of a kind on the overview and the whole kind page by
 * page (`kind=`), and a filter by name (`q=`). Public information: no actor needed.
 */
export const PREVIEW_SIZE = 18;
export const PAGE_SIZE = 60;
/** The longest filter read; a longer one is cut (an agency's full name is shorter). */
export const QUERY_MAX_LENGTH = 50;

export type DirectoryEntry = { code: string; name: string };

/** One kind: how many agencies of it match, and the ones shown (a preview, or one page). */
export type DirectoryGroup = { kind: AgencyKind; total: number; agencies: DirectoryEntry[] };

export type AgencyDirectory = {
  /** The filter as read (trimmed, cut), or undefined. */
  q: string | undefined;
  /** The kind asked for (`kind=`), or undefined: the overview of every kind. */
  kind: AgencyKind | undefined;
  page: number;
  pageSize: number;
  /** Agencies matching the filter, of every kind. */
  total: number;
  /** Kinds with a matching agency, in the directory's order (only the one asked for with `kind=`). */
  groups: DirectoryGroup[];
};

export type DirectoryFilter = { q?: string | string[]; kind?: string | string[]; page?: number };

const isAgencyKind = (value: unknown): value is AgencyKind => (agencyKinds as readonly unknown[]).includes(value);

/** What a name is compared in: full-width letters and digits folded, case ignored. */
const fold = (text: string) => text.normalize("NFKC").toLowerCase();

/** The filter from the address: one text, trimmed and cut; anything else (a repeated `q`), none. */
export function readDirectoryQuery(q: unknown): string | undefined {
  if (typeof q !== "string") return undefined;
  return q.trim().slice(0, QUERY_MAX_LENGTH).trim() || undefined;
}

export async function findAgencyDirectory(filter: DirectoryFilter): Promise<AgencyDirectory> {
  const q = readDirectoryQuery(filter.q);
  const kind = isAgencyKind(filter.kind) ? filter.kind : undefined;
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  // A few hundred short rows: filtered here, where a name's full-width forms fold as the visitor expects
  // (and `%` or `_` in the filter are plain characters, as they would not be in ILIKE).
  const rows = await db.agency.findMany({ select: { code: true, name: true, shortName: true, kind: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  const needle = q ? fold(q) : undefined;
  const matching = needle ? rows.filter((row) => [row.name, row.shortName, row.code].some((text) => fold(text).includes(needle))) : rows;
  const groups = agencyKinds
    .filter((each) => !kind || each === kind)
    .map((each) => {
      const ofKind = matching.filter((row) => row.kind === each);
      const shown = kind ? ofKind.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : ofKind.slice(0, PREVIEW_SIZE);
      return { kind: each, total: ofKind.length, agencies: shown.map(({ code, name }) => ({ code, name })) };
    })
    .filter((group) => group.total > 0);
  return { q, kind, page: kind ? page : 1, pageSize: kind ? PAGE_SIZE : PREVIEW_SIZE, total: matching.length, groups };
}
