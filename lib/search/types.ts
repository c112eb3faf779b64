import type { DatabaseTransaction } from "@/lib/db";
import type { ParsedQuery } from "@/lib/search/query";

/**
 * The kinds of public record search covers. Each has a source in lib/search/sources/<type>.ts
 * (registered in lib/search/sources/index.ts); a type without a registered source simply has no
 * documents yet.
 */
export const SEARCH_DOCUMENT_TYPES = ["item", "power", "service", "decision", "proposal_reply"] as const;
export type SearchDocumentType = (typeof SEARCH_DOCUMENT_TYPES)[number];

export type SearchSort = "relevance" | "date";

/**
 * The stored issuing body of a document reposted from another issuer (外单位发文机关): its name after a
 * prefix no filter value (`agency` or a section id) can take, so it never counts as 本机关.
 */
const EXTERNAL_ISSUER_PREFIX = "external:";

export function externalIssuingBody(name: string): string {
  return `${EXTERNAL_ISSUER_PREFIX}${name}`;
}

/** The outside issuer's name of a stored issuing body, or null when it is this agency or a section. */
export function externalIssuingBodyName(stored: string): string | null {
  return stored.startsWith(EXTERNAL_ISSUER_PREFIX) ? stored.slice(EXTERNAL_ISSUER_PREFIX.length) : null;
}

/** A search as the engine receives it: query parsed, filters resolved to stored values. */
export type SearchEngineRequest = {
  query: ParsedQuery;
  /** One agency's documents (集约化); every agency's when absent. */
  agencyId?: number;
  types?: SearchDocumentType[];
  /** The category and every category below it (items only). */
  categoryIds?: number[];
  /** Calendar year of publication, Beijing time. */
  year?: number;
  issuingBody?: string;
  validity?: string;
  sort: SearchSort;
  page: number;
  pageSize: number;
};

export type SearchEngineHit = {
  type: SearchDocumentType;
  sourceId: number;
  title: string;
  /** The document's plain text, for the snippet. */
  content: string;
  url: string;
  publishedAt: Date;
  agencyId: number;
  categoryId: number | null;
  issuingBody: string | null;
  validity: string | null;
};

export type SearchEngineResult = {
  total: number;
  /** True when the total was extrapolated instead of counted (very common terms). */
  totalIsEstimate: boolean;
  hits: SearchEngineHit[];
};

/** What a source gives the index about one public record. */
export type SearchDocumentInput = {
  type: SearchDocumentType;
  sourceId: number;
  /** Changes whenever the record's public content changes. */
  sourceVersion: string;
  title: string;
  /** Searchable plain-text fields in reading order: numbers, body, attachment text… */
  fields: (string | null | undefined)[];
  url: string;
  publishedAt: Date;
  /** The agency of the record (集约化). */
  agencyId: number;
  categoryId?: number | null;
  issuingBody?: string | null;
  validity?: string | null;
  /** The last calendar day (Beijing) the record is public; null or absent = no end. */
  visibleUntil?: string | null;
};

/**
 * The search engine behind the public search: PostgreSQL by default (lib/search/postgres-engine.ts).
 * Another engine (OpenSearch / Elasticsearch with a Chinese analyzer) implements the same four
 * methods; see docs/search-and-speed.md. Writes take the caller's transaction when there is one, so
 * that PostgreSQL keeps the index exactly in step with publication; an external engine would
 * instead queue the change (outbox) and apply it after commit.
 */
export interface SearchEngine {
  search(request: SearchEngineRequest): Promise<SearchEngineResult>;
  /** Adds or replaces documents (keyed by type and sourceId). */
  upsertDocuments(documents: SearchDocumentInput[], tx?: DatabaseTransaction): Promise<void>;
  removeDocuments(type: SearchDocumentType, sourceIds: number[], tx?: DatabaseTransaction): Promise<void>;
  /**
   * sourceId → sourceVersion of the indexed documents of a type with a sourceId in (after, through]
   * (`through` null: no upper end), for reconciling a page of a source's records at a time.
   */
  listIndexedVersions(type: SearchDocumentType, range: { after: number; through: number | null }, tx?: DatabaseTransaction): Promise<Map<number, string>>;
}
