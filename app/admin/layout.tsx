import type { Metadata } from "next";
import Link from "next/link";
import { ConsoleNav, type ConsoleNavLink } from "@/components/console/console-nav";
import { SkipLink } from "@/components/layout/skip-link";
import type { ActingUser } from "@/lib/auth/acting-user";
import { requirePageUser } from "@/lib/auth/page-guard";
import { isPermitted } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n";
import { countMyUnreadNotifications } from "@/lib/notifications/inbox";
import { logOut } from "./actions";

export const metadata: Metadata = { title: { default: messages.console.title, template: `%s - ${messages.console.title}` } };

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // The frame also holds the password change of an account with a one-time password (its pages
  // send it there): then it shows no menu and counts no notifications.
  const user = await requirePageUser("console.access", { allowPendingPasswordChange: true });
  const pending = user.mustChangePassword === true;
  const unread = pending ? 0 : await countMyUnreadNotifications(user);
  const m = messages.console;
  const links: ConsoleNavLink[] = pending ? [] : [{ href: "/admin", label: m.dashboard }];
  if (!pending) addConsoleLinks(user, links);
  links.push({ href: "/admin/account", label: m.account });
  return (
    <>
      <SkipLink />
      <header className="bg-slate-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/admin" className="font-bold text-white">
              {m.title}
            </Link>
            <span className="ml-3 text-sm text-slate-200" data-testid="console-agency">
              {user.agencyName}
            </span>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <span data-testid="current-user">
              {m.signedInAs}：{user.displayName}（{messages.roles[user.role]}，{user.sectionName}）
            </span>
            {pending ? null : (
              <Link
                href="/admin/notifications"
                className="whitespace-nowrap text-white"
                data-testid="notification-badge"
                aria-label={messages.notifications.unreadBadge(unread)}
              >
                {messages.notifications.nav}
                {unread ? (
                  <span
                    aria-hidden="true"
                    className="ml-1 inline-block min-w-6 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-bold text-white"
                  >
                    {unread > 99 ? "99+" : unread}
                  </span>
                ) : null}
              </Link>
            )}
            <Link href="/" className="whitespace-nowrap text-white">
              {messages.site.home}
            </Link>
            <form action={logOut}>
              <button type="submit" className="rounded border border-slate-300 px-2 py-1 whitespace-nowrap text-white hover:bg-slate-700">
                {messages.site.logout}
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:flex-row">
        <aside className="shrink-0 sm:w-44">
          <ConsoleNav links={links} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </>
  );
}

/** The menu's links by the role's permissions (the account page comes last, for everyone). */
function addConsoleLinks(user: ActingUser, links: ConsoleNavLink[]): void {
  const m = messages.console;
  if (isPermitted(user.role, "item.read_console")) links.push({ href: "/admin/items", label: m.items });
  if (isPermitted(user.role, "application.read")) links.push({ href: "/admin/applications", label: messages.applications.console.title });
  if (isPermitted(user.role, "reply_template.manage")) links.push({ href: "/admin/reply-templates", label: messages.applications.templatesAdmin.title });
  if (isPermitted(user.role, "registers.read_console")) {
    links.push({ href: "/admin/powers", label: messages.registers.nav.powers });
    links.push({ href: "/admin/services", label: messages.registers.nav.services });
    links.push({ href: "/admin/decisions", label: messages.registers.nav.decisions });
  }
  if (isPermitted(user.role, "inspection.read_console")) links.push({ href: "/admin/inspections", label: messages.inspections.navLabel });
  if (isPermitted(user.role, "proposal.read_console")) links.push({ href: "/admin/proposals", label: messages.proposals.console.nav });
  if (isPermitted(user.role, "feedback.read_console")) links.push({ href: "/admin/feedback", label: messages.proposals.feedback.console.nav });
  if (isPermitted(user.role, "report.read")) links.push({ href: "/admin/reports", label: m.reports });
  if (isPermitted(user.role, "report.read_summary")) links.push({ href: "/admin/reports/summary", label: messages.reports.summary.navLabel });
  if (isPermitted(user.role, "catalogue.manage") || isPermitted(user.role, "catalogue.manage_template"))
    links.push({ href: "/admin/catalogue", label: m.catalogue });
  if (isPermitted(user.role, "sensitive_words.manage")) links.push({ href: "/admin/sensitive-words", label: m.sensitiveWords });
  if (isPermitted(user.role, "calendar.manage")) links.push({ href: "/admin/calendar", label: m.calendar });
  if (isPermitted(user.role, "site_identity.manage")) links.push({ href: "/admin/site-identity", label: messages.siteIdentity.nav });
  // The platform administrator keeps every agency; an agency's administrator its own (本机关信息).
  if (isPermitted(user.role, "agency.manage")) links.push({ href: "/admin/agencies", label: messages.agencies.nav });
  else if (isPermitted(user.role, "agency.edit_own")) links.push({ href: `/admin/agencies/${user.agencyCode}`, label: messages.agencies.ownNav });
  if (isPermitted(user.role, "spot_check.read")) links.push({ href: "/admin/spot-check", label: messages.oversight.nav });
  // The platform roles read the assessment across the agencies (assessment.read_platform).
  if (isPermitted(user.role, "assessment.read") || isPermitted(user.role, "assessment.read_platform"))
    links.push({ href: "/admin/assessment", label: messages.assessment.nav });
  if (isPermitted(user.role, "audit.read")) links.push({ href: "/admin/audit", label: m.audit });
  if (isPermitted(user.role, "user.manage")) links.push({ href: "/admin/users", label: m.users });
  if (isPermitted(user.role, "section.manage")) links.push({ href: "/admin/sections", label: m.sections });
}
