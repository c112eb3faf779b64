"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { messages } from "@/lib/i18n";

export type ConsoleNavLink = { href: string; label: string };

/** The link whose section holds the current page: the longest href the path is in (the dashboard only itself). */
function currentLink(links: ConsoleNavLink[], pathname: string): string | undefined {
  return links
    .filter((link) => pathname === link.href || (link.href !== "/admin" && pathname.startsWith(`${link.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function ConsoleNav({ links }: { links: ConsoleNavLink[] }) {
  const current = currentLink(links, usePathname());
  return (
    <nav aria-label={messages.kit.consoleNav} className="no-print">
      <ul className="flex flex-wrap gap-1 sm:block sm:space-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className="block rounded border-l-4 border-transparent px-3 py-2 text-sm text-gray-900 hover:bg-gray-100 aria-[current=page]:border-red-800 aria-[current=page]:bg-red-50 aria-[current=page]:font-semibold aria-[current=page]:text-red-900 max-sm:border max-sm:border-gray-300 max-sm:bg-white max-sm:px-2 max-sm:py-1"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
