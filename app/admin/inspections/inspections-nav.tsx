import { TabLinks } from "@/components/console/tab-links";
import { inspectionsMessages as m } from "@/lib/i18n/zh-CN/inspections";

const tabs = [
  { href: "/admin/inspections", key: "tasks" },
  { href: "/admin/inspections/targets", key: "targets" },
  { href: "/admin/inspections/inspectors", key: "inspectors" },
  { href: "/admin/inspections/items", key: "items" },
] as const;

/** The four parts of 双随机一公开 in the console. */
export function InspectionsNav({ current }: { current: (typeof tabs)[number]["key"] }) {
  return <TabLinks label={m.title} current={current} tabs={tabs.map((tab) => ({ ...tab, label: m.sections[tab.key] }))} />;
}
