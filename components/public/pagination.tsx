import Link from "next/link";
import { messages } from "@/lib/i18n";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pageSize, total, basePath, query }: { page: number; pageSize: number; total: number; basePath: string; query: Record<string, string | undefined> }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `${basePath}?${params}`;
  };
  const m = messages.publicItems;
  return (
    <nav aria-label="分页" className="no-print mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">{m.previous}</Link> : <span />}
      <span>{m.pageOf(page, pages)}</span>
      {page < pages ? <Link href={hrefFor(page + 1)} rel="next">{m.next}</Link> : <span />}
    </nav>
  );
}
