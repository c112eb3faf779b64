import Link from "next/link";
import type { ActingUser } from "@/lib/auth/acting-user";
import { isPermitted } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n";

/** The links at the top of every applications page of the console. */
export function ApplicationsConsoleLinks({ actor, current }: { actor: ActingUser; current: "list" | "calendar" | "settings" | "templates" | "new" }) {
  const m = messages.applications.console;
  const links: [string, string, string][] = [["list", "/admin/applications", m.list], ["calendar", "/admin/applications/calendar", m.calendar]];
  if (isPermitted(actor.role, "application.configure")) links.push(["settings", "/admin/applications/settings", m.settings]);
  if (isPermitted(actor.role, "reply_template.manage")) links.push(["templates", "/admin/reply-templates", m.templates]);
  return (
    <nav aria-label={m.title} className="no-print flex flex-wrap gap-2 text-sm">
      {links.map(([key, href, label]) => (
        <Link key={key} href={href} aria-current={current === key ? "page" : undefined}
          className="rounded border border-gray-400 px-3 py-1 aria-[current=page]:border-blue-800 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white">
          {label}
        </Link>
      ))}
    </nav>
  );
}
