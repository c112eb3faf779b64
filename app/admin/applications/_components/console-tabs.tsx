import { TabLinks, type TabLink } from "@/components/console/tab-links";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n";

/** The links at the top of every applications page of the console. */
export function ApplicationsConsoleLinks({
  actor,
  current,
}: {
  actor: ActingUser;
  current: "list" | "calendar" | "appeals" | "settings" | "templates" | "new";
}) {
  const m = messages.applications.console;
  const links: TabLink[] = [
    { key: "list", href: "/admin/applications", label: m.list },
    { key: "calendar", href: "/admin/applications/calendar", label: m.calendar },
    { key: "appeals", href: "/admin/applications/appeals", label: m.appealsPage.tab },
  ];
  if (isPermitted(actor.role, "application.configure")) links.push({ key: "settings", href: "/admin/applications/settings", label: m.settings });
  if (isPermitted(actor.role, "reply_template.manage")) links.push({ key: "templates", href: "/admin/reply-templates", label: m.templates });
  return <TabLinks label={m.title} tabs={links} current={current} />;
}
