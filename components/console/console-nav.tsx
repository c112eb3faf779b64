import Link from "next/link";
import { messages } from "@/lib/i18n";

export type ConsoleNavLink = { href: string; label: string };

export function ConsoleNav({ links }: { links: ConsoleNavLink[] }) {
  return (
    <nav aria-label={messages.kit.consoleNav} className="no-print">
      <ul className="flex flex-wrap gap-1 sm:block sm:space-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="block rounded px-3 py-2 text-sm text-gray-900 hover:bg-gray-100 max-sm:border max-sm:border-gray-300 max-sm:bg-white max-sm:px-2 max-sm:py-1">{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
