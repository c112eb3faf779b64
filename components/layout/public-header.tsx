import Link from "next/link";
import { messages } from "@/lib/i18n";

export function PublicHeader({ agencyName }: { agencyName: string }) {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-5">
        <div>
          <Link href="/" className="text-2xl font-bold text-white hover:no-underline">
            {agencyName}
          </Link>
          <p className="mt-1 text-sm text-red-50">{messages.site.disclosureColumn}</p>
        </div>
        <nav aria-label={messages.site.mainNavigation} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="text-white">
            {messages.site.home}
          </Link>
          <Link href="/catalogue/statutory" className="text-white">
            {messages.site.catalogue}
          </Link>
          <Link href="/apply" className="text-white">
            {messages.site.apply}
          </Link>
          <Link href="/applications" className="text-white">
            {messages.site.applicationStatus}
          </Link>
          <Link href="/reports/annual" className="text-white">
            {messages.site.annualReports}
          </Link>
          <Link href="/feedback" className="text-white">
            {messages.site.feedback}
          </Link>
          <Link href="/admin" className="text-white">
            {messages.site.console}
          </Link>
        </nav>
      </div>
    </header>
  );
}
