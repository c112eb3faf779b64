import Link from "next/link";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

const tabs = [
  { href: "/admin/inspections", key: "tasks" },
  { href: "/admin/inspections/targets", key: "targets" },
  { href: "/admin/inspections/inspectors", key: "inspectors" },
  { href: "/admin/inspections/items", key: "items" },
] as const;

/** The four parts of 双随机一公开 in the console. */
export function InspectionsNav({ current }: { current: (typeof tabs)[number]["key"] }) {
  return (
    <nav aria-label={m.title} className="no-print mb-4 border-b border-gray-300">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
              className={`block rounded-t px-3 py-2 text-sm ${tab.key === current ? "border border-b-white border-gray-300 bg-white font-semibold text-gray-900" : "text-blue-800"}`}
            >
              {m.sections[tab.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
