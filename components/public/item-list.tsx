import Link from "next/link";
import type { PublicItemSummary } from "@/lib/items/public-items";

export function ItemList({ items, emptyText, showCategory = false }: { items: PublicItemSummary[]; emptyText: string; showCategory?: boolean }) {
  if (!items.length) return <p className="py-6 text-gray-700">{emptyText}</p>;
  return (
    <ul className="divide-y divide-gray-200" data-testid="item-list">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
          <span className="min-w-0 flex-1">
            {showCategory ? <span className="mr-2 text-sm text-gray-700">[{item.category.name}]</span> : null}
            <Link href={`/items/${item.id}`} className="text-base">
              {item.title}
            </Link>
          </span>
          <time dateTime={item.publishedAt} className="shrink-0 text-sm text-gray-700">
            {item.publishedAt}
          </time>
        </li>
      ))}
    </ul>
  );
}
