import Link from "next/link";

export type TabLink = { key: string; href: string; label: string };

/** Links between views of one list or between a domain's pages; the current one says so (aria-current). */
export function TabLinks({ label, tabs, current }: { label: string; tabs: TabLink[]; current: string }) {
  return (
    <nav aria-label={label} className="no-print flex flex-wrap gap-2 text-sm">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className="rounded border border-gray-400 bg-white px-3 py-1 text-gray-900 hover:no-underline hover:bg-gray-100 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white"
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
