import Link from "next/link";
import { pageCount, pageHref, type Query } from "@/components/console/table-links";
import { messages } from "@/lib/i18n";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pageSize, total, basePath, query }: { page: number; pageSize: number; total: number; basePath: string; query: Query }) {
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  const m = messages.publicItems;
  return (
    <nav aria-label={messages.kit.pagination} className="no-print mt-4 flex items-center justify-between text-sm">
      {page > 1 ? (
        <Link href={pageHref(basePath, query, page - 1)} rel="prev">
          {m.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>{m.pageOf(page, pages)}</span>
      {page < pages ? (
        <Link href={pageHref(basePath, query, page + 1)} rel="next">
          {m.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
