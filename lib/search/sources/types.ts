import type { DatabaseTransaction } from "@/lib/db";
import type { SearchDocumentInput, SearchDocumentType } from "@/lib/search/types";

/** A page of version stamps: ids above `after`, at most `limit` of them. */
export type VersionPage = { after: number; limit: number };

/** The Prisma client or a transaction: sources read through whichever the caller holds. */
export type SearchSourceClient = DatabaseTransaction;

/**
 * One kind of public record that search covers. A source only reads its own tables; the index
 * (lib/search/search-index.ts) decides when to call it:
 * - in the transaction that publishes or withdraws a record, when the domain calls
 *   `syncSearchDocuments(tx, type, [id])` (every reviewed record type with a source does, from lib/workflow/engine.ts);
 * - otherwise on the first search after the public content version changed (every public write
 *   bumps it), by comparing `listPublicVersions` with what the index holds.
 * So a domain that bumps the content version (which it must do anyway for the page cache) is
 * searchable without any other change; calling syncSearchDocuments as well makes it exact
 * within the same transaction.
 */
export interface SearchSource {
  readonly type: SearchDocumentType;
  /**
   * id → version stamp of the records the public can see now whose id is above `page.after`: the
   * `page.limit` lowest ids, in id order (the index reads a million records a page at a time, never
   * all at once). The stamp changes with the record's public content.
   */
  listPublicVersions(client: SearchSourceClient, page: VersionPage): Promise<Map<number, string>>;
  /** The documents of these records as the public sees them; records not public (any more) are left out. */
  loadDocuments(client: SearchSourceClient, ids: number[]): Promise<SearchDocumentInput[]>;
}
